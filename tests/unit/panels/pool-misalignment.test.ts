import { expect, test } from 'vitest';
import { SEED_MAP, roiPoolTrace, zeros } from '../../../src/lib/ops';
import { poolMisalignment } from '../../../src/lib/panels/roi/pool-misalignment';

test('torchvision example: the rounded region starts 0.3125 cells early and ends 1.125 cells late', () => {
	const t = roiPoolTrace(SEED_MAP, [0, 10, 10, 124, 124], { outputSize: 2, spatialScale: 1 / 32 });
	const m = poolMisalignment(t);
	expect(m.edges.map((e) => [e.name, e.cells])).toEqual([
		['left', -0.3125],
		['top', -0.3125],
		['right', 1.125],
		['bottom', 1.125]
	]);
	// bins [0,3) and [2,5) against the even split of 0.3125…3.875 (1.78125 each): worst edge is the end, 5 − 3.875
	expect(m.worstBinEdge).toBeCloseTo(1.125, 6);
	expect(m.binWidths).toEqual([3, 3]);
	expect(m.binHeights).toEqual([3, 3]);
});

test('the 665-pixel example: 22 cells, bins of 4 cells, right edge 39 px late at stride 32', () => {
	const t = roiPoolTrace(zeros([1, 1, 25, 25]), [0, 0, 0, 665, 665], { outputSize: 7, spatialScale: 1 / 32 });
	const m = poolMisalignment(t);
	expect(t.roiWidth).toBe(22);
	expect(m.binWidths).toEqual([4, 4, 4, 4, 4, 4, 4]);
	const right = m.edges.find((e) => e.name === 'right')!;
	expect(right.cells * 32).toBeCloseTo(39, 4); // (21 + 1) × 32 − 665
});

test('empty bins (box off the map) are ignored when looking for the worst edge', () => {
	const t = roiPoolTrace(SEED_MAP, [0, -300, 10, -100, 100], { outputSize: 2, spatialScale: 1 / 32 });
	expect(t.bins.every((b) => b.empty)).toBe(true);
	expect(poolMisalignment(t).worstBinEdge).toBe(0);
});
