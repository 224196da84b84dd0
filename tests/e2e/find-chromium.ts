import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Where Chromium is: $CHROMIUM_PATH, Debian's /usr/bin/chromium, or a browser Playwright itself installed. */
export function findChromium(): string {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	try {
		candidates.push(chromium.executablePath());
	} catch {
		// playwright-core has no browser of its own unless someone installed one; that is fine.
	}
	for (const c of candidates) if (c && existsSync(c)) return c;
	throw new Error(
		'No Chromium found for the browser tests. Install one, e.g. `sudo apt-get install chromium` (Debian/Ubuntu), ' +
			'or point CHROMIUM_PATH at a Chromium/Chrome binary. Looked at: ' +
			candidates.filter(Boolean).join(', ')
	);
}

/** Flags that let headless Chromium run here: no sandbox as root, no network chatter, WebGL in software. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader'
];
