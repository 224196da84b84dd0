// The RoIPool / RoIAlign / compare pages and their embeds in a real browser. Expected numbers are torchvision's printed
// values for the defaults, and for moved boxes whatever src/lib/ops computes here in Node (itself golden-tested).
import type { Browser, Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { SEED_MAP, roiAlign, roiPool } from '../../src/lib/ops';
import { open, panelReady, useBrowser } from './browser';

let browser: Browser;
useBrowser((b) => (browser = b));

const ready = panelReady;

async function cellTexts(table: Locator): Promise<string[]> {
	return (await table.locator('td').allTextContents()).map((s) => s.trim());
}

async function cellValues(table: Locator): Promise<number[]> {
	const cells = await table.locator('td').all();
	return Promise.all(cells.map(async (c) => Number(await c.getAttribute('data-value'))));
}

const boxes = (b: number[]) => ({ shape: [1, 5], data: Float32Array.from([0, ...b]) });

const PAGES = [
	'/roi-pool',
	'/roi-align',
	'/compare',
	'/embed/roi-pool',
	'/embed/roi-align',
	'/embed/compare',
	'/embed/roi-align-pair',
	'/roi-align?agg=max&sr=0&map=random&seed=5&stride=16&box=40,60,300,200&out=7x5',
	'/compare?agg=max&map=image&stride=8&out=14&box=200,180,520,470'
];

test.each(PAGES)('%s renders without console errors', async (path) => {
	const { page, errors } = await open(browser, path);
	await ready(page);
	expect(errors).toEqual([]);
	// embeds have no site chrome
	if (path.startsWith('/embed')) expect(await page.locator('header, footer').count()).toBe(0);
	await page.close();
});

describe('default state is torchvision example', () => {
	test('RoIPool shows 1.6871 0.4676 2.0242 2.3571', async () => {
		const { page, errors } = await open(browser, '/roi-pool');
		await ready(page);
		expect(await cellTexts(page.getByTestId('roi-pool-output'))).toEqual([
			'1.6871',
			'0.4676',
			'2.0242',
			'2.3571'
		]);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('RoIAlign shows -0.8546 0.3236 0.2177 0.0546', async () => {
		const { page } = await open(browser, '/roi-align');
		await ready(page);
		const out = page.getByTestId('roi-align-output');
		expect(await cellTexts(out)).toEqual(['-0.8546', '0.3236', '0.2177', '0.0546']);
		// torchvision's float32 values, to float32 precision
		const v = await cellValues(out);
		[-0.85455352, 0.32360899, 0.21769749, 0.05459579].forEach((e, i) => expect(v[i]).toBeCloseTo(e, 7));
		await page.close();
	});

	test('the compare page shows both outputs and their difference', async () => {
		const { page } = await open(browser, '/compare');
		await ready(page);
		expect(await cellTexts(page.getByTestId('compare-pool-output'))).toEqual([
			'1.6871',
			'0.4676',
			'2.0242',
			'2.3571'
		]);
		expect(await cellTexts(page.getByTestId('compare-align-output'))).toEqual([
			'-0.8546',
			'0.3236',
			'0.2177',
			'0.0546'
		]);
		const diff = await cellValues(page.getByTestId('compare-diff-output'));
		expect(diff[0]).toBeCloseTo(-0.85455352 - 1.6871134, 6);
		await page.close();
	});

	test('the prerendered HTML already shows the numbers and the explanation (no JavaScript)', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false });
		await page.goto(inject('baseUrl') + '/roi-align');
		expect(await cellTexts(page.getByTestId('roi-align-output'))).toEqual([
			'-0.8546',
			'0.3236',
			'0.2177',
			'0.0546'
		]);
		expect(await page.locator('h2', { hasText: 'aligned' }).count()).toBe(1);
		await page.close();
	});
});

