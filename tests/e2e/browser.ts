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

/**
 * Opens `path` (relative to the site's base, e.g. '/roi-pool?box=1,2,3,4') and records every error the page logs;
 * `before` sees the page before it loads (to watch its requests from the first).
 */
export async function open(
	browser: Browser,
	path: string,
	viewport = { width: 1280, height: 900 },
	before?: (page: Page) => void
): Promise<OpenedPage> {
	const page = await browser.newPage({ viewport });
	before?.(page);
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
	await page.goto(inject('baseUrl') + path, { waitUntil: 'load' });
	await settle(page);
	return { page, errors };
}

/**
 * Waits for a quiet network, for at most `ms`: most pages get there in a second, but a tutorial of live stage frames
 * loads them lazily as it lays out and, in a busy suite, may not be quiet for long; its tests wait for what they check.
 */
export async function settle(page: Page, ms = 15_000): Promise<void> {
	await page.waitForLoadState('networkidle', { timeout: ms }).catch(() => undefined);
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
