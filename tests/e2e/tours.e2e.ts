// The guided tours (issue 15): each runs end to end by keyboard alone, its actions change the real widgets as a
// reader's hands would (and the ops agree with what the widgets then show), a step can be linked, jumped to from the
// list, gone back to and resumed, and bad tour= / step= values are said in place.
import type { Browser, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { TOURS, tourById } from '../../src/lib/tour/registry';
import { open, useBrowser } from './browser';

let browser: Browser;
useBrowser((b) => (browser = b));

const card = (page: Page) => page.getByTestId('tour');
const stepOf = async (page: Page) => Number(await card(page).getAttribute('data-step'));

/** Press `key` and wait until the card shows step `n` (or has done its action, with `done`). */
async function press(page: Page, key: string, n: number, done = false) {
	await page.keyboard.press(key);
	await page.waitForFunction(
		([n, done]) => {
			const c = document.querySelector('[data-testid="tour"]');
			return (
				c?.getAttribute('data-step') === String(n) &&
				c.getAttribute('data-busy') === 'false' &&
				c.getAttribute('data-arriving') === 'false' &&
				c.getAttribute('data-done') === String(done)
			);
		},
		[n, done] as const,
		{ timeout: 30_000 }
	);
}

/** The card's error line, if a step could not do its part. */
const cardError = async (page: Page) => (await card(page).getByRole('alert').count()) > 0;
const texts = (page: Page, testid: string) => page.getByTestId(testid).locator('td').allTextContents();

test('"The whole network in 12 steps" runs by keyboard from the landing page to the last stage', async () => {
	const tour = tourById('whole-network')!;
	const { page, errors } = await open(browser, '/', { width: 1280, height: 800 });
	await page.getByTestId(`tour-start-${tour.id}`).click();
	await card(page).waitFor();
	expect(await stepOf(page)).toBe(1);
	expect(page.url()).toContain('tour=whole-network&step=1');
	// the card's main button has focus: Space presses it, and does step 1's action (follow one object)
	expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="tour"]') !== null)).toBe(
		true
	);
	await press(page, 'Space', 1, true);
	expect(await page.getByTestId('overview').getAttribute('data-following')).not.toBe('');
	expect(await page.getByTestId('tour-after').textContent()).toContain('path');

	for (let n = 2; n <= tour.steps.length; n++) {
		const step = tour.steps[n - 1];
		// → from here on (Space would do the same while the card's button has focus)
		await press(page, 'ArrowRight', n);
		await page.locator(step.point!).waitFor();
		expect(page.url()).toContain(`/stepper?`);
		expect(page.url()).toContain(`step=${n}`);
		expect(await page.getByTestId('tour-ring').count()).toBe(1);
		if (n === 6) {
			// NMS: one suppression, by the stage's own "next" button
			const before = await page.locator('[data-testid="stage-nms"] span.count').textContent();
			await press(page, 'ArrowRight', n, true);
			const after = await page.locator('[data-testid="stage-nms"] span.count').textContent();
			expect(before).toMatch(/^step 1 of/);
			expect(after).toMatch(/^step 2 of/);
		} else if (n === 9) {
			const kept = Number(await page.getByTestId('box-head-kept').textContent());
			await press(page, 'ArrowRight', n, true);
			expect(await page.getByTestId('box-head-score').inputValue()).toBe('0.9');
			expect(Number(await page.getByTestId('box-head-kept').textContent())).toBeLessThanOrEqual(kept);
		} else if (n === 10) {
			await press(page, 'ArrowRight', n, true);
			expect(await page.locator('#mask-head-det').inputValue()).toBe('1');
			await page.waitForFunction(() => location.search.includes('det=1'));
		} else if (n === 11) {
			await press(page, 'ArrowRight', n, true);
			expect(await page.locator('#paste-thr').textContent()).toBe('0.90');
		} else if (step.act) throw new Error(`step ${n} has an action this test does not check`);
		expect(await cardError(page)).toBe(false);
	}
	// the last → closes the tour and takes its keys out of the address
	await page.keyboard.press('ArrowRight');
	await card(page).waitFor({ state: 'detached' });
	expect(page.url()).not.toContain('tour=');
	expect(errors).toEqual([]);
	await page.close();
}, 240_000);

