// The Markdown tutorials in a real browser: every one renders without console errors, is readable before any
// JavaScript runs, hides each answer until a guess is committed, keeps progress, and a file added by the test setup
// shows up in the index.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { SEED_MAP, roiAlign } from '../../src/lib/ops';
import { open, useBrowser } from './browser';
import { ADDED_TUTORIAL_SLUG, ADDED_TUTORIAL_TITLE } from './tutorial-fixture';

const TUTORIALS = [
	['roipool-to-roialign', 'From RoIPool to RoIAlign'],
	['which-pyramid-level', 'Which pyramid level?'],
	['sigmoid-masks', 'Why per-class sigmoid masks?'],
	['one-pass', 'One pass through Mask R-CNN'],
	['how-the-rpn-learns', 'How the RPN learns']
] as const;

let browser: Browser;
useBrowser((b) => (browser = b));

async function ready(page: Page) {
	await page.locator('article.tutorial[data-ready="true"]').waitFor();
}

test('the index lists the tutorials in order, and the file the test setup added', async () => {
	const { page, errors } = await open(browser, '/tutorials');
	const titles = (await page.getByTestId('tutorial-index').locator('h2').allTextContents()).map((s) =>
		s.trim()
	);
	expect(titles.slice(0, TUTORIALS.length)).toEqual(TUTORIALS.map((t) => t[1]));
	expect(titles).toContain(ADDED_TUTORIAL_TITLE);
	await page.getByRole('link', { name: ADDED_TUTORIAL_TITLE }).click();
	await ready(page);
	expect(page.url()).toContain(`/tutorials/${ADDED_TUTORIAL_SLUG}`);
	expect(await page.locator('h1').textContent()).toBe(ADDED_TUTORIAL_TITLE);
	expect(errors).toEqual([]);
	await page.close();
});

test.each(TUTORIALS)('/tutorials/%s renders without console errors', async (slug, title) => {
	const { page, errors } = await open(browser, `/tutorials/${slug}`);
	await ready(page);
	expect(await page.locator('h1').textContent()).toBe(title);
	expect(await page.locator('.katex').count()).toBeGreaterThan(0);
	expect(errors).toEqual([]);
	await page.close();
});

test.each(TUTORIALS)(
	'/tutorials/%s is readable before JavaScript: prose, contents and math are in the HTML',
	async (slug, title) => {
		const res = await fetch(`${inject('baseUrl')}/tutorials/${slug}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toMatch(new RegExp(`<h1[^>]*>${title.replace(/[?.]/g, '\\$&')}</h1>`));
		expect(html).toContain('aria-label="Contents"');
		expect(html).toContain('class="katex"');
		// answers are not in the page before a guess
		expect(html).not.toContain('data-testid="answer"');
	}
);

describe('predict, then reveal', () => {
	test('the answer and its explanation appear only after a guess, with the live value; progress survives a reload and resets', async () => {
		const { page, errors } = await open(browser, '/tutorials/roipool-to-roialign');
		await ready(page);
		const q = page.getByTestId('predict-align-value');
		expect(await q.getByTestId('answer').count()).toBe(0);
		expect(await page.getByTestId('reveal-align-value').count()).toBe(0);
		const commit = q.getByRole('button', { name: 'Commit my guess' });
		expect(await commit.isDisabled()).toBe(true);

		await q.getByTestId('guess').fill('-0.85');
		await commit.click();
		// The live value is the ops' RoIAlign on torchvision's example (torchvision prints -0.8546).
		const expected = roiAlign(
			SEED_MAP,
			{ shape: [1, 5], data: Float32Array.from([0, 10, 10, 124, 124]) },
			{
				outputSize: [2, 2],
				spatialScale: 1 / 32,
				samplingRatio: 1,
				aligned: false
			}
		).data[0];
		expect(await q.getByTestId('answer-value').textContent()).toBe(expected.toFixed(4));
		expect(expected.toFixed(4)).toBe('-0.8546');
		expect(await q.getByTestId('answer').textContent()).toContain('✓ right');
		await page.getByTestId('reveal-align-value').waitFor();
		expect(await page.getByTestId('progress').textContent()).toContain('1 of 6 questions answered');

		await page.reload({ waitUntil: 'networkidle' });
		await ready(page);
		expect(await page.getByTestId('predict-align-value').getByTestId('answer-value').textContent()).toBe(
			'-0.8546'
		);

		page.on('dialog', (d) => d.accept());
		await page.getByRole('button', { name: 'Reset my answers' }).click();
		expect(await page.getByTestId('predict-align-value').getByTestId('answer').count()).toBe(0);
		expect(await page.getByTestId('reveal-align-value').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a click-on-the-grid question: the cell RoIPool takes its top-left max from', async () => {
		const { page, errors } = await open(browser, '/tutorials/roipool-to-roialign');
		await ready(page);
		const q = page.getByTestId('predict-pool-argmax');
		expect(await page.getByTestId('roi-pool-output').count()).toBe(0); // the panel is part of the answer
		await q.getByTestId('cell-2,1').click();
		await q.getByRole('button', { name: 'Commit my guess' }).click();
		expect(await q.getByTestId('answer-value').textContent()).toBe('row 2, column 1');
		expect(await q.getByTestId('answer').textContent()).toContain('✓ right');
		await page.getByTestId('roi-pool-output').waitFor();
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a choice question computed live: the FPN level of a 500×400 box', async () => {
		const { page, errors } = await open(browser, '/tutorials/which-pyramid-level');
		await ready(page);
		const q = page.getByTestId('predict-level-500x400');
		await q.getByLabel('P5').check();
		await q.getByRole('button', { name: 'Commit my guess' }).click();
		expect(await q.getByTestId('answer-value').textContent()).toBe('P4');
		expect(await q.getByTestId('answer').textContent()).toContain('✗ not quite');
		await page.getByTestId('reveal-level-500x400').waitFor();
		expect(errors).toEqual([]);
		await page.close();
	});
});

test('j and k move between cells', async () => {
	const { page } = await open(browser, '/tutorials/which-pyramid-level');
	await ready(page);
	await page.keyboard.press('j');
	expect(await page.evaluate(() => document.activeElement?.id)).toBe('the-rule');
	await page.keyboard.press('j');
	expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
		'predict-level-224'
	);
	await page.keyboard.press('k');
	expect(await page.evaluate(() => document.activeElement?.id)).toBe('the-rule');
	await page.close();
});

test('a tutorial fits a 360 px screen and prints without the site chrome', async () => {
	const { page, errors } = await open(browser, '/tutorials/roipool-to-roialign', { width: 360, height: 740 });
	await ready(page);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.emulateMedia({ media: 'print' });
	expect(await page.locator('header nav').isVisible()).toBe(false);
	expect(await page.locator('footer').isVisible()).toBe(false);
	expect(errors).toEqual([]);
	await page.close();
});
