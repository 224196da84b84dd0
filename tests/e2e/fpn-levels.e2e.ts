// The FPN level page and embed in a real browser. Expected levels come from fpnLevelTrace in Node (golden-tested
// against torchvision's LevelMapper); the page must show exactly those.
import type { Browser, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { fpnLevelTrace } from '../../src/lib/ops';
import { open, panelReady, useBrowser } from './browser';

let browser: Browser;
useBrowser((b) => (browser = b));

const ready = panelReady;

async function levels(page: Page): Promise<number[]> {
	const rows = await page.getByTestId('fpn-table').locator('tbody tr').all();
	return Promise.all(rows.map(async (r) => Number(await r.getAttribute('data-level'))));
}

test.each(['/fpn-levels', '/embed/fpn-levels'])(
	'%s renders the example boxes at their levels',
	async (path) => {
		const { page, errors } = await open(browser, path);
		await ready(page);
		// √(wh) = 50, 94.9, 130, 280, 479.6 → P2 (clamped from P1), P2, P3, P4, P5
		expect(await levels(page)).toEqual([2, 2, 3, 4, 5]);
		expect(errors).toEqual([]);
		await page.close();
	}
);

test('the rounding toggle marks the box where round() picks another level', async () => {
	const { page } = await open(browser, '/fpn-levels');
	await ready(page);
	await page.getByTestId('round-toggle').check();
	const rows = page.getByTestId('fpn-table').locator('tbody tr');
	await expect.poll(() => rows.nth(1).getAttribute('data-rounded')).toBe('3');
	expect(await rows.nth(0).getAttribute('data-rounded')).toBe('2');
	expect(await page.locator('.rounded').count()).toBe(1);
	await expect.poll(() => new URL(page.url()).searchParams.get('round')).toBe('1');
	await page.close();
});

test('keyboard resize changes the level exactly when the formula says so', async () => {
	const { page, errors } = await open(browser, '/fpn-levels');
	await ready(page);
	const box = page.getByTestId('fpn-box-1'); // 120,40,210,140: 90×100, √(wh) ≈ 94.9, P2
	await box.focus();
	const b = [120, 40, 210, 140];
	for (let i = 0; i < 3; i++) {
		await page.keyboard.press('Alt+Shift+ArrowRight'); // +16 px width each
		b[2] += 16;
		const expected = fpnLevelTrace(b).level;
		await expect.poll(async () => (await levels(page))[1]).toBe(expected);
	}
	// 138×100: √(wh) ≈ 117.5 ≥ 112, so the box has crossed into P3
	expect((await levels(page))[1]).toBe(3);
	await page.keyboard.press('Shift+ArrowDown'); // moving does not change the level
	expect((await levels(page))[1]).toBe(3);
	await expect.poll(() => new URL(page.url()).searchParams.get('boxes')).toContain('120,56,258,156');
	expect(errors).toEqual([]);
	await page.close();
});

test('boxes come from the URL; a bad list falls back with a notice', async () => {
	const { page } = await open(browser, '/fpn-levels?boxes=0,0,300,300;10,10,30,30&img=640x480');
	await ready(page);
	expect(await levels(page)).toEqual([fpnLevelTrace([0, 0, 300, 300]).level, 2]);
	await page.close();

	const bad = await open(browser, '/fpn-levels?boxes=0,0,900,10&round=yes');
	await ready(bad.page);
	expect(await bad.page.getByTestId('notice').locator('li').count()).toBe(2);
	expect(await levels(bad.page)).toEqual([2, 2, 3, 4, 5]);
	expect(bad.errors).toEqual([]);
	await bad.page.close();
});

test('a box can be drawn with the mouse, and removed with Delete', async () => {
	const { page } = await open(browser, '/fpn-levels');
	await ready(page);
	const svg = page.getByTestId('fpn-panel').locator('svg').first();
	const r = (await svg.boundingBox())!;
	const px = r.width / 800; // screen px per image px
	// empty area around (650, 500) .. (760, 620) in image pixels
	await page.mouse.move(r.x + 650 * px, r.y + 500 * px);
	await page.mouse.down();
	await page.mouse.move(r.x + 700 * px, r.y + 560 * px, { steps: 4 });
	await page.mouse.move(r.x + 760 * px, r.y + 620 * px, { steps: 4 });
	await page.mouse.up();
	await expect.poll(async () => (await levels(page)).length).toBe(6);
	await page.getByTestId('fpn-box-5').focus();
	await page.keyboard.press('Delete');
	await expect.poll(async () => (await levels(page)).length).toBe(5);
	await page.close();
});

test('hide= removes named controls from the embed', async () => {
	const { page } = await open(browser, '/embed/fpn-levels?hide=round,formula');
	await ready(page);
	expect(await page.locator('[data-control="round"]').count()).toBe(0);
	expect(await page.locator('[data-control="formula"]').count()).toBe(0);
	expect(await page.locator('[data-control="axis"]').count()).toBe(1);
	await page.close();
});

test('works at 360 px wide without horizontal scrolling', async () => {
	const { page, errors } = await open(browser, '/fpn-levels', { width: 360, height: 740 });
	await ready(page);
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
	).toBeLessThanOrEqual(0);
	expect(errors).toEqual([]);
	await page.close();
});
