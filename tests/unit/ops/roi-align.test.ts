import { describe, expect, it } from 'vitest';
import { roiAlign } from '../../../src/lib/ops/roi-align';
import { boxesTensor, compare, fixture, fromHex, goldenRun, mapTensor } from '../../helpers/roi-fixture';

const cases = fixture.cases.filter((c) => c.op === 'roi_align');
/** The op's contract (docs/golden-tests.md); the kernel is reproduced bit for bit, so the measured error is 0. */
const TOLERANCE = 1e-5;

function run(c: (typeof cases)[number]) {
	return roiAlign(mapTensor(c.map), boxesTensor(c), {
		outputSize: c.outputSize,
		spatialScale: c.spatialScale,
		samplingRatio: c.samplingRatio as number,
		aligned: c.aligned as boolean
	});
}

describe('roiAlign vs torchvision 0.14 roi_align (golden fixture)', () => {
	it('covers both aligned values × sampling ratios −1, 0, 1, 2, 3, and reversed / outside / zero-size boxes', () => {
		expect(cases.length).toBeGreaterThanOrEqual(300);
		for (const aligned of [false, true])
			for (const sr of [-1, 0, 1, 2, 3])
				expect(cases.filter((c) => c.aligned === aligned && c.samplingRatio === sr).length).toBeGreaterThan(
					20
				);
		const kinds = cases.flatMap((c) => c.kinds.flatMap((k) => k.split('/')));
		for (const k of ['inside', 'partial', 'outside', 'subcell', 'reversed', 'zero', 'half'])
			expect(kinds.filter((x) => x === k).length).toBeGreaterThan(20);
		// many RoIs in one call: the op precomputes RoIs in chunks, so these cross chunk boundaries
		expect(cases.filter((c) => c.k >= 100).map((c) => c.samplingRatio)).toEqual([3, -1]);
		const scales = new Set(cases.map((c) => c.spatialScale));
		for (const s of [1 / 3, 0.3, 1 / 32, 0.25, 1]) expect(scales.has(s)).toBe(true);
	});

	it(`matches every case within ${TOLERANCE} (and reports the worst error)`, () => {
		const { worst, differing, values } = goldenRun(cases, run);
		console.info(
			`roiAlign: ${cases.length} golden cases, ${values} values, worst |Δ| = ${worst}, ${differing} values differ in bits`
		);
		expect(worst).toBeLessThanOrEqual(TOLERANCE);
	});

	it('is in fact bit-exact on every case (stronger than the tolerance)', () => {
		const bad = cases.filter((c) => compare(run(c).data, fromHex(c.output)).differing > 0);
		expect(bad.length).toBe(0);
	});

	it('throws a clear error where torchvision crashes (aligned, reversed box, adaptive grid with gh·gw < 0)', () => {
		expect(fixture.negativeGrid.length).toBeGreaterThan(0);
		for (const g of fixture.negativeGrid) {
			expect(g.torch).toMatch(/std::vector/); // what torchvision did with this very box
			const call = () =>
				roiAlign(
					mapTensor(g.map),
					{ shape: [1, 5], data: fromHex(g.box) },
					{
						outputSize: g.outputSize,
						spatialScale: g.spatialScale,
						samplingRatio: g.samplingRatio,
						aligned: true
					}
				);
			expect(call).toThrow(/boxes\[0\].*reversed.*samplingRatio=-?\d.*negative/);
			expect(call).toThrow(`${g.grid[0]}×${g.grid[1]}`);
		}
	});
});
