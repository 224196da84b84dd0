import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ModelTrace } from '../../src/lib/model/trace';
import { batchedNms, roiTargets } from '../../src/lib/ops';
import { generateScene, mulberry32 } from '../../src/lib/scenes';
import { open, useBrowser } from './browser';
import { heapTotals, type HeapTotals } from './heap-snapshot';

const parity: { cases: { seed: number; labels: number[]; maskProbs28Q16: string[] }[] } = JSON.parse(
	readFileSync('tests/fixtures/model-parity.json', 'utf8')
);

let browser: Browser;
useBrowser((b) => (browser = b));

const stepper = (page: Page) => page.getByTestId('stepper');

/** Waits until the model has run and the stage on screen has painted. */
async function ready(page: Page, timeout = 170_000) {
	await page.waitForSelector('[data-testid="stepper"][data-status="ready"]', { timeout });
}

async function stageShown(page: Page, id: number) {
	await page.waitForSelector(`[data-testid="stepper"][data-stage="${id}"]:not([data-render-ms=""])`, {
		timeout: 30_000
	});
}

/** The scene controls (seed, drawing, upload) fold into a disclosure under the overview strip. */
async function openSceneControls(page: Page) {
	const d = page.getByTestId('scene-controls');
	if ((await d.getAttribute('open')) === null) await d.locator('summary').first().click();
}

const attr = async (page: Page, name: string) => (await stepper(page).getAttribute(name)) ?? '';

// WebGL runs in software (SwiftShader) here: one forward pass takes tens of seconds.
test('/stepper walks every registered stage by keyboard, with no console errors and no tensor leak', async () => {
	const { page, errors } = await open(browser, '/stepper?seed=11');
	const t0 = Date.now();
	await ready(page);
	console.info(
		`stepper seed 11: model loaded and ran in ${Date.now() - t0} ms; ${await page.getByTestId('backend').textContent()}`
	);
	const ids = await page
		.locator('[data-testid^="stage-tab-"]')
		.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-testid')!.slice('stage-tab-'.length))));
	expect(ids[0]).toBe(1);
	await stageShown(page, ids[0]);
	// counted the way the end of the test counts: after a step away and back, once the overview strip's preview
	// reads (transient GPU copies) are done
	await page.waitForTimeout(1500);
	await page.keyboard.press('ArrowRight');
	await stageShown(page, ids[1]);
	await page.waitForTimeout(1500);
	await page.keyboard.press('ArrowLeft');
	await stageShown(page, ids[0]);
	const baseline = Number(await attr(page, 'data-num-tensors'));
	expect(baseline).toBeGreaterThan(0);

	const times: string[] = [];
	for (let pass = 0; pass < 2; pass++) {
		for (let i = 1; i < ids.length; i++) {
			await page.keyboard.press('ArrowRight');
			await stageShown(page, ids[i]);
			// let the stage's own GPU reads finish before moving on
			await page.waitForTimeout(pass === 0 ? 1500 : 300);
			expect(await page.getByTestId('stage-error').count()).toBe(0);
			if (pass === 0) times.push(`${ids[i]}: ${await attr(page, 'data-render-ms')} ms`);
		}
		// the last stage: → does nothing
		await page.keyboard.press('ArrowRight');
		expect(Number(await attr(page, 'data-stage'))).toBe(ids[ids.length - 1]);
		for (let i = ids.length - 2; i >= 0; i--) {
			await page.keyboard.press('ArrowLeft');
			await stageShown(page, ids[i]);
		}
		await page.waitForTimeout(500);
	}
	console.info(`stage first paint: ${times.join(', ')}`);
	expect(new URL(page.url()).searchParams.get('stage')).toBeNull(); // back on stage 1, the default
	// re-read the count on stage 1 after two walks: every GPU read of a stage was freed
	await page.keyboard.press('ArrowRight');
	await stageShown(page, ids[1] ?? 1);
	await page.waitForTimeout(1500);
	await page.keyboard.press('ArrowLeft');
	await stageShown(page, 1);
	const after = Number(await attr(page, 'data-num-tensors'));
	console.info(`tensors on the backend: ${baseline} at start, ${after} after walking all stages twice`);
	expect(after).toBe(baseline);
	expect(errors).toEqual([]);
	await page.close();
}, 400_000);

