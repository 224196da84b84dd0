// Screenshots of every page, embed and stepper stage at 1280 and 375 px, light and dark, from a static build.
//   npx tsx tools/shots/shots.ts --build build-shots --out /tmp/shots [--only roi,tut-rpn] [--skip-build]
// Builds under /explainer with the browser-test server (so it is the deployed site), waits for each model run,
// and writes <name>-<width>-<scheme>.png. `tools/shots/compare.ts` diffs two such folders pixel by pixel.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/find-chromium';
import { serveStatic } from '../../tests/e2e/static-server';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : dflt;
};
const BUILD = opt('build', 'build-shots');
const OUT = opt('out', '/tmp/shots');
const ONLY = opt('only', '');
const BASE = '/explainer';

/** Pages whose content is static once loaded (op panels, tutorials, embeds). */
const PAGES: [string, string][] = [
	['landing', '/'],
	['roi-pool', '/roi-pool'],
	['roi-align', '/roi-align'],
	['compare', '/compare'],
	['fpn-levels', '/fpn-levels'],
	['training-targets', '/training-targets'],
	['table-2', '/table-2'],
	['stepper-roipool-7', '/stepper?stage=7&model=shapes-mrcnn-r10s-roipool'],
	['tutorials', '/tutorials'],
	['tut-roipool', '/tutorials/roipool-to-roialign'],
	['tut-levels', '/tutorials/which-pyramid-level'],
	['tut-masks', '/tutorials/sigmoid-masks'],
	['tut-one-pass', '/tutorials/one-pass'],
	['tut-rpn', '/tutorials/how-the-rpn-learns'],
	['embed-roi-pool', '/embed/roi-pool'],
	['embed-roi-align', '/embed/roi-align'],
	['embed-roi-align-pair', '/embed/roi-align-pair'],
	['embed-compare', '/embed/compare'],
	['embed-fpn-levels', '/embed/fpn-levels'],
	['embed-training-targets', '/embed/training-targets'],
	['embed-overview', '/embed/overview']
];
/** Pages that run the model: shot once its status says ready. */
const MODEL_PAGES: [string, string][] = [
	['model', '/model?seed=11'],
	['embed-model-10', '/embed/model?stage=10&seed=11'],
	['stepper-empty-10', '/stepper?stage=10&shapes='],
	['stepper-sample-11', '/stepper?stage=11&seed=11&sample=5']
];
const STAGES = 11;
const VARIANTS = [
	{ width: 1280, height: 800, scheme: 'light' as const },
	{ width: 1280, height: 800, scheme: 'dark' as const },
	{ width: 375, height: 800, scheme: 'light' as const },
	{ width: 375, height: 800, scheme: 'dark' as const }
];

async function settle(page: Page) {
	await page.waitForLoadState('networkidle');
	await page.evaluate(() => document.fonts.ready);
	await page.waitForTimeout(400);
}

async function modelReady(page: Page) {
	await page.waitForFunction(
		() => {
			const s = document.querySelector('[data-testid="stepper"]')?.getAttribute('data-status');
			// /model has no status attribute: its detections (or an error) mean the run is done
			return (
				s === 'ready' || s === 'error' || document.querySelector('[data-testid="detection"], [role="alert"]')
			);
		},
		null,
		{ timeout: 240_000 }
	);
	await settle(page);
}

async function main() {
	if (!args.includes('--skip-build'))
		execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
			stdio: 'inherit',
			env: { ...process.env, NODE_ENV: 'production', BASE_PATH: BASE, BUILD_DIR: BUILD }
		});
	mkdirSync(OUT, { recursive: true });
	const { server, url } = await serveStatic(BUILD, BASE);
	const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
	// --only takes comma-separated parts of names: --only training,tut-rpn,stepper-0 (stages 1-9: stepper-0)
	const want = (name: string) => !ONLY || ONLY.split(',').some((part) => name.includes(part));
	try {
		for (const v of VARIANTS) {
			const ctx = await browser.newContext({
				viewport: { width: v.width, height: v.height },
				colorScheme: v.scheme,
				reducedMotion: 'reduce'
			});
			const shot = async (page: Page, name: string) => {
				const file = join(OUT, `${name}-${v.width}-${v.scheme}.png`);
				await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
				console.log(file);
			};
			for (const [name, path] of PAGES.filter(([n]) => want(n))) {
				const page = await ctx.newPage();
				await page.goto(url + path, { waitUntil: 'networkidle' });
				await settle(page);
				await shot(page, name);
				await page.close();
			}
			for (const [name, path] of MODEL_PAGES.filter(([n]) => want(n))) {
				const page = await ctx.newPage();
				await page.goto(url + path);
				await modelReady(page);
				await shot(page, name);
				await page.close();
			}
			if (want('stepper-0') || want('stepper-1')) {
				// one page on the default scene's stored run; stages switched by the URL's own key handling (→)
				const page = await ctx.newPage();
				await page.goto(url + '/stepper?stage=1');
				await modelReady(page);
				for (let s = 1; s <= STAGES; s++) {
					if (s > 1) {
						await page.locator('body').click({ position: { x: 2, y: 2 } });
						await page.keyboard.press('ArrowRight');
						await page.waitForFunction((n) => document.querySelector(`[data-stage="${n}"]`), s);
						await settle(page);
						await page.waitForTimeout(800);
					}
					await shot(page, `stepper-${String(s).padStart(2, '0')}`);
				}
				await page.close();
			}
			await ctx.close();
		}
	} finally {
		await browser.close();
		server.close();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
