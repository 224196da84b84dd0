// `npm run bench:gpu`: the built site's /model page in headless Chromium on the machine's GPU (ANGLE on the system
// driver, not SwiftShader), N runs of the parity fixture's first scene on WebGL: per-part milliseconds of the cold
// run and the warm median, the renderer the browser really got, and every run's detections' agreement with
// torchvision's (tests/fixtures/model-parity.json; two of its scenes in turn). Exits 1 on disagreement. Unattended, a few minutes at most.
//
//   GPU_BENCH_RUNS=5          runs (the first is cold: it compiles every shader)
//   GPU_BENCH_ANGLE=default   ANGLE backend: default | vulkan | gl | swiftshader (software, what this machine has)
//
// WebGPU is not measured: the site ships no WebGPU backend (issue 19 asks for a parity check in the browser first).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { DEFAULT_MODEL } from '../src/lib/model/default-model';
import { findChromium } from '../tests/e2e/find-chromium';
import { serveStatic } from '../tests/e2e/static-server';
import { parseBackendLine, type RunLine } from './backend-line';

const BUILD = 'build-bench';
const RUNS = Math.max(2, Number(process.env.GPU_BENCH_RUNS ?? 5));
const ANGLE = process.env.GPU_BENCH_ANGLE ?? 'default';
const SCORE_TOL = 0.01;

const fixture = JSON.parse(readFileSync('tests/fixtures/model-parity.json', 'utf8')) as {
	cases: { seed: number; labels: number[]; scores: number[] }[];
};
const classes = (
	JSON.parse(readFileSync(`static/weights/${DEFAULT_MODEL}/manifest.json`, 'utf8')) as {
		classNames: string[];
	}
).classNames;
const cases = fixture.cases.slice(0, 2);

/** Same classes in the same order as torchvision, scores within SCORE_TOL (the page shows scores ≥ 0.05). */
async function agrees(page: Page, c: (typeof cases)[number]): Promise<boolean> {
	const got = await page
		.locator('[data-testid="detection"]')
		.evaluateAll((els) =>
			els.map((e) => ({ label: e.getAttribute('data-label'), score: Number(e.getAttribute('data-score')) }))
		);
	got.sort((a, b) => b.score - a.score);
	const want = c.labels.map((l, i) => ({ label: classes[l], score: c.scores[i] }));
	const same =
		want.length === got.length &&
		want.every((w, i) => w.label === got[i].label && Math.abs(w.score - got[i].score) <= SCORE_TOL);
	if (!same) console.error(`scene ${c.seed}: ${JSON.stringify({ got, want })}`);
	return same;
}

function ensureBuild() {
	const same =
		existsSync(`${BUILD}/weights/${DEFAULT_MODEL}/manifest.json`) &&
		readFileSync(`${BUILD}/weights/${DEFAULT_MODEL}/manifest.json`, 'utf8') ===
			readFileSync(`static/weights/${DEFAULT_MODEL}/manifest.json`, 'utf8');
	if (same) return;
	console.log(`building the site into ${BUILD}/ …`);
	const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
		stdio: 'inherit',
		env: { ...process.env, BUILD_DIR: BUILD, BASE_PATH: '', NODE_ENV: 'production' }
	});
	if (r.status !== 0) throw new Error('the build failed');
}

const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--ignore-gpu-blocklist',
	'--enable-gpu',
	`--use-angle=${ANGLE}`,
	...(ANGLE === 'swiftshader' ? ['--enable-unsafe-swiftshader'] : [])
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<number> {
	ensureBuild();
	const { server, url } = await serveStatic(BUILD, '');
	const browser = await chromium.launch({ executablePath: findChromium(), args: ARGS });
	try {
		const page = await browser.newPage();
		await page.goto(`${url}/model?seed=${cases[0].seed}&score=0.05`);
		const renderer = await page.evaluate(() => {
			const gl = document.createElement('canvas').getContext('webgl2');
			if (!gl) return 'no WebGL2';
			const ext = gl.getExtension('WEBGL_debug_renderer_info');
			return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
		});
		const software = /swiftshader|llvmpipe|software/i.test(renderer);
		console.log(`renderer: ${renderer}${software ? '  ← software rendering, not a GPU figure' : ''}`);
		console.log(
			`WebGPU offered by the browser: ${await page.evaluate(() => 'gpu' in navigator)} (not measured)`
		);

		const line = page.getByTestId('backend');
		const runs: RunLine[] = [];
		let disagreements = 0;
		for (let i = 0; i < RUNS; i++) {
			// two fixture scenes in turn: the page runs only when the scene changes
			const c = cases[i % 2];
			const before = (await line.textContent().catch(() => '')) ?? '';
			if (i > 0) {
				await page.getByRole('textbox').fill(String(c.seed));
				await page.getByRole('textbox').press('Enter');
			}
			await page.waitForFunction(
				([prev, seed]) => {
					const t = (document.querySelector('[data-testid="backend"]')?.textContent ?? '').replace(
						/\s+/g,
						' '
					);
					return t.includes(' ms (') && t.includes(`scene ${seed}`) && t !== prev;
				},
				[before, String(c.seed)] as const,
				{ timeout: 240_000 }
			);
			runs.push(parseBackendLine(await line.textContent()));
			const ok = await agrees(page, c);
			if (!ok) disagreements++;
			console.log(
				`run ${i + 1}: scene ${c.seed}, ${runs[i].ms} ms on ${runs[i].backend}, ${ok ? 'agrees with torchvision' : 'DISAGREES with torchvision'}`
			);
		}
		if (runs.some((r) => r.backend !== 'webgl')) {
			console.error(`the page did not run on WebGL: ${runs.map((r) => r.backend).join(', ')}`);
			return 1;
		}
		const warm = runs.slice(1);
		console.log('part | cold (run 1) ms | warm median ms');
		for (const part of Object.keys(runs[0].parts))
			console.log(`${part} | ${runs[0].parts[part]} | ${median(warm.map((r) => r.parts[part]))}`);
		console.log(`total | ${runs[0].ms} | ${median(warm.map((r) => r.ms))}`);
		return disagreements > 0 ? 1 : 0;
	} finally {
		await browser.close();
		await new Promise<void>((ok) => server.close(() => ok()));
	}
}

process.exitCode = await main();
