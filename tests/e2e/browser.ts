import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM_ARGS } from './find-chromium';

export async function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS });
}

export interface OpenedPage {
	page: Page;
	/** Console errors and uncaught exceptions seen so far; a healthy page leaves this empty. */
	errors: string[];
}

/** Opens `path` (relative to the site's base, e.g. '/roi-pool?box=1,2,3,4') and records every error the page logs. */
export async function open(
	browser: Browser,
	path: string,
	viewport = { width: 1280, height: 900 }
): Promise<OpenedPage> {
	const page = await browser.newPage({ viewport });
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
	await page.goto(inject('baseUrl') + path, { waitUntil: 'networkidle' });
	return { page, errors };
}

/** One browser for a test file: launched before its tests, closed after. `use(b)` receives it. */
export function useBrowser(use: (b: Browser) => void): void {
	let b: Browser | undefined;
	beforeAll(async () => {
		b = await launch();
		use(b);
	});
	afterAll(async () => {
		await b?.close();
	});
}

/** Wait until the page has read its URL (hydrated), so input reaches the live panel. */
export async function panelReady(page: Page): Promise<void> {
	await page.locator('[data-ready="true"]').first().waitFor();
}
