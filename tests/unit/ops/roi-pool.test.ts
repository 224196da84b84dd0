import { describe, expect, it } from 'vitest';
import { roiPool } from '../../../src/lib/ops/roi-pool';
import { boxesTensor, fixture, fromHex, goldenRun, mapTensor } from '../../helpers/roi-fixture';

const cases = fixture.cases.filter((c) => c.op === 'roi_pool');

describe('roiPool vs torchvision 0.14 roi_pool (golden fixture)', () => {
	it('has a broad fixture: ≥ 200 cases, every map kind, number and [h, w] output sizes, K = 0', () => {
		expect(cases.length).toBeGreaterThanOrEqual(200);
		const kinds = new Set(cases.map((c) => fixture.maps[c.map].kind));
		expect([...kinds].sort()).toEqual(['nonfinite', 'randn', 'ties']);
		expect(cases.some((c) => typeof c.outputSize === 'number')).toBe(true);
		expect(cases.some((c) => Array.isArray(c.outputSize) && c.outputSize[0] !== c.outputSize[1])).toBe(true);
		expect(cases.some((c) => c.k === 0)).toBe(true);
	});

	it('exercises half-away-from-zero rounding: scaled corners exactly on ±n.5', () => {
		let positive = 0;
		let negative = 0;
		for (const c of cases) {
			const b = fromHex(c.boxes);
			const s = Math.fround(c.spatialScale);
			for (let i = 0; i < b.length; i++) {
				if (i % 5 === 0) continue;
				const v = Math.fround(b[i] * s);
				if (Math.abs(v % 1) !== 0.5) continue;
				if (v > 0) positive++;
				else negative++;
			}
		}
		// −n.5 is where Math.round (toward +∞) and C round (away from zero) disagree.
		expect(positive).toBeGreaterThan(50);
		expect(negative).toBeGreaterThan(10);
	});

	it('reproduces every case bit-exactly', () => {
		const { worst, differing, values } = goldenRun(cases, (c) =>
			roiPool(mapTensor(c.map), boxesTensor(c), {
				outputSize: c.outputSize,
				spatialScale: c.spatialScale
			})
		);
		console.info(
			`roiPool: ${cases.length} golden cases, ${values} values, worst |Δ| = ${worst}, ${differing} values differ in bits`
		);
		expect(worst).toBe(0);
		expect(differing).toBe(0);
	});
});