test('a URL with stage= opens there, with the pick from the URL; bad values fall back with a notice', async () => {
	const { page, errors } = await open(browser, '/stepper?seed=11&stage=2&level=4&channel=5');
	await ready(page);
	await stageShown(page, 2);
	await expect(page.locator('#stage-title').textContent()).resolves.toMatch(/^2\. /);
	await page.getByTestId('stage-features').waitFor();
	// the level and channel picked in the URL are the ones drawn
	await expect(page.getByTestId('level-P4').getAttribute('aria-pressed')).resolves.toBe('true');
	await expect(page.getByTestId('channel-slider').inputValue()).resolves.toBe('5');
	expect(errors).toEqual([]);
	await page.close();

	const bad = await open(browser, '/stepper?stage=99&seed=<b>x</b>&det=-1');
	const notice = bad.page.getByTestId('notice');
	await notice.waitFor();
	const text = await notice.textContent();
	expect(text).toContain('stage="99"');
	expect(text).toContain('<b>x</b>'); // shown as text, not markup
	expect(await bad.page.locator('.notice b').count()).toBe(0);
	expect(Number(await attr(bad.page, 'data-stage'))).toBe(1);
	await bad.page.close();
}, 200_000);

test('an upload that is not an image is refused with a clear message', async () => {
	const { page } = await open(browser, '/stepper?seed=3');
	await page.getByTestId('upload').setInputFiles({
		name: 'notes.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('not a picture')
	});
	await expect(page.getByTestId('upload-error').textContent()).resolves.toMatch(/not an image/);
	await page.close();
});

test('placing a shape on the drawing canvas re-runs the model on the edited scene', async () => {
	const { page, errors } = await open(browser, '/stepper?seed=11');
	await ready(page);
	await openSceneControls(page);
	await page.getByText('Draw your own scene').click();
	const before = await page.getByTestId('shape-handle').count();
	await page.getByRole('radio', { name: 'star' }).check();
	await page.getByRole('button', { name: 'Add a star in the middle' }).click();
	expect(await page.getByTestId('shape-handle').count()).toBe(before + 1);
	// the new shape has the focus: → moves it 4 px instead of changing the stage
	const star = page.getByTestId('shape-handle').last();
	await expect(star.getAttribute('aria-label')).resolves.toMatch(/^star \d+ at \(256, 256\)/);
	await page.keyboard.press('ArrowRight');
	await expect(star.getAttribute('aria-label')).resolves.toMatch(/^star \d+ at \(260, 256\)/);
	expect(Number(await attr(page, 'data-stage'))).toBe(1);
	await page.getByTestId('running').waitFor({ timeout: 10_000 });
	await expect(page.getByTestId('running').textContent()).resolves.toContain('(edited)');
	await ready(page);
	await expect(page.getByTestId('backend').textContent()).resolves.toContain('(edited)');

	// Now with the mouse: drag the star 40 scene pixels to the right and drop it; the model runs on the new scene.
	const box = (await page.locator('svg[role="application"]').boundingBox())!;
	const scale = box.width / 512;
	const from = { x: box.x + 260 * scale, y: box.y + 256 * scale };
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	for (let k = 1; k <= 4; k++) await page.mouse.move(from.x + 10 * k * scale, from.y);
	await page.mouse.up();
	await expect(star.getAttribute('aria-label')).resolves.toMatch(/^star \d+ at \(300, 256\)/);
	await page.getByTestId('running').waitFor({ timeout: 10_000 });
	await ready(page);
	expect(errors).toEqual([]);

	// The drawn scene is in the URL: the link opens the same scene for someone else.
	const link = new URL(page.url());
	expect(link.searchParams.get('shapes')).toMatch(/(^|;)star,300,256,/);
	const handles = await page.getByTestId('shape-handle').count();
	await page.close();
	const other = await open(browser, link.pathname.replace(/^\/explainer/, '') + link.search);
	await ready(other.page);
	await expect(other.page.getByTestId('backend').textContent()).resolves.toContain('(edited)');
	expect(await other.page.getByTestId('shape-handle').count()).toBe(handles);
	await expect(other.page.getByTestId('shape-handle').last().getAttribute('aria-label')).resolves.toMatch(
		/^star \d+ at \(300, 256\)/
	);
	expect(other.errors).toEqual([]);
	await other.page.close();
}, 400_000);

test('on a 375 px phone the stepper stacks: no sideways scrolling, and the stages still step', async () => {
	const { page, errors } = await open(browser, '/stepper?seed=11', { width: 375, height: 800 });
	await ready(page);
	for (const id of [1, 2, 5]) {
		if (id > 1) await page.getByTestId(`stage-tab-${id}`).click();
		await stageShown(page, id);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, `stage ${id} is wider than the phone by ${overflow} px`).toBeLessThanOrEqual(0);
	}
	expect(errors).toEqual([]);
	await page.close();
}, 200_000);

