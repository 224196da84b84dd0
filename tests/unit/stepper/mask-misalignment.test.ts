import { describe, expect, it } from 'vitest';
import type { Scene } from '$lib/scenes';
import { edgeShiftsPx, judgeMasks } from '$lib/stepper/stages/roi-align/mask-misalignment';
import {
	BOTH_RGB,
	OTHER_RGB,
	cropAround,
	misalignmentPixels
} from '$lib/stepper/stages/roi-align/misalignment-pixels';

describe('edgeShiftsPx: RoIPool’s first rounding, in image pixels', () => {
	it('rounds the box on the level’s grid (worked by hand)', () => {
		// P3, stride 8: (10, 10, 50, 50) → cells (1.25, 1.25, 6.25, 6.25) → rounded 1..6, so [1, 7) in cells
		expect(edgeShiftsPx([10, 10, 50, 50], 3, 1).map((s) => s.px)).toEqual([-2, -2, 6, 6]);
		// the same box on a picture shown at twice the size: twice the pixels
		expect(edgeShiftsPx([10, 10, 50, 50], 3, 2).map((s) => s.px)).toEqual([-4, -4, 12, 12]);
		// C rounding is half away from zero: 12 / 8 = 1.5 → 2
		expect(edgeShiftsPx([12, 0, 20, 8], 3, 1)[0].px).toBe(4);
	});
	it('names a bad level', () => {
		expect(() => edgeShiftsPx([0, 0, 1, 1], 2.5, 1)).toThrow(/edgeShiftsPx: level must be/);
	});
});

/** A 4×4 scene with one object of class 2 (the left half) and one of class 1 (the bottom-right cell). */
function scene(): Scene {
	const mask = (cells: number[]) => {
		const m = new Uint8Array(16);
		for (const c of cells) m[c] = 1;
		return m;
	};
	return {
		width: 4,
		height: 4,
		image: new Uint8Array(48),
		instances: [
			{ label: 2, mask: mask([0, 1, 4, 5, 8, 9, 12, 13]), area: 8 },
			{ label: 1, mask: mask([15]), area: 1 }
		]
	} as unknown as Scene;
}
const plane = (cells: number[]) => {
	const p = new Float32Array(16);
	for (const c of cells) p[c] = 0.9;
	return p;
};

describe('judgeMasks', () => {
	it('matches the object of the detection’s class and scores both masks against it', () => {
		// own: the left half exactly; other: shifted one column right
		const j = judgeMasks(scene(), 2, plane([0, 1, 4, 5, 8, 9, 12, 13]), plane([1, 2, 5, 6, 9, 10, 13, 14]));
		expect(j.object).toBe(0);
		expect(j.alignIou).toBe(1);
		expect(j.poolIou).toBeCloseTo(4 / 12, 12);
		expect([j.onlyAlign, j.onlyPool]).toEqual([4, 4]);
	});
	it('finds no object for a class the scene does not hold', () => {
		expect(judgeMasks(scene(), 3, plane([0]), plane([0])).object).toBe(-1);
	});
	it('refuses masks of another size, naming both', () => {
		expect(() => judgeMasks(scene(), 2, new Float32Array(4), new Float32Array(16))).toThrow(
			/must be 4×4, got 4 and 16/
		);
	});
	it('crops around a box inside the scene', () => {
		expect(cropAround([1, 1, 2, 2], scene())).toEqual({ x: 0, y: 0, width: 4, height: 4 });
		expect(cropAround([0, 0, 4, 4], scene())).toEqual({ x: 0, y: 0, width: 4, height: 4 });
	});
});

describe('misalignmentPixels', () => {
	it('colours each pixel by which mask covers it and draws the truth outline one canvas pixel wide, inside', () => {
		const crop = { x: 0, y: 0, width: 4, height: 4 };
		const own = plane([0, 1, 4, 5, 8, 9, 12, 13]);
		const other = plane([1, 2, 5, 6, 9, 10, 13, 14]);
		const px = misalignmentPixels(scene(), crop, own, other, 0, 3);
		const at = (x: number, y: number) => Array.from(px.subarray(4 * (y * 12 + x), 4 * (y * 12 + x) + 3));
		expect(px.length).toBe(12 * 12 * 4);
		// image pixel (1, 1): inside the object, covered by both; its right side faces the outside → a black line
		expect(at(4, 4)).toEqual([...BOTH_RGB]);
		expect(at(5, 4)).toEqual([0, 0, 0]);
		// image pixel (2, 1): outside the object, only the other mask
		expect(at(7, 4)).toEqual([...OTHER_RGB]);
		// image pixel (0, 1): the scene's left edge counts as outside
		expect(at(0, 4)).toEqual([0, 0, 0]);
	});
});