test('"RoIPool → RoIAlign": half a cell leaves RoIPool as it was, the next moves it a whole cell; then a real mask', async () => {
	const tour = tourById('roipool-to-roialign')!;
	// a link straight into step 1 from another page state: the tour first puts the panel in its state
	const { page, errors } = await open(browser, `/compare?tour=${tour.id}&step=1`);
	await card(page).waitFor();
	await page.waitForFunction(() => location.search.includes('box=56,168,232,328'));
	await page.getByTestId('compare-pool-output').waitFor();
	const pool0 = await texts(page, 'compare-pool-output');
	const align0 = await texts(page, 'compare-align-output');
	await page
		.getByTestId('tour')
		.getByRole('button', { name: /Slide the box/ })
		.focus();
	await press(page, 'Space', 1, true);
	expect(await page.getByTestId('box-x1').inputValue()).toBe('64');
	expect(await page.getByTestId('box-x2').inputValue()).toBe('240');
	expect(await texts(page, 'compare-pool-output')).toEqual(pool0);
	expect(await texts(page, 'compare-align-output')).not.toEqual(align0);

	await press(page, 'ArrowRight', 2);
	await press(page, 'ArrowRight', 2, true);
	expect(await page.getByTestId('box-x1').inputValue()).toBe('72');
	expect(await texts(page, 'compare-pool-output')).not.toEqual(pool0);

	await press(page, 'ArrowRight', 3);
	expect(await page.getByTestId('aligned').isChecked()).toBe(false);
	await press(page, 'ArrowRight', 3, true);
	expect(await page.getByTestId('aligned').isChecked()).toBe(true);
	await page.waitForFunction(() => location.search.includes('aligned=1'));

	// a real detection through the mask head, pooled both ways (the live model runs for this)
	await press(page, 'ArrowRight', 4);
	expect(page.url()).toContain('/stepper?');
	await page.getByTestId('mask-misalignment').waitFor();
	await press(page, 'ArrowRight', 4, true);
	await page.getByTestId('misalignment-iou').waitFor({ timeout: 120_000 });
	expect(await page.getByTestId('misalignment-iou').textContent()).toMatch(/Mask IoU/);

	await press(page, 'ArrowRight', 5);
	expect(page.url()).toContain('/table-2?');
	await page.getByTestId('model-compare').waitFor();
	await press(page, 'ArrowRight', 6);
	expect(await page.getByTestId('table-2c').isVisible()).toBe(true);
	expect(await cardError(page)).toBe(false);
	expect(errors).toEqual([]);
	await page.close();
}, 240_000);

test('a linked step opens at once; the list jumps, ← goes back, Esc closes, and the landing page offers to resume', async () => {
	const { page, errors } = await open(browser, '/stepper?tour=whole-network&step=6', {
		width: 375,
		height: 740
	});
	await card(page).waitFor();
	await page.getByTestId('stage-nms').waitFor();
	expect(await stepOf(page)).toBe(6);
	// the card and the ring stay inside a phone's width
	const c = (await card(page).boundingBox())!;
	expect(c.x).toBeGreaterThanOrEqual(0);
	expect(c.x + c.width).toBeLessThanOrEqual(375);

	await card(page).locator('summary').click();
	await card(page).getByRole('button', { name: 'The box head' }).click();
	await page.getByTestId('stage-box-head').waitFor();
	expect(await stepOf(page)).toBe(9);
	await press(page, 'ArrowLeft', 8);
	await page.getByTestId('stage-roi-align').waitFor();
	await page.keyboard.press('Escape');
	await card(page).waitFor({ state: 'detached' });
	expect(page.url()).not.toContain('tour=');
	await page.waitForFunction(() => location.search.includes('stage=7'));

	await page.goto(page.url().replace(/\/stepper.*/, '/'));
	await page.getByText('resume at step 8').click();
	await card(page).waitFor();
	expect(await stepOf(page)).toBe(8);
	await page.getByTestId('stage-roi-align').waitFor();
	expect(errors).toEqual([]);
	await page.close();
}, 120_000);

test('bad tour= and step= are said in place and change nothing else', async () => {
	const { page, errors } = await open(browser, '/compare?tour=nope&step=3');
	expect(await page.getByTestId('notice').allTextContents()).toContainEqual(
		expect.stringContaining('There is no tour called “nope”.')
	);
	expect(await card(page).count()).toBe(0);
	await page.goto(page.url().replace(/\/compare.*/, `/?tour=${TOURS[0].id}&step=99`));
	await card(page).waitFor();
	expect(await stepOf(page)).toBe(1);
	expect(await card(page).getByTestId('notice').textContent()).toContain('step= should be a whole number');
	expect(errors).toEqual([]);
	await page.close();
}, 60_000);
