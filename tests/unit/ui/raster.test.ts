import { describe, expect, test } from 'vitest';
import { blendMasks, cellAt, lutOf, stepCell, lutToRgba, rgbToRgba } from '../../../src/lib/ui/raster';

describe('raster pixels', () => {
	test('rgbToRgba copies each pixel and makes it opaque', () => {
		expect(Array.from(rgbToRgba([1, 2, 3, 250, 251, 252], 2, 1))).toEqual([1, 2, 3, 255, 250, 251, 252, 255]);
	});
	test('lutToRgba looks each value up through the index function', () => {
		const lut = new Uint8Array(256 * 3);
		lut.set([10, 20, 30], 3 * 7);
		lut.set([40, 50, 60], 3 * 9);
		expect(Array.from(lutToRgba([0.7, 0.9], lut, (v) => Math.round(v * 10)))).toEqual([
			10, 20, 30, 255, 40, 50, 60, 255
		]);
	});
	test('lutOf samples a colour function at t = i / 255', () => {
		const lut = lutOf((t) => `rgb(${Math.round(255 * t)}, 0, ${Math.round(255 * (1 - t))})`);
		expect(Array.from(lut.subarray(0, 3))).toEqual([0, 0, 255]);
		expect(Array.from(lut.subarray(3 * 255, 3 * 256))).toEqual([255, 0, 0]);
		expect(Array.from(lutOf(() => '#102030').subarray(0, 3))).toEqual([16, 32, 48]);
	});
	test('blendMasks halves each masked pixel toward its colour, only at or above the threshold', () => {
		const rgba = rgbToRgba([100, 100, 100, 100, 100, 100], 2, 1);
		blendMasks(rgba, [0.5, 0.49], 1, 2, 0.5, () => [200, 0, 50]);
		expect(Array.from(rgba)).toEqual([150, 50, 75, 255, 100, 100, 100, 255]);
	});
	test('cellAt maps a pointer to a grid cell, null outside', () => {
		const rect = { left: 10, top: 20, width: 100, height: 50 };
		expect(cellAt(10, 20, rect, 4, 2)).toEqual({ x: 0, y: 0 });
		expect(cellAt(109, 69, rect, 4, 2)).toEqual({ x: 3, y: 1 });
		expect(cellAt(110, 30, rect, 4, 2)).toBeNull();
		expect(cellAt(5, 30, rect, 4, 2)).toBeNull();
	});
	test('stepCell moves the keyboard cursor by whole cells, clamped to the grid, from the centre at first', () => {
		expect(stepCell(null, 'ArrowRight', 1, 5, 3)).toEqual({ x: 3, y: 1 });
		expect(stepCell({ x: 0, y: 0 }, 'ArrowLeft', 1, 5, 3)).toEqual({ x: 0, y: 0 });
		expect(stepCell({ x: 1, y: 1 }, 'ArrowDown', 8, 5, 3)).toEqual({ x: 1, y: 2 });
		expect(stepCell({ x: 1, y: 2 }, 'ArrowUp', 1, 5, 3)).toEqual({ x: 1, y: 1 });
		expect(stepCell({ x: 1, y: 2 }, 'End', 1, 5, 3)).toEqual({ x: 4, y: 2 });
		expect(stepCell({ x: 3, y: 2 }, 'Home', 1, 5, 3)).toEqual({ x: 0, y: 2 });
		expect(stepCell({ x: 1, y: 1 }, 'a', 1, 5, 3)).toBeNull();
	});
});
