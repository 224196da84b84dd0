import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
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
