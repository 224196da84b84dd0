import { expect, test } from 'vitest';
import { SEED_MAP, roiAlignTrace } from '../../../src/lib/ops';
import { alignDependencies } from '../../../src/lib/panels/roi/align-dependencies';

const W = SEED_MAP.shape[3];
const x = (h: number, w: number) => SEED_MAP.data[h * W + w];

test('sampling ratio 1: one point, its four neighbours, weights summing to 1', () => {
	const t = roiAlignTrace(SEED_MAP, [0, 10, 10, 124, 124], {
		outputSize: 2,
		spatialScale: 1 / 32,
		samplingRatio: 1,
		aligned: false
	});
	const deps = alignDependencies(t.bins[0], t.count, W);
	// the sample sits at (1.203125, 1.203125): cells rows 1–2, columns 1–2
	expect(deps.map((d) => [d.h, d.w])).toEqual([
		[1, 1],
		[1, 2],
		[2, 1],
		[2, 2]
	]);
	expect(deps.reduce((a, d) => a + d.weight, 0)).toBeCloseTo(1, 6);
	// torchvision prints -0.85455352 for this output
	expect(deps.reduce((a, d) => a + d.weight * x(d.h, d.w), 0)).toBeCloseTo(-0.85455352, 5);
});

test.each([
	[2, false],
	[0, true],
	[3, true]
])('the weighted sum of the cells reproduces every output (sr %i, aligned %s)', (sr, aligned) => {
	const t = roiAlignTrace(SEED_MAP, [0, -40, 5, 150, 190], {
		outputSize: [3, 2],
		spatialScale: 1 / 32,
		samplingRatio: sr,
		aligned
	});
	for (const b of t.bins) {
		const deps = alignDependencies(b, t.count, W);
		const sum = deps.reduce((a, d) => a + d.weight * x(d.h, d.w), 0);
		expect(sum).toBeCloseTo(b.value[0], 5);
	}
});

test('zeroed samples add no cells', () => {
	// far above the map: every sample of the top row of bins is more than one cell out
	const t = roiAlignTrace(SEED_MAP, [0, 10, -200, 100, -100], {
		outputSize: 1,
		spatialScale: 1 / 32,
		samplingRatio: 2,
		aligned: false
	});
	expect(t.bins[0].samples.every((s) => s.status === 'zeroed')).toBe(true);
	expect(alignDependencies(t.bins[0], t.count, W)).toEqual([]);
});