describe('keyboard moves the box and the outputs follow the ops', () => {
	test('RoIPool: Shift+→ (one cell) and ↓↓↓ (3 px)', async () => {
		const { page, errors } = await open(browser, '/roi-pool');
		await ready(page);
		await page.getByTestId('roi-box').focus();
		await page.keyboard.press('Shift+ArrowRight');
		for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
		const box = [42, 13, 156, 127];
		const expected = roiPool(SEED_MAP, boxes(box), { outputSize: 2, spatialScale: 1 / 32 });
		const table = page.getByTestId('roi-pool-output');
		await expect.poll(() => cellValues(table)).toEqual(Array.from(expected.data));
		expect(await cellTexts(table)).toEqual(Array.from(expected.data, (v) => v.toFixed(4)));
		expect(await page.getByTestId('box-x1').inputValue()).toBe('42');
		// the URL follows (debounced) and reproduces the state on reload
		await expect.poll(() => new URL(page.url()).searchParams.get('box')).toBe('42,13,156,127');
		await page.reload({ waitUntil: 'networkidle' });
		await ready(page);
		await expect
			.poll(() => cellValues(page.getByTestId('roi-pool-output')))
			.toEqual(Array.from(expected.data));
		expect(errors).toEqual([]);
		await page.close();
	});

	test('RoIAlign: Alt+→ resizes, ← moves, with sampling ratio 2 chosen in the form', async () => {
		const { page } = await open(browser, '/roi-align');
		await ready(page);
		await page.getByTestId('sr').selectOption('2');
		await page.getByTestId('roi-box').focus();
		for (let i = 0; i < 5; i++) await page.keyboard.press('Alt+ArrowRight');
		await page.keyboard.press('ArrowLeft');
		const box = [9, 10, 128, 124];
		const expected = roiAlign(SEED_MAP, boxes(box), {
			outputSize: 2,
			spatialScale: 1 / 32,
			samplingRatio: 2,
			aligned: false
		});
		const table = page.getByTestId('roi-align-output');
		await expect.poll(() => cellValues(table)).toEqual(Array.from(expected.data));
		await page.close();
	});

	test('RoIAlign with max aggregation on the picture map matches the op', async () => {
		const { page } = await open(
			browser,
			'/roi-align?agg=max&sr=2&map=image&img=256&stride=16&box=30,40,200,170&out=3'
		);
		await ready(page);
		const { featureMap } = await import('../../src/lib/panels/roi/feature-maps');
		const map = featureMap({ map: 'image', seed: 1, stride: 16, img: [256, 256] }).tensor;
		const expected = roiAlign(map, boxes([30, 40, 200, 170]), {
			outputSize: 3,
			spatialScale: 1 / 16,
			samplingRatio: 2,
			aligned: false,
			aggregation: 'max'
		});
		expect(await cellValues(page.getByTestId('roi-align-output'))).toEqual(Array.from(expected.data));
		await page.close();
	});

	test('compare: a move changes both outputs to what the ops compute', async () => {
		const { page } = await open(browser, '/compare');
		await ready(page);
		await page.getByTestId('roi-box').focus();
		await page.keyboard.press('Shift+ArrowDown');
		const box = [10, 42, 124, 156];
		const pool = roiPool(SEED_MAP, boxes(box), { outputSize: 2, spatialScale: 1 / 32 });
		const align = roiAlign(SEED_MAP, boxes(box), {
			outputSize: 2,
			spatialScale: 1 / 32,
			samplingRatio: 1,
			aligned: false
		});
		await expect
			.poll(() => cellValues(page.getByTestId('compare-pool-output')))
			.toEqual(Array.from(pool.data));
		await expect
			.poll(() => cellValues(page.getByTestId('compare-align-output')))
			.toEqual(Array.from(align.data));
		await page.close();
	});
});

