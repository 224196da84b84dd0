// Issue 16: tutorial 1 and the stepper by keyboard alone. Every stop of the Tab order shows a focus ring and is on
// screen when it has focus; and the things a mouse does there — answer a question, pick a cell, change stage, probe
// a picture, read a heatmap's numbers — are done here with keys only (no click, no fill).
import type { Browser, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { a11yRoutes } from './a11y-routes';
import { open, useBrowser } from './browser';

let browser: Browser;
useBrowser((b) => (browser = b));

interface Stop {
	what: string;
	ring: boolean;
	onScreen: boolean;
}

/** The focused element, described, with whether it shows a focus indicator and lies in the viewport. */
async function focused(page: Page): Promise<Stop | null> {
	return page.evaluate(async () => {
		// a focus ring set from a focus event (an iframe's, ui/frame-focus.ts) lands a task later
		await new Promise((r) => setTimeout(r, 20));
		let e = document.activeElement as HTMLElement | null;
		if (!e || e === document.body) return null;
		// focus inside a same-origin embed (a tutorial's live stage): the ring is on the element in there
		let frame: DOMRect | null = null;
		while (e instanceof HTMLIFrameElement) {
			const inner = e.contentDocument?.activeElement as HTMLElement | null | undefined;
			if (!inner || inner === e.contentDocument?.body) break;
			frame = e.getBoundingClientRect();
			e = inner;
		}
		const cs = getComputedStyle(e);
		const ring =
			(cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) ||
			(cs.boxShadow !== 'none' && cs.boxShadow !== '');
		const own = e.getBoundingClientRect();
		const r = frame
			? {
					top: frame.top + own.top,
					bottom: frame.top + own.bottom,
					left: frame.left + own.left,
					right: frame.left + own.right
				}
			: own;
		const onScreen = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
		const name = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40);
		return {
			what: `${e.tagName.toLowerCase()}${e.dataset.testid ? `[${e.dataset.testid}]` : ''} "${name}"`,
			ring,
			onScreen
		};
	});
}

/**
 * For a focused element without an outline or shadow (an SVG mark drawing its own focus stroke): whether it looks
 * different focused than not — the pixels around it, with focus and after a blur. Focus is given back after.
 */
async function looksFocused(page: Page): Promise<boolean> {
	const el = await page.evaluateHandle(() => document.activeElement as HTMLElement | SVGElement);
	const box = await el.asElement()?.boundingBox();
	if (!box) return false;
	const clip = {
		x: Math.max(0, box.x - 6),
		y: Math.max(0, box.y - 6),
		width: box.width + 12,
		height: box.height + 12
	};
	const focusedShot = await page.screenshot({ clip });
	await el.evaluate((e) => e.blur());
	await page.waitForTimeout(50);
	const blurredShot = await page.screenshot({ clip });
	await el.evaluate((e) => e.focus());
	await el.dispose();
	return !focusedShot.equals(blurredShot);
}

/** Tabs through the whole page once (until focus returns to the top), returning every stop. */
async function walk(page: Page, max = 300): Promise<Stop[]> {
	const stops: Stop[] = [];
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const s = await focused(page);
		if (!s) continue;
		if (stops.length > 0 && s.what === stops[0].what) break;
		if (!s.ring) s.ring = await looksFocused(page);
		stops.push(s);
	}
	return stops;
}

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, max = 300): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
	}
	throw new Error(`Tab never reached ${selector}`);
}

function expectRings(stops: Stop[]) {
	expect(stops.length).toBeGreaterThan(10);
	expect(stops.filter((s) => !s.ring).map((s) => s.what)).toEqual([]);
	expect(stops.filter((s) => !s.onScreen).map((s) => s.what)).toEqual([]);
}

