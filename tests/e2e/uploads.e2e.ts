// Uploads that are not what they claim: each gets a named message in place, and a refused file leaves the scene
// (here a stored run of seed 2502, so no model is needed) on screen and usable. The files are built here: raw
// bytes, pngjs, and the Pillow-written samples in tests/fixtures/upload-samples.ts.
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_UPLOAD_BYTES } from '../../src/lib/stepper/input/upload';
import { sample } from '../fixtures/upload-samples';
import { open, useBrowser } from './browser';

let browser: Browser;
useBrowser((b) => (browser = b));

/** The scene controls (seed, drawing, upload) fold into a disclosure under the overview strip. */
async function openSceneControls(page: Page) {
	const d = page.getByTestId('scene-controls');
	if ((await d.getAttribute('open')) === null) await d.locator('summary').first().click();
}

/** /stepper on seed 2502's stored run, its first stage drawn, the scene controls open. */
async function storedRun() {
	const opened = await open(browser, '/stepper?seed=2502');
	const { page } = opened;
	await page.getByTestId('stored-run').waitFor({ timeout: 30_000 });
	await page.waitForSelector('[data-testid="stepper"][data-stage="1"]:not([data-render-ms=""])', {
		timeout: 30_000
	});
	await openSceneControls(page);
	return opened;
}

/** What says "this scene, this run": compared before and after each refusal. */
async function sceneState(page: Page) {
	return {
		url: page.url(),
		stored: await page.getByTestId('stored-run').isVisible(),
		stage: await page.getByTestId('stepper').getAttribute('data-stage'),
		label: (await page.getByTestId('scene-controls').locator('summary').first().textContent())?.trim(),
		// the stage's own drawing and numbers, as text
		stageText: await page.locator('[data-testid^="stage-"][aria-labelledby="stage-title"]').textContent(),
		usingUpload: await page.getByTestId('upload-status').count()
	};
}

type Upload = { name: string; mimeType: string; buffer: Buffer } | string;

async function refused(page: Page, file: Upload, expected: RegExp) {
	await page.getByTestId('upload').setInputFiles(file);
	const error = page.getByTestId('upload-error');
	await error.waitFor({ timeout: 10_000 });
	const text = (await error.textContent()) ?? '';
	expect(text).toMatch(expected);
	expect(await error.isVisible()).toBe(true);
	return text;
}

function png(width: number, height: number): Buffer {
	const p = new PNG({ width, height });
	for (let i = 0; i < p.data.length; i += 4) p.data.set([230, 60, 40, 255], i);
	return PNG.sync.write(p);
}

test('each refused upload names its problem and leaves the stored run on screen and usable', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'uploads-e2e-'));
	// over the limit by one byte, and a real PNG header: refused on its size alone, before it is read
	const bigPath = join(dir, 'poster.png');
	const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
	png(4, 4).copy(big);
	writeFileSync(bigPath, big);
	const { page, errors } = await storedRun();
	try {
		const before = await sceneState(page);
		expect(before).toMatchObject({ stored: true, stage: '1', usingUpload: 0 });
		expect(before.label).toContain('scene 2502');

		const svg =
			'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="window.__svgRan = 1">' +
			'<script>window.__svgRan = 1</script><image href="https://example.invalid/x.png"/></svg>';
		const cases: [string, Upload, RegExp][] = [
			[
				'not an image',
				{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') },
				/^“notes\.txt” is not an image: it is plain text\. Pick a PNG, JPEG, GIF, WebP, BMP or AVIF picture\.$/
			],
			[
				'a PDF',
				{ name: 'slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\n') },
				/is not an image: it is a PDF document/
			],
			[
				'0 bytes',
				{ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
				/^“empty\.png”: the file is empty \(0 bytes\)/
			],
			['over the size limit', bigPath, /^“poster\.png” is 20,971,521 bytes, over the limit of 20 MB/],
			[
				'SVG with a script',
				{ name: 'drawing.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) },
				/^“drawing\.svg” is an SVG drawing\. SVG files can carry scripts and links to other files/
			],
			[
				'SVG named .png',
				{ name: 'drawing.png', mimeType: 'image/png', buffer: Buffer.from(svg) },
				/^“drawing\.png” is an SVG drawing/
			],
			[
				'a PNG cut short',
				{ name: 'cut.png', mimeType: 'image/png', buffer: png(64, 48).subarray(0, 40) },
				/^“cut\.png” starts like a PNG file, but the browser could not decode it/
			]
		];
		const seen: string[] = [];
		for (const [what, file, expected] of cases) {
			seen.push(`${what}: ${await refused(page, file, expected)}`);
			expect(await sceneState(page), `after ${what}`).toEqual(before);
		}
		console.info(`refusals:\n  ${seen.join('\n  ')}`);
		// the SVG's script never ran, and nothing of it reached the page
		expect(await page.evaluate(() => (window as unknown as { __svgRan?: number }).__svgRan)).toBeUndefined();
		expect(await page.locator('img[src^="blob:"], img[src^="data:image/svg"], svg[onload]').count()).toBe(0);
		// still usable: the next stage draws from the same stored run
		await page.getByTestId('next').click();
		await page.waitForSelector('[data-testid="stepper"][data-stage="2"]:not([data-render-ms=""])', {
			timeout: 30_000
		});
		expect(await page.getByTestId('stored-run').isVisible()).toBe(true);
		expect(errors).toEqual([]);
	} finally {
		await page.close();
		rmSync(dir, { recursive: true, force: true });
	}
}, 120_000);

test('a PNG renamed .jpg and an animated GIF are read by their content, and a refusal then keeps the upload', async () => {
	const { page, errors } = await storedRun();
	try {
		await page
			.getByTestId('upload')
			.setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: png(64, 48) });
		const status = page.getByTestId('upload-status');
		await status.waitFor({ timeout: 10_000 });
		const pngText = (await status.textContent()) ?? '';
		expect(pngText).toContain('Using your picture “holiday.jpg” (PNG). 64×48 pixels.');
		expect(await page.getByTestId('upload-note').textContent()).toBe(
			'Its name ends in .jpg, but the file is a PNG, and it is read as one.'
		);
		expect(pngText).not.toMatch(/JPEG/);
		expect(await page.getByTestId('upload-error').count()).toBe(0);

		await page
			.getByTestId('upload')
			.setInputFiles({ name: 'spin.gif', mimeType: 'image/gif', buffer: Buffer.from(sample('gifAnimated')) });
		await page.getByText('Using your picture “spin.gif” (GIF). 2×2 pixels.').waitFor({ timeout: 10_000 });
		expect(await page.getByTestId('upload-note').textContent()).toBe(
			'It is an animated GIF of 3 frames: the model sees one picture, so this uses the first frame.'
		);
		console.info(`accepted: ${pngText.trim()} | ${(await status.textContent())?.trim()}`);

		// a refusal now keeps the picture in use, not the scene from before it
		await refused(
			page,
			{ name: 'x.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg/>') },
			/SVG drawing/
		);
		expect(await status.textContent()).toContain('“spin.gif” (GIF)');
		expect(errors).toEqual([]);
	} finally {
		await page.close();
	}
}, 120_000);
