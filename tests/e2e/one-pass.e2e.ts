// "One pass through Mask R-CNN" shows each stage in the page, as a live figure from the stored run (no weights
// downloaded), sized to its content; its contents are numbered once.
import type { Browser, Frame } from 'playwright-core';
import { expect, test } from 'vitest';
import { open, useBrowser } from './browser';

let browser: Browser;
useBrowser((b) => (browser = b));

test('every stage is a figure in the page, drawn from the stored run, with no scrollbar of its own', async () => {
	const weights: string[] = [];
	const { page, errors } = await open(browser, '/tutorials/one-pass', undefined, (p) =>
		p.on('request', (r) => {
			if (/\.bin$/.test(r.url()) && r.url().includes('shard')) weights.push(r.url());
		})
	);
	const toc = page.locator('nav.toc li');
	expect(await toc.count()).toBe(11);
	expect(await toc.first().textContent()).toBe('1. Input and transform');
	expect(await page.locator('nav.toc ol').evaluate((ol) => getComputedStyle(ol).listStyleType)).toBe('none');

	const frames = page.locator('figure.model-stage iframe');
	expect(await frames.count()).toBe(11);
	for (const i of [0, 4, 8, 10]) {
		const el = frames.nth(i);
		await el.scrollIntoViewIfNeeded();
		const frame = (await (await el.elementHandle())!.contentFrame()) as Frame;
		await frame.waitForSelector(`[data-testid="stepper"][data-stage="${i + 1}"]:not([data-render-ms=""])`, {
			timeout: 60_000
		});
		expect(await frame.getByTestId('stored-run').count()).toBe(1);
		// the frame follows its content: nothing scrolls inside it
		await page.waitForFunction(
			(f) => {
				const d = (f as HTMLIFrameElement).contentDocument!.documentElement;
				return d.scrollHeight <= (f as HTMLIFrameElement).clientHeight + 1;
			},
			await el.elementHandle(),
			{ timeout: 10_000 }
		);
		// the tutorial's heading names the stage: the embed's own heading is hidden
		expect(await frame.locator('.stage-head').isVisible()).toBe(false);
	}
	expect(weights).toEqual([]);
	expect(errors).toEqual([]);
	await page.close();
}, 180_000);