test('an uploaded picture larger than 512 px is shrunk and the model runs on it', async () => {
	const png = new PNG({ width: 1024, height: 600 });
	for (let i = 0; i < png.data.length; i += 4) {
		const p = i / 4;
		const x = p % 1024;
		const y = Math.floor(p / 1024);
		const inside = (x - 500) ** 2 + (y - 300) ** 2 < 150 ** 2; // a big disk on a gradient
		png.data[i] = inside ? 230 : x % 256;
		png.data[i + 1] = inside ? 60 : 120;
		png.data[i + 2] = inside ? 40 : y % 256;
		png.data[i + 3] = 255;
	}
	const { page, errors } = await open(browser, '/stepper?seed=11');
	await ready(page);
	await openSceneControls(page);
	await page.getByTestId('upload').setInputFiles({
		name: 'disk.png',
		mimeType: 'image/png',
		buffer: PNG.sync.write(png)
	});
	await page.getByText('Shrunk from 1024×600 to 512×300 pixels.').waitFor({ timeout: 10_000 });
	await page.getByTestId('running').waitFor({ timeout: 10_000 });
	await ready(page);
	await expect(page.getByTestId('backend').textContent()).resolves.toContain('disk.png');
	// stage 1 shows the upload's own transform (its long side is already 512: scale 1, padded to 320 rows)
	await expect(page.getByTestId('stage-input').textContent()).resolves.toContain('Original: 512×300 px');
	// the results say what an upload means, and the embed made now does not pretend to show it
	await expect(page.getByTestId('upload-banner').isVisible()).resolves.toBe(true);
	await page.getByRole('button', { name: 'Copy embed code' }).click();
	const code = await page.getByTestId('embed-code').inputValue();
	const src = /src="([^"]+)"/.exec(code)?.[1].replace(/&amp;/g, '&') ?? '';
	expect(src).toContain('/embed/model?');
	expect(new URL(src, 'http://x').searchParams.get('seed')).toBeNull();
	expect(errors).toEqual([]);
	await page.close();
}, 200_000);

test('/embed/model?stage=2 shows that stage alone, without the site chrome', async () => {
	const { page, errors } = await open(browser, '/embed/model?stage=2&seed=11');
	await ready(page);
	await page.getByTestId('stage-features').waitFor();
	expect(Number(await attr(page, 'data-stage'))).toBe(2);
	expect(await page.locator('header nav').count()).toBe(0);
	expect(await page.locator('[data-testid^="stage-tab-"]').count()).toBe(0);
	expect(await page.getByTestId('next').count()).toBe(0);
	expect(errors).toEqual([]);
	await page.close();
}, 200_000);

test('stage 5: moving the IoU slider changes the kept count to what the ops’ batchedNms computes', async () => {
	const { page, errors } = await open(browser, '/stepper?seed=11&stage=5&expose=trace');
	await ready(page);
	await stageShown(page, 5);
	// the NMS input as filterProposals builds it: candidates that passed the filters, grouped by RPN level
	const input = await page.evaluate(() => {
		const p = (globalThis as unknown as { __mrcnnTrace: ModelTrace }).__mrcnnTrace.proposals;
		const c = Array.from(p.afterFilters);
		return {
			boxes: c.flatMap((i) => Array.from(p.candidateBoxes.subarray(4 * i, 4 * i + 4))),
			scores: c.map((i) => p.candidateScores[i]),
			levels: c.map((i) => p.candidateLevels[i])
		};
	});
	const expected = (iou: number) =>
		Math.min(
			1000, // post_nms_top_n_test
			batchedNms(
				Float32Array.from(input.boxes),
				Float32Array.from(input.scores),
				Int32Array.from(input.levels),
				iou
			).length
		);
	const kept = page.getByTestId('nms-kept');
	const slider = page.getByRole('slider', { name: 'IoU threshold' });
	for (const iou of [0.3, 0.1]) {
		await slider.fill(String(iou));
		await expect.poll(async () => Number(await kept.textContent())).toBe(expected(iou));
	}
	expect(expected(0.1)).toBeLessThan(expected(0.3)); // the slider really changed something
	expect(errors).toEqual([]);
	await page.close();
}, 200_000);

