// The training-targets sandbox in a real browser: what it shows equals torchvision's matcher as our ops compute it
// in Node (golden-tested), before and after a ground-truth box is moved by keyboard and by mouse.
import type { Browser, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { parseTargetsParams } from '../../src/lib/panels/targets/targets-state';
import { anchorKind, gtBoxesOf, gtOfState, targetsView } from '../../src/lib/panels/targets/targets-view';
import { open, panelReady, useBrowser } from './browser';

let browser: Browser;
useBrowser((b) => (browser = b));

/** The sandbox's state as the page's URL has it now, and what the ops say for it. */
async function expected(page: Page) {
	const { state } = parseTargetsParams(new URL(page.url()).searchParams);
	const v = targetsView(gtBoxesOf(gtOfState(state)), {
		high: state.high,
		low: state.low,
		sampleSeed: state.sample
	});
	return { state, v };
}

async function shownCounts(page: Page): Promise<Record<string, number>> {
	const rows = await page.getByTestId('targets-counts').locator('tr[data-kind]').all();
	return Object.fromEntries(
		await Promise.all(
			rows.map(async (r) => [await r.getAttribute('data-kind'), Number(await r.getAttribute('data-count'))])
		)
	);
}

test('moving a ground-truth box flips the picked anchor to exactly what the matcher says', async () => {
	const { page, errors } = await open(browser, '/training-targets?seed=11&level=4');
	await panelReady(page);
	// pick the best anchor of the first box: it is positive (or rescued) before the move
	await page.getByTestId('next-positive').click();
	const anchor = page.getByTestId('targets-anchor');
	await anchor.waitFor();
	await page.waitForFunction(() => new URL(location.href).searchParams.has('anchor'));
	let { state, v } = await expected(page);
	const a = Number(await anchor.getAttribute('data-anchor'));
	expect(a).toBe(state.anchor);
	expect(await anchor.getAttribute('data-kind')).toBe(anchorKind(v, a));
	expect(['positive', 'rescued']).toContain(anchorKind(v, a));
	expect(await shownCounts(page)).toEqual({
		positive: v.counts.positive,
		rescued: v.counts.rescued,
		ignored: v.counts.ignored,
		negative: v.counts.negative
	});

	// keyboard: Tab to the draggable box (the selected ground truth) and push it away with Shift+arrows
	await page.getByTestId('gt-box').focus();
	for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowRight');
	await page.waitForFunction(() => new URL(location.href).searchParams.has('boxes'));
	await page.waitForTimeout(400); // the URL is written 250 ms after the last change
	({ state, v } = await expected(page));
	expect(state.boxes).toBeDefined();
	const after = anchorKind(v, a);
	expect(await anchor.getAttribute('data-kind')).toBe(after);
	expect(after).not.toBe('positive'); // 96 px away, the anchor no longer overlaps its box well
	expect(await shownCounts(page)).toEqual({
		positive: v.counts.positive,
		rescued: v.counts.rescued,
		ignored: v.counts.ignored,
		negative: v.counts.negative
	});

	// mouse: drag the box back to the left by 96 px
	const gi = state.boxes!.findIndex(
		(b, i) => JSON.stringify(b) !== JSON.stringify(gtOfState({ ...state, boxes: undefined })[i])
	);
	const x1 = state.boxes![gi][0];
	const r = await page.getByTestId('gt-box').boundingBox();
	if (!r) throw new Error('no gt box on screen');
	const scale = r.width / (state.boxes![gi][2] - state.boxes![gi][0]);
	await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
	await page.mouse.down();
	await page.mouse.move(r.x + r.width / 2 - 96 * scale, r.y + r.height / 2, { steps: 8 });
	await page.mouse.up();
	await page.waitForTimeout(600); // the URL is written 250 ms after the last change
	({ state, v } = await expected(page));
	expect(state.boxes![gi][0]).toBeLessThan(x1 - 48); // the drag moved it back, in image pixels
	expect(await anchor.getAttribute('data-kind')).toBe(anchorKind(v, a));
	expect(errors).toEqual([]);
	await page.close();
}, 120_000);

test('thresholds and the sample come from the URL; no box is an ordinary, all-background scene', async () => {
	const { page, errors } = await open(browser, '/training-targets?seed=5&high=0.5&low=0.4&boxes=');
	await panelReady(page);
	const { v } = await expected(page);
	expect(v.counts.negative).toBe(v.anchors.length / 4);
	expect(await shownCounts(page)).toMatchObject({ negative: v.counts.negative, positive: 0 });
	await expect(page.getByTestId('targets-sample').textContent()).resolves.toContain('0 positives');
	expect(errors).toEqual([]);
	await page.close();
}, 60_000);
