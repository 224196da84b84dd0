// `npm run bench:page`: how fast the way in is, in headless Chromium on this machine (SwiftShader WebGL: software,
// not a GPU figure). It builds the site under /explainer, serves it like a static host and measures, each page with
// a cold cache (a new browser context):
//   - landing: navigation → the overview painted with its detections; gzip'd JS before the live model is asked for;
//     requests for weights (must be none) and for tfjs chunks before the first paint
//   - /stepper?stage=N for every stage: navigation → the stage's content painted from the stored run
//   - live run (a seed with no stored run): navigation → stage 1 shown from the run's first part, → the whole run
// Figures, not pass/fail: the targets are in the issue and the note compares against them.
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/find-chromium';
import { serveStatic } from '../tests/e2e/static-server';

const BASE = '/explainer';
const BUILD = 'build-bench';
const STAGES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

interface Traffic {
	jsGzip: number;
	weights: number;
	tfjsChunks: number;
}

/** Counts what a page fetched: JS gzip size (compressed here, as a static host would), weights and tfjs. */
function watch(page: Page): Traffic {
	const t: Traffic = { jsGzip: 0, weights: 0, tfjsChunks: 0 };
	page.on('response', async (r) => {
		const url = r.url();
		if (url.includes('/weights/') && !url.includes('/traces/')) t.weights++; // not the stored runs beside them
		if (!url.endsWith('.js')) return;
		try {
			const body = await r.body();
			t.jsGzip += gzipSync(body).length;
			if (/tensorflow|tfjs|backend-webgl/.test(body.subarray(0, 20000).toString('latin1'))) t.tfjsChunks++;
		} catch {
			/* a response without a body (redirect) */
		}
	});
	return t;
}

async function fresh(browser: Browser) {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await ctx.newPage();
	return { ctx, page, traffic: watch(page) };
}

async function landing(browser: Browser, url: string) {
	const { ctx, page, traffic } = await fresh(browser);
	const t0 = Date.now();
	await page.goto(`${url}/`);
	await page.waitForSelector('[data-testid="overview"] [data-detection]', { timeout: 60_000 });
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
	const paintMs = Date.now() - t0;
	await page.waitForLoadState('networkidle');
	const out = { paintMs, ...traffic };
	await ctx.close();
	return out;
}

async function stage(browser: Browser, url: string, id: number) {
	const { ctx, page, traffic } = await fresh(browser);
	const t0 = Date.now();
	await page.goto(`${url}/stepper?stage=${id}`);
	await page.waitForSelector(`[data-testid="stepper"][data-stage="${id}"]:not([data-render-ms=""])`, {
		timeout: 60_000
	});
	const ms = Date.now() - t0;
	await page.waitForLoadState('networkidle');
	const out = { id, ms, weights: traffic.weights };
	await ctx.close();
	return out;
}

async function live(browser: Browser, url: string) {
	// a seed with no stored run: the live model loads and its parts appear as they finish
	const { ctx, page } = await fresh(browser);
	const t0 = Date.now();
	await page.goto(`${url}/stepper?seed=12&stage=1`);
	await page.waitForSelector('[data-testid="stepper"][data-stage="1"]:not([data-render-ms=""])', {
		timeout: 300_000
	});
	const first = Date.now() - t0;
	await page.waitForSelector('[data-testid="stepper"][data-status="ready"]', { timeout: 300_000 });
	const whole = Date.now() - t0;
	await ctx.close();
	return { first, whole };
}

async function main() {
	execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		stdio: 'inherit',
		env: { ...process.env, NODE_ENV: 'production', BASE_PATH: BASE, BUILD_DIR: BUILD }
	});
	const { server, url } = await serveStatic(BUILD, BASE);
	const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
	try {
		const l = await landing(browser, url);
		console.info(
			`landing: overview with detections painted ${l.paintMs} ms after navigation; ` +
				`JS ${(l.jsGzip / 1024).toFixed(0)} kB gzip; weights requests ${l.weights}; tfjs chunks ${l.tfjsChunks}`
		);
		const rows = [];
		for (const id of STAGES) rows.push(await stage(browser, url, id));
		console.info(
			`stepper, stage painted from the stored run (ms): ${rows.map((r) => `${r.id}: ${r.ms}`).join(', ')}`
		);
		console.info(`  weights requests on these pages: ${rows.reduce((a, r) => a + r.weights, 0)}`);
		const v = await live(browser, url);
		console.info(
			`live run, seed 12 (SwiftShader, not a GPU): stage 1 shown ${v.first} ms after navigation, whole run ${v.whole} ms`
		);
	} finally {
		await browser.close();
		server.close();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