test('stage 9 from a URL: the sigmoid view’s chosen channel is torchvision’s mask output, softmax differs', async () => {
	// Scene 424243 is in the model-parity fixture: its detection 1 is a star scored 0.896 by torchvision.
	const { page, errors } = await open(browser, '/stepper?seed=424243&stage=9&det=1');
	await ready(page);
	await stageShown(page, 9);
	const chosen = page.getByTestId('sigmoid-chosen');
	await chosen.waitFor();
	expect(await chosen.getAttribute('data-det')).toBe('1');
	const c = parity.cases.find((k) => k.seed === 424243)!;
	expect(Number(await chosen.getAttribute('data-label'))).toBe(c.labels[1]);
	const sigmoid: number[] = JSON.parse((await chosen.getAttribute('data-values')) ?? '[]');
	const bytes = Buffer.from(c.maskProbs28Q16[1], 'base64');
	const ref = Array.from({ length: bytes.length / 2 }, (_, i) => bytes.readUInt16LE(2 * i) / 65535);
	expect(sigmoid.length).toBe(28 * 28);
	const worst = Math.max(...sigmoid.map((v, i) => Math.abs(v - ref[i])));
	console.info(`stage 9, scene 424243 detection 1: max |sigmoid view − torchvision mask| = ${worst}`);
	expect(worst).toBeLessThanOrEqual(1e-3);
	const softmax: number[] = JSON.parse(
		(await page.getByTestId('softmax-view').getAttribute('data-values')) ?? '[]'
	);
	expect(Math.max(...softmax.map((v, i) => Math.abs(v - sigmoid[i])))).toBeGreaterThan(0.05);
	expect(errors).toEqual([]);
	await page.close();
}, 200_000);

test('stage 11: the heads’ training sample is what roiTargets gives on the run’s proposals and the true boxes', async () => {
	const { page, errors } = await open(browser, '/stepper?seed=11&stage=11&sample=5&expose=trace');
	await ready(page);
	await stageShown(page, 11);
	const sample = page.getByTestId('training-sample');
	await sample.waitFor();
	const proposals = await page.evaluate(() =>
		Array.from((globalThis as unknown as { __mrcnnTrace: ModelTrace }).__mrcnnTrace.proposals.boxes)
	);
	const scene = generateScene(11); // 512 px: the network's frame is the scene's
	const t = roiTargets(
		Float32Array.from(proposals),
		{
			boxes: Float32Array.from(scene.instances.flatMap((i) => i.box)),
			labels: Int32Array.from(scene.instances.map((i) => i.label))
		},
		{ batchSizePerImage: 128, positiveFraction: 0.25, random: mulberry32(5).next }
	);
	const text = ((await sample.textContent()) ?? '').replace(/\s+/g, ' ');
	expect(text).toContain(
		`${t.positive.length} foreground (at most a quarter of 128) and ${t.negative.length} background`
	);
	expect(text).toContain(`${t.labels.filter((l) => l > 0).length} of ${t.labels.length} here`);
	// which RoIs were drawn is in the URL, so a shared link shows the same sample
	await sample.getByRole('button', { name: 'Draw another sample' }).click();
	await page.waitForURL(/[?&]sample=6(&|$)/);
	expect(errors).toEqual([]);
	await page.close();
}, 200_000);

test('an empty scene (no shapes) runs, and every stage shows it as an ordinary result', async () => {
	const { page, errors } = await open(browser, '/stepper?stage=1&shapes=');
	await ready(page);
	await stageShown(page, 1);
	const ids = await page
		.locator('[data-testid^="stage-tab-"]')
		.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-testid')!.slice('stage-tab-'.length))));
	for (let i = 1; i < ids.length; i++) {
		await page.keyboard.press('ArrowRight');
		await stageShown(page, ids[i]);
		await page.waitForTimeout(300);
		expect(await page.getByTestId('stage-error').count(), `stage ${ids[i]}`).toBe(0);
	}
	const text = (await stepper(page).textContent()) ?? '';
	expect(text).not.toMatch(/could not run|resizes pictures/);
	expect(errors).toEqual([]);
	await page.close();
}, 300_000);