describe('URL parameters', () => {
	test('aligned=1 shows -1.2911 top-left', async () => {
		const { page, errors } = await open(browser, '/roi-align?aligned=1');
		await ready(page);
		const out = page.getByTestId('roi-align-output');
		await expect.poll(async () => (await cellTexts(out))[0]).toBe('-1.2911');
		expect((await cellValues(out))[0]).toBeCloseTo(-1.29109216, 6);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('invalid values fall back to the defaults with a notice, shown as text', async () => {
		let dialogs = 0;
		const { page, errors } = await open(
			browser,
			'/roi-align?box=<script>alert(1)</script>&sr=-3&out=7x&aligned=2'
		);
		page.on('dialog', () => dialogs++);
		await ready(page);
		const notice = page.getByTestId('notice');
		await notice.waitFor();
		expect(await notice.locator('li').count()).toBe(4);
		expect(await notice.textContent()).toContain('<script>alert(1)</script>');
		expect(await notice.innerHTML()).toContain('&lt;script&gt;');
		expect(await page.locator('#panel script').count()).toBe(0);
		expect(await cellTexts(page.getByTestId('roi-align-output'))).toEqual([
			'-0.8546',
			'0.3236',
			'0.2177',
			'0.0546'
		]);
		expect(dialogs).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('hide= hides the named controls in an embed', async () => {
		const { page } = await open(browser, '/embed/roi-align?hide=sr,aligned,presets,formula');
		await ready(page);
		for (const name of ['sr', 'aligned', 'presets', 'formula'])
			expect(await page.locator(`[data-control="${name}"]`).count(), name).toBe(0);
		expect(await page.locator('[data-control="stride"]').count()).toBe(1);
		expect(await page.locator('[data-control="agg"]').count()).toBe(1);
		await page.close();
	});

	test('"Copy embed code" reproduces the current state in the embed', async () => {
		const { page } = await open(browser, '/roi-align?sr=3&box=20,30,140,150&out=3x2');
		await ready(page);
		const before = await cellValues(page.getByTestId('roi-align-output'));
		expect(before).toHaveLength(6);
		await page.getByRole('button', { name: 'Copy embed code' }).click();
		const code = await page.getByTestId('embed-code').inputValue();
		const src = /src="([^"]+)"/.exec(code)?.[1].replace(/&amp;/g, '&');
		expect(src).toContain('/explainer/embed/roi-align?');
		const embed = await browser.newPage();
		await embed.goto(src!, { waitUntil: 'networkidle' });
		await ready(embed);
		expect(await cellValues(embed.getByTestId('roi-align-output'))).toEqual(before);
		await embed.close();
		await page.close();
	});
});

test('two panels on one page keep separate state', async () => {
	const { page, errors } = await open(browser, '/embed/roi-align-pair?a.sr=2');
	await ready(page);
	const a = page.getByTestId('panel-a');
	const b = page.getByTestId('panel-b');
	// A: sampling ratio 2 from the URL (torchvision: -0.46871012); B: its own default, aligned=True (-1.29109216)
	expect((await cellValues(a.getByTestId('roi-align-output')))[0]).toBeCloseTo(-0.46871012, 6);
	expect((await cellValues(b.getByTestId('roi-align-output')))[0]).toBeCloseTo(-1.29109216, 6);
	const bBefore = await cellValues(b.getByTestId('roi-align-output'));
	await a.getByTestId('roi-box').focus();
	await page.keyboard.press('Shift+ArrowRight');
	const moved = roiAlign(SEED_MAP, boxes([42, 10, 156, 124]), {
		outputSize: 2,
		spatialScale: 1 / 32,
		samplingRatio: 2,
		aligned: false
	});
	await expect.poll(() => cellValues(a.getByTestId('roi-align-output'))).toEqual(Array.from(moved.data));
	expect(await cellValues(b.getByTestId('roi-align-output'))).toEqual(bBefore);
	expect(await b.getByTestId('box-x1').inputValue()).toBe('10');
	await expect.poll(() => new URL(page.url()).searchParams.get('a.box')).toBe('42,10,156,124');
	expect(new URL(page.url()).searchParams.get('b.box')).toBeNull();
	expect(errors).toEqual([]);
	await page.close();
});

test('hovering a sampling point shows its neighbours and weights; border points are labelled', async () => {
	const { page } = await open(browser, '/roi-align?box=-48,-20,70,90&sr=2');
	await ready(page);
	const zeroed = page.locator('[data-status="zeroed"]').first();
	await zeroed.hover();
	await expect.poll(() => page.getByTestId('sample-status').textContent()).toContain('Zeroed');
	const clamped = page.locator('[data-status="clamped"]').first();
	await clamped.focus();
	await expect.poll(() => page.getByTestId('sample-status').textContent()).toContain('Clamped');
	await page.keyboard.press('ArrowRight');
	expect(await page.getByTestId('sample-detail').locator('h3').textContent()).toMatch(/Sample \(\d, \d\)/);
	await page.close();
});

test('works at 360 px wide without horizontal scrolling', async () => {
	for (const path of ['/roi-pool', '/roi-align', '/compare']) {
		const { page, errors } = await open(browser, path, { width: 360, height: 740 });
		await ready(page);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, path).toBeLessThanOrEqual(0);
		expect(errors).toEqual([]);
		await page.close();
	}
});

test('drag-to-redraw time (reported, not asserted)', async () => {
	const report: string[] = [];
	for (const [label, path] of [
		['roi-align default', '/roi-align'],
		['roi-align 7x7 sr4 on 25x25', '/roi-align?box=0,0,665,665&out=7&sr=4&map=image'],
		['compare 7x7 sr2', '/compare?box=0,0,665,665&out=7&sr=2&map=image'],
		['roi-pool 7x7', '/roi-pool?box=0,0,665,665&out=7&map=image']
	]) {
		const { page, errors } = await open(browser, path);
		await ready(page);
		const box = page.getByTestId('roi-box');
		const r = (await box.boundingBox())!;
		const panel = page.locator('[data-redraw-ms]').first();
		await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
		await page.mouse.down();
		const ms: number[] = [];
		for (let i = 1; i <= 30; i++) {
			const before = await panel.getAttribute('data-redraw-ms');
			await page.mouse.move(r.x + r.width / 2 + i * 3, r.y + r.height / 2 + (i % 2) * 2);
			const after = await panel.getAttribute('data-redraw-ms');
			if (after && after !== before) ms.push(Number(after));
		}
		await page.mouse.up();
		ms.sort((a, b) => a - b);
		expect(ms.length).toBeGreaterThan(0);
		expect(errors).toEqual([]);
		report.push(
			`${label}: event→DOM median ${ms[Math.floor(ms.length / 2)].toFixed(2)} ms, max ${ms[ms.length - 1].toFixed(2)} ms (n=${ms.length})`
		);
		await page.close();
	}
	console.info('[drag-to-redraw]\n' + report.join('\n'));
});
