import { describe, expect, it } from 'vitest';
import { chainEdges, edgePath } from '../../../src/lib/stepper/overview/overview-edges';

const nums = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe('overview edges', () => {
	it('joins side-by-side nodes with a straight arrow from right edge to left edge', () => {
		const d = edgePath({ x: 0, y: 10, w: 100, h: 40 }, { x: 120, y: 10, w: 100, h: 40 });
		expect(nums(d)).toEqual([100, 30, 120, 30]);
	});

	it('routes a wrapped row through the gap between the rows', () => {
		// the last node of row 1 (right) to the first of row 2 (left), rows 40 px tall with a 20 px gap
		const d = edgePath({ x: 600, y: 0, w: 100, h: 40 }, { x: 0, y: 60, w: 100, h: 40 });
		expect(nums(d)).toEqual([650, 40, 650, 50, 50, 50, 50, 60]);
	});

	it('gives one edge per consecutive pair', () => {
		const r = (x: number) => ({ x, y: 0, w: 10, h: 10 });
		expect(chainEdges([r(0), r(20), r(40)])).toHaveLength(2);
		expect(chainEdges([r(0)])).toEqual([]);
	});
});
