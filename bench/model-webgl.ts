// WebGL figure for the model benchmark: the built site's /model page in headless Chromium (SwiftShader here), run
// twice on the same seed; the second run's time is the warm one (the first compiles every shader).
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { DEFAULT_MODEL } from '../src/lib/model/default-model';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/find-chromium';
import { serveStatic } from '../tests/e2e/static-server';
import { parseBackendLine } from './backend-line';

const BUILD = 'build-bench';

function parse(text: string | null): { ms: number; detections: number } {
	const r = parseBackendLine(text);
	return { ms: r.ms, detections: r.detections };
}

/** Why the WebGL figure cannot be measured now, or null if it can. */
function skipReason(): string | null {
	if (!existsSync(BUILD)) return 'no build-bench/ (run `npm run build` with BUILD_DIR=build-bench first)';
	// A build made before the weights were retrained would time (and count detections of) the old model.
	const manifest = (root: string) => readFileSync(`${root}/weights/${DEFAULT_MODEL}/manifest.json`, 'utf8');
	if (manifest(BUILD) !== manifest('static'))
		return 'build-bench/ holds other weights than static/weights (rebuild it with BUILD_DIR=build-bench npm run build)';
	return null;
}

export async function webglRunMs(
	seed: number
): Promise<{ ms: number; detections: number } | { skipped: string }> {
	const skipped = skipReason();
	if (skipped !== null) return { skipped };
	const { server, url } = await serveStatic(BUILD, '');
	const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage();
		await page.goto(`${url}/model?seed=${seed}`);
		const line = page.getByTestId('backend');
		await page.getByTestId('detection').first().waitFor({ timeout: 600_000 });
		const first = parse(await line.textContent());
		const backend = (await line.textContent()) ?? '';
		if (!/Backend webgl/.test(backend)) throw new Error(`/model did not use WebGL: ${backend}`);
		await page.getByRole('textbox').fill(String(seed));
		await page.getByRole('textbox').press('Enter');
		await page.waitForFunction(
			(prev) => !document.querySelector('[data-testid="backend"]')?.textContent?.includes(prev),
			`run ${first.ms} ms`,
			{ timeout: 600_000 }
		);
		await page.getByTestId('detection').first().waitFor({ timeout: 600_000 });
		return parse(await line.textContent());
	} finally {
		await browser.close();
		await new Promise<void>((ok) => server.close(() => ok()));
	}
}
