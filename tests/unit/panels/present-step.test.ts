import { describe, expect, test } from 'vitest';
import { assignFpnLevels } from '../../../src/lib/ops';
import { resolveRoiPoolOptions, roiPoolGeometry } from '../../../src/lib/ops/roi-pool';
import { FPN_DEFAULTS } from '../../../src/lib/panels/fpn/fpn-state';
import { fpnStep, roiStep } from '../../../src/lib/panels/present-step';
import { ROI_DEFAULTS, cloneRoi } from '../../../src/lib/panels/roi/roi-state';

// RoIPool's rounded box, from the op itself: the columns it starts and ends at.
function pooledColumns(box: readonly number[], stride: number): [number, number] {
	const o = resolveRoiPoolOptions('roi_pool', { outputSize: [2, 2], spatialScale: 1 / stride });
	const g = roiPoolGeometry('roi_pool', 'boxes', [0, ...box], 0, 1, o);
	return [g.roundedBox[0], g.roundedBox[2]];
}

describe("presenter mode's main action", () => {
	test('an RoI panel slides its box by half a cell; RoIPool moves a whole cell every second press', () => {
		let s = { ...cloneRoi(ROI_DEFAULTS), box: [48, 10, 160, 124] as [number, number, number, number] };
		const cols = [pooledColumns(s.box, s.stride)];
		for (let i = 0; i < 4; i++) {
			s = roiStep(s, 1);
			cols.push(pooledColumns(s.box, s.stride));
		}
		expect(s.box).toEqual([48 + 64, 10, 160 + 64, 124]);
		// start 1.5 → 2, 2.0 → 2, 2.5 → 3, 3.0 → 3, 3.5 → 4: steps of a whole cell, every other press
		expect(cols.map((c) => c[0])).toEqual([2, 2, 3, 3, 4]);
		expect(roiStep(roiStep(s, 1), -1).box).toEqual(s.box);
		// the box stays inside the image
		let edge = { ...s, box: [0, 0, 40, 40] as [number, number, number, number] };
		edge = roiStep(edge, -1);
		expect(edge.box).toEqual([0, 0, 40, 40]);
	});

	test('the FPN panel grows its first box so that every second press crosses one level of Eq. 1', () => {
		let s = {
			...FPN_DEFAULTS,
			boxes: [[300, 300, 356, 356]] as FpnFirst,
			img: [800, 800] as [number, number]
		};
		const levels: number[] = [];
		for (let i = 0; i < 8; i++) {
			levels.push(assignFpnLevels(Float32Array.from(s.boxes[0]))[0]);
			s = fpnStep(s, 1);
		}
		// 56 px, then 80, 114, 162, 230, …: P2 until √(wh) reaches 112, then one level per two presses
		expect(levels).toEqual([2, 2, 3, 3, 4, 4, 5, 5]);
		// and back down, crossing each boundary again two presses apart
		const down: number[] = [];
		for (let i = 0; i < 7; i++) {
			s = fpnStep(s, -1);
			down.push(assignFpnLevels(Float32Array.from(s.boxes[0]))[0]);
		}
		expect(down).toEqual([5, 4, 4, 3, 3, 2, 2]);
		const b = s.boxes[0];
		expect(b[0]).toBeGreaterThanOrEqual(0);
		expect(b[2]).toBeLessThanOrEqual(800);
	});
});

type FpnFirst = [number, number, number, number][];