// Issue 16 item 2: a lost WebGL context mid-run used to leave "Running the model…" on screen for good.
test('a WebGL context lost in the middle of a run ends in a clear message, and Try again runs the model afresh', async () => {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	// keep every WebGL context the page makes, so the test can take them away as a browser would
	await page.addInitScript(() => {
		const made: WebGLRenderingContext[] = [];
		(globalThis as unknown as { __gls: WebGLRenderingContext[] }).__gls = made;
		// tfjs draws on an OffscreenCanvas where there is one, else on a canvas element
		for (const proto of [HTMLCanvasElement.prototype, globalThis.OffscreenCanvas?.prototype]) {
			if (!proto) continue;
			const orig = proto.getContext as (...a: unknown[]) => unknown;
			(proto as { getContext: unknown }).getContext = function (this: unknown, ...args: unknown[]) {
				const ctx = orig.apply(this, args);
				if (ctx && /webgl/.test(String(args[0]))) made.push(ctx as WebGLRenderingContext);
				return ctx;
			};
		}
	});
	const { inject } = await import('vitest');
	await page.goto(inject('baseUrl') + '/stepper?seed=11&stage=4');
	await page.getByTestId('running').waitFor({ timeout: 30_000 });
	await page.waitForFunction(
		() => (globalThis as unknown as { __gls: unknown[] }).__gls.length > 0,
		undefined,
		{
			timeout: 60_000
		}
	);
	await page.waitForTimeout(1500);
	await page.evaluate(() => {
		for (const gl of (globalThis as unknown as { __gls: WebGLRenderingContext[] }).__gls)
			gl.getExtension('WEBGL_lose_context')?.loseContext();
	});
	const alert = page.getByRole('alert').filter({ hasText: 'context was lost' });
	await alert.waitFor({ timeout: 60_000 });
	await alert.getByRole('button', { name: 'Try again' }).click();
	await ready(page);
	await stageShown(page, 4);
	await expect(page.getByTestId('backend').textContent()).resolves.toMatch(/Backend:? (webgl|wasm)/);
	expect(await page.getByText('resizes pictures to 320 px').count()).toBe(0);
	expect(errors).toEqual([]);
	await page.close();
}, 300_000);

// Issue 16: ten live runs on different scenes from the UI (with stage switches) must not grow what the page keeps:
// the GPU tensor count, and the JS objects the page holds (from heap snapshots after a forced GC), after the 10th run
// within 5 % of after the 1st. V8's compiled code is reported beside them, not asserted: it grows as more functions
// get hot (JIT tiers), which is the engine's cache, not the page's. The ArrayBuffers follow the scene on screen (25
// pasted 512×512 masks are 26 MB), so they are printed too. Before the heads ran on padded rows (model/head-rows.ts)
// every scene compiled ~50 new WebGL programs and the heap grew ~0.6 MB a run.
test('ten runs on different scenes keep the tensor count and the page objects flat', async () => {
	const { page, errors } = await open(browser, '/stepper?seed=21&stage=4');
	const cdp = await page.context().newCDPSession(page);
	const used = async () => {
		await cdp.send('HeapProfiler.collectGarbage');
		return (await cdp.send('Runtime.getHeapUsage')).usedSize;
	};
	const seen: { tensors: number; used: number }[] = [];
	const snaps: HeapTotals[] = [];
	await openSceneControls(page);
	for (let i = 0; i < 10; i++) {
		if (i > 0) {
			await page.getByTestId('seed-input').fill(String(21 + i));
			await page.getByRole('button', { name: 'Show', exact: true }).click();
			await page.waitForFunction(
				(s) =>
					document
						.querySelector('[data-testid="scene-controls"] summary')
						?.textContent?.includes(`scene ${s}`),
				21 + i
			);
		}
		await ready(page);
		// a stage switch there and back reads feature maps and frees them again
		await page.keyboard.press('ArrowRight');
		await stageShown(page, 5);
		await page.keyboard.press('ArrowLeft');
		await stageShown(page, 4);
		await page.waitForTimeout(1000);
		if (i === 0 || i === 9) snaps.push(await heapTotals(cdp));
		seen.push({ tensors: Number(await attr(page, 'data-num-tensors')), used: await used() });
	}
	const [first, last] = [seen[0], seen[seen.length - 1]];
	const mb = (b: number) => (b / 1e6).toFixed(2);
	console.info(
		`10 runs: tensors ${seen.map((s) => s.tensors).join(', ')}; JS heap used MB ${seen
			.map((s) => mb(s.used))
			.join(', ')}; after runs 1 / 10: page objects ${mb(snaps[0].objects)} / ${mb(snaps[1].objects)} MB, ` +
			`compiled code ${mb(snaps[0].code)} / ${mb(snaps[1].code)} MB, native ${mb(snaps[0].native)} / ${mb(snaps[1].native)} MB`
	);
	expect(first.tensors).toBeGreaterThan(0);
	expect(Math.abs(last.tensors - first.tensors)).toBeLessThanOrEqual(0.05 * first.tensors);
	expect(Math.abs(snaps[1].objects - snaps[0].objects)).toBeLessThanOrEqual(0.05 * snaps[0].objects);
	expect(errors).toEqual([]);
	await page.close();
}, 600_000);
