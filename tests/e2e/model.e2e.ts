import type { Browser } from 'playwright-core';
import { expect, test } from 'vitest';
import { open, useBrowser } from './browser';

let browser: Browser;
useBrowser((b) => (browser = b));

// WebGL runs in software (SwiftShader) here: a forward pass takes tens of seconds, so the wait is generous.
test('/model loads the weights, runs the network and draws detections with no console errors', async () => {
	const { page, errors } = await open(browser, '/model?seed=11');
	await page.getByTestId('detection').first().waitFor({ timeout: 170_000 });
	const n = await page.getByTestId('detection').count();
	expect(n).toBeGreaterThan(0);
	const backend = await page.getByTestId('backend').textContent();
	expect(backend).toMatch(/Backend:? (webgl|wasm|cpu)/);
	console.info(`/model seed 11: ${n} detections; ${backend?.replace(/\s+/g, ' ').trim()}`);
	expect(new URL(page.url()).searchParams.get('seed')).toBe('11');
	expect(errors).toEqual([]);
	await page.close();
}, 200_000);

test('/model says in place when the seed in the address is invalid', async () => {
	const { page } = await open(browser, '/model?seed=<script>');
	await expect(page.getByTestId('notice').textContent()).resolves.toContain('Ignored seed=');
	await page.close();
});

// Issue 16: tfjs reads ?tfjsflags= from the address and throws on a malformed %; neither may reach it.
test('/model ignores tfjs’s URL flags and survives a malformed % in the query', async () => {
	const { page, errors } = await open(
		browser,
		'/model?seed=11&tfjsflags=WEBGL_RENDER_FLOAT32_ENABLED:false&x=%E0%A4%A'
	);
	await page.getByTestId('detection').first().waitFor({ timeout: 170_000 });
	// the flag would have forced the WASM fallback ("this GPU only renders float16 textures")
	await expect(page.getByTestId('backend').textContent()).resolves.toMatch(/Backend:? webgl/);
	const q = new URL(page.url()).searchParams;
	expect(q.get('tfjsflags')).toBeNull();
	expect(q.get('seed')).toBe('11');
	expect(errors).toEqual([]);
	await page.close();
}, 200_000);
