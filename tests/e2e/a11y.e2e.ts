// Issue 16: axe-core (WCAG 2 A/AA + best practices) on every page, embed, tutorial and stepper stage, in light and
// dark, after the page has drawn (the model's result, or the stage from its stored run). Zero serious and zero
// critical findings; the moderate ones are printed for the note. Routes come from the site's own lists.
import type { Browser } from 'playwright-core';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { inject } from 'vitest';
import { a11yRoutes } from './a11y-routes';
import { settle, useBrowser } from './browser';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Finding {
	id: string;
	impact: string | null;
	nodes: string[];
}

let browser: Browser;
useBrowser((b) => (browser = b));

test('axe finds nothing serious or critical on any route, light or dark', async () => {
	const serious: string[] = [];
	const moderate = new Map<string, number>();
	for (const scheme of ['light', 'dark'] as const) {
		const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
		for (const r of a11yRoutes()) {
			const page = await ctx.newPage();
			await page.goto(inject('baseUrl') + r.path, { waitUntil: 'load' });
			await settle(page);
			if (r.stage)
				await page.waitForSelector(
					`[data-testid="stepper"][data-stage="${r.stage}"]:not([data-render-ms=""])`,
					{ timeout: 60_000 }
				);
			if (r.live) await page.getByTestId('detection').first().waitFor({ timeout: 170_000 });
			await page.evaluate(() => document.fonts.ready);
			await page.addScriptTag({ path: AXE });
			const found: Finding[] = await page.evaluate(async () => {
				const axe = (globalThis as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
				const res = (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] })) as {
					violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
				};
				return res.violations.map((v) => ({
					id: v.id,
					impact: v.impact,
					nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))
				}));
			});
			for (const f of found) {
				if (f.impact === 'serious' || f.impact === 'critical')
					serious.push(`${scheme} ${r.path}: ${f.id} (${f.impact}) at ${f.nodes.join(', ')}`);
				else moderate.set(f.id, (moderate.get(f.id) ?? 0) + 1);
			}
			await page.close();
		}
		await ctx.close();
	}
	console.info(
		`axe, ${a11yRoutes().length} routes × 2 schemes; moderate findings by rule (routes): ${
			[...moderate].map(([id, n]) => `${id} ${n}`).join(', ') || 'none'
		}`
	);
	expect(serious).toEqual([]);
}, 600_000);