test('tutorial 1 by keyboard: every stop shows focus; a number, a cell and a choice are answered with keys', async () => {
	const { page, errors } = await open(browser, '/tutorials/roipool-to-roialign');
	// the live stage figures load lazily and then grow to their content: let them, so nothing moves under the walk
	await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
	await page.locator('iframe').first().waitFor();
	await page.waitForFunction(() =>
		[...document.querySelectorAll('iframe')].every((f) => f.contentDocument?.readyState === 'complete')
	);
	await page.waitForTimeout(1500);
	await page.evaluate(() => scrollTo(0, 0));
	expectRings(await walk(page));

	// a number: type it into the guess field and press Enter
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await tabTo(page, '[data-testid="predict-pool-width"] [data-testid="guess"]');
	await page.keyboard.type('3');
	await page.keyboard.press('Enter');
	await page.getByTestId('predict-pool-width').getByTestId('answer').waitFor();

	// a cell: the grid is one Tab stop; the arrow keys move the choice, Tab reaches "Commit", Enter commits
	const grid = page.getByTestId('predict-pool-argmax');
	await tabTo(page, '[data-testid="predict-pool-argmax"] [role="radio"]');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowDown');
	await expect(grid.getByTestId('cell-1,1').getAttribute('aria-checked')).resolves.toBe('true');
	await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
		'cell-1,1'
	);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await grid.getByTestId('answer').waitFor();
	await expect(grid.getByTestId('answer').textContent()).resolves.toContain('row 1, column 1');

	// a choice: radio buttons move with the arrows
	const choice = page.getByTestId('predict-aligned-direction');
	await tabTo(page, '[data-testid="predict-aligned-direction"] input[type="radio"]');
	await page.keyboard.press('Space');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await choice.getByTestId('answer').waitFor();
	expect(errors).toEqual([]);
	await page.close();
}, 120_000);

test('the stepper by keyboard: every stop shows focus; stage tabs, a probed picture and a heatmap’s numbers by keys', async () => {
	const { page, errors } = await open(browser, '/stepper?stage=2');
	await page.waitForSelector('[data-testid="stepper"][data-stage="2"]:not([data-render-ms=""])', {
		timeout: 60_000
	});
	expectRings(await walk(page));

	// a picture that answers the pointer takes focus: the arrow keys move its cell, and the readout follows
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await tabTo(page, '[data-testid="stage-features"] figure.raster svg[tabindex="0"]');
	const readout = page.getByText(/Where cell \(\d+, \d+\) sits/);
	await readout.waitFor();
	const before = await readout.textContent();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => readout.textContent()).not.toBe(before);
	// the stepper's own ← / → still change stage once focus leaves the picture
	await expect(page.getByTestId('stepper').getAttribute('data-stage')).resolves.toBe('2');

	// a heatmap's numbers: Enter on its "123" button opens the table, Esc closes it and gives focus back
	await tabTo(page, '[data-testid="stage-features"] .numbers-toggle');
	await page.keyboard.press('Enter');
	const region = page.getByRole('region', { name: /^Numbers: / });
	await region.waitFor();
	expect(await region.locator('td').count()).toBeGreaterThan(0);
	await page.keyboard.press('Tab'); // into the scrolling table
	await page.keyboard.press('Escape');
	await region.waitFor({ state: 'detached' });
	await expect(
		page.evaluate(() => document.activeElement?.classList.contains('numbers-toggle'))
	).resolves.toBe(true);

	// a stage tab, by Enter
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await tabTo(page, '[data-testid="stage-tab-9"]');
	await page.keyboard.press('Enter');
	await page.waitForSelector('[data-testid="stepper"][data-stage="9"]:not([data-render-ms=""])', {
		timeout: 60_000
	});
	expect(errors).toEqual([]);
	await page.close();
}, 180_000);

test('every stepper stage: each Tab stop shows focus and is on screen', async () => {
	const bad: string[] = [];
	for (const r of a11yRoutes().filter((x) => x.stage && x.path.startsWith('/stepper'))) {
		const { page, errors } = await open(browser, r.path);
		await page.waitForSelector(`[data-testid="stepper"][data-stage="${r.stage}"]:not([data-render-ms=""])`, {
			timeout: 60_000
		});
		const stops = await walk(page);
		expect(stops.length).toBeGreaterThan(10);
		for (const s of stops)
			if (!s.ring || !s.onScreen) bad.push(`${r.path}: ${s.what} ring ${s.ring} on screen ${s.onScreen}`);
		expect(errors).toEqual([]);
		await page.close();
	}
	expect(bad).toEqual([]);
}, 300_000);
