// Every page and embed at a 360 px phone width: nothing may push the page sideways (issue 16 item 5 found
// /embed/roi-align-pair 665 px wide: a fieldset is min-content wide by default). The list comes from the site's
// own navigation, panel registry and tutorial files, so a new page or embed is covered without editing this test.
import type { Browser } from 'playwright-core';
import { expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { NAV } from '../../src/lib/site/nav';
import { PANEL_KINDS } from '../../src/lib/panels/registry';
import { open, useBrowser } from './browser';

let browser: Browser;
useBrowser((b) => (browser = b));

const PATHS = [
	'/',
	...NAV.map((n) => n.path as string),
	...PANEL_KINDS.map((k) => `/embed/${k}`),
	'/embed/roi-align-pair',
	'/embed/overview',
	...readdirSync('src/tutorials')
		.filter((f) => f.endsWith('.md') && !f.startsWith('e2e-'))
		.map((f) => `/tutorials/${f.replace(/\.md$/, '')}`)
];

test('no page or embed scrolls sideways at 360 px', async () => {
	const wide: string[] = [];
	for (const path of PATHS) {
		const { page, errors } = await open(browser, path, { width: 360, height: 800 });
		await page.waitForTimeout(300);
		const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		if (over > 0) wide.push(`${path}: ${over} px too wide`);
		expect(errors, path).toEqual([]);
		await page.close();
	}
	expect(wide).toEqual([]);
}, 180_000);
