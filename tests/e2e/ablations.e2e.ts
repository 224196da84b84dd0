// Issue 18 in the browser: /table-2 shows one scene through every shipped model from their stored runs (no weights
// downloaded), with the measured table; the stepper's model switcher puts model= in the URL, shows that model's
// stored run at once, and a live run of the RoIPool model gives the stored run's detections.
import type { Browser, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { MODELS } from '../../src/lib/model/models';
import type { ModelTrace } from '../../src/lib/model/trace';
import { open, useBrowser } from './browser';

let browser: Browser;
useBrowser((b) => (browser = b));

const ROIPOOL = MODELS.find((m) => m.pooler === 'roi_pool')!;

function weightRequests(page: Page): string[] {
	const seen: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/weights/') && !r.url().includes('/traces/')) seen.push(r.url());
	});
	return seen;
}

test('/table-2: every model on one scene from stored runs, and the measured table with the paper beside it', async () => {
	const { page, errors } = await open(browser, '/table-2');
	const weights = weightRequests(page);
	const compare = page.getByTestId('model-compare');
	await compare.waitFor();
	expect(await compare.locator('figure[data-model]').count()).toBe(MODELS.length);
	expect(await compare.getByTestId('disagreement').count()).toBe(MODELS.length - 1);
	for (const v of await compare.getByTestId('mean-iou').allTextContents()) {
		expect(Number(v)).toBeGreaterThan(0.3);
		expect(Number(v)).toBeLessThanOrEqual(1);
	}
	const table = page.getByTestId('table-2c');
	await expect(table.locator('caption').textContent()).resolves.toMatch(/RoIAlign vs RoIPool/);
	expect(await table.locator('td[data-gain="mask-AP"]').textContent()).toMatch(/^[+−]\d+\.\d/);
	await expect(table.textContent()).resolves.toContain('26.9'); // the paper's 2c RoIPool row
	const softmax = page.getByTestId('table-2b');
	await expect(softmax.locator('caption').textContent()).resolves.toMatch(/softmax/);
	expect(await softmax.locator('td[data-gain="mask-AP"]').textContent()).toMatch(/^[+−]\d+\.\d/);
	await expect(softmax.textContent()).resolves.toContain('24.8'); // the paper's 2b softmax row

	// another scene: the figure follows, and the address says which
	const chips = page.locator('[data-testid="table2-compare"] button[aria-pressed]');
	if ((await chips.count()) > 1) {
		await chips.nth(1).click();
		await page.waitForFunction(() => /scene=/.test(location.search));
		await page.locator('[data-testid="table2-compare"][data-preset]:not([data-preset=""])').waitFor();
	}
	expect(weights).toEqual([]);
	expect(errors).toEqual([]);
	await page.close();
});

test('the stepper switcher: model= in the URL, that model’s stored run at once, and its live run agrees', async () => {
	const { page, errors } = await open(browser, '/stepper?stage=10&expose=trace');
	const weights = weightRequests(page);
	await page.getByTestId('stored-run').waitFor();
	await page.getByTestId('model-switcher').selectOption(ROIPOOL.id);
	await page.waitForFunction((id) => location.search.includes(`model=${id}`), ROIPOOL.id);
	await page.waitForFunction(
		(id) => (globalThis as { __mrcnnTrace?: ModelTrace }).__mrcnnTrace?.precomputed?.model === id,
		ROIPOOL.id
	);
	const stored = await page.evaluate(() => {
		const t = (globalThis as { __mrcnnTrace?: ModelTrace }).__mrcnnTrace!;
		return {
			model: t.precomputed!.model,
			labels: Array.from(t.detections.labels),
			scores: Array.from(t.detections.scores)
		};
	});
	expect(stored.model).toBe(ROIPOOL.id);
	expect(weights).toEqual([]); // a stored run: nothing of the model downloaded yet

	// the live RoIPool model (the GPU RoIPool in this browser) on the same scene
	await page.getByTestId('go-live').click();
	await page.waitForFunction(
		() => (globalThis as { __mrcnnTrace?: ModelTrace }).__mrcnnTrace?.source === 'live',
		null,
		{
			timeout: 240_000
		}
	);
	const live = await page.evaluate(() => {
		const t = (globalThis as { __mrcnnTrace?: ModelTrace }).__mrcnnTrace!;
		return { labels: Array.from(t.detections.labels), scores: Array.from(t.detections.scores) };
	});
	expect(live.labels).toEqual(stored.labels);
	live.scores.forEach((s, i) => expect(Math.abs(s - stored.scores[i])).toBeLessThanOrEqual(1e-4));
	expect(weights.some((u) => u.includes(`/weights/${ROIPOOL.id}/manifest.json`))).toBe(true);
	expect(weights.some((u) => u.includes('/weights/shapes-mrcnn-r10s/'))).toBe(false);

	// back to the shipped model: model= leaves the address (old links keep their meaning)
	await page.getByTestId('model-switcher').selectOption(MODELS[0].id);
	await page.waitForFunction(() => !location.search.includes('model='));
	expect(errors).toEqual([]);
	await page.close();
}, 300_000);

test('stage 7 pools a real detection with RoIPool too: the shifted edges in pixels and both masks against the truth', async () => {
	const { page, errors } = await open(browser, '/stepper?stage=7&seed=2502');
	const view = page.getByTestId('mask-misalignment');
	await view.waitFor({ timeout: 60_000 });
	// from the stored run: the shift is the ops' geometry, known before any model runs
	expect(Number(await view.getAttribute('data-shift-px'))).toBeGreaterThan(0);
	await view.getByRole('button', { name: 'Run the live model' }).click();
	await page.getByTestId('misalignment-iou').waitFor({ timeout: 240_000 });
	const own = Number(await view.getAttribute('data-own-iou'));
	const other = Number(await view.getAttribute('data-other-iou'));
	console.info(`stage 7, scene 2502, detection 0: mask IoU RoIAlign ${own}, RoIPool ${other}`);
	for (const v of [own, other]) expect(v).toBeGreaterThan(0.3);
	expect(own).toBeLessThanOrEqual(1);
	expect(own).not.toBe(other); // the rounded grid gives the head other inputs, so another mask
	expect(await view.locator('canvas').count()).toBe(1);
	expect(errors).toEqual([]);
	await page.close();
}, 300_000);
