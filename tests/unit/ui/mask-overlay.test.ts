import { describe, expect, test } from 'vitest';
import { overlayMasks } from '../../../src/lib/ui/mask-overlay';

// a 4×3 grey picture (RGB 100, opaque)
const grey = () => new Uint8ClampedArray(4 * 3 * 4).map((_, i) => (i % 4 === 3 ? 255 : 100));
const px = (rgba: Uint8ClampedArray, x: number, y: number) =>
	Array.from(rgba.subarray(4 * (y * 4 + x), 4 * (y * 4 + x) + 4));

// mask 0: a 3×3 block at x 0..2 (all of the picture's height); mask 1: one pixel at (3, 0)
const masks = new Float32Array(2 * 12);
for (let y = 0; y < 3; y++) for (let x = 0; x < 3; x++) masks[y * 4 + x] = 0.9;
masks[12 + 3] = 0.6;
// (1, 1) is the block's only pixel with all four neighbours inside it

describe('overlayMasks', () => {
	test('the edge is solid, the inside tinted at the fill opacity, the rest untouched', () => {
		const out = overlayMasks(grey(), masks, 4, 3, [0], 0.5, () => [200, 0, 50]);
		expect(px(out, 0, 0)).toEqual([200, 0, 50, 255]); // edge (touches the picture's border)
		expect(px(out, 2, 1)).toEqual([200, 0, 50, 255]); // edge (its right neighbour is outside)
		// inside: 100 + 0.4 (c − 100)
		expect(px(out, 1, 1)).toEqual([140, 60, 80, 255]);
		expect(px(out, 3, 1)).toEqual([100, 100, 100, 255]);
	});

	test('only pixels at or above the threshold; later masks lie on top', () => {
		const out = overlayMasks(grey(), masks, 4, 3, [1, 0], 0.6, (d) =>
			d === 0 ? [0, 0, 0] : [255, 255, 255]
		);
		expect(px(out, 3, 0)).toEqual([255, 255, 255, 255]); // 0.6 ≥ 0.6
		const none = overlayMasks(grey(), masks, 4, 3, [1], 0.61, () => [255, 255, 255]);
		expect(px(none, 3, 0)).toEqual([100, 100, 100, 255]);
		const both = new Float32Array(24).fill(0.9);
		const top = overlayMasks(grey(), both, 4, 3, [0, 1], 0.5, (d) => (d === 0 ? [0, 0, 0] : [250, 250, 250]));
		expect(px(top, 0, 0)).toEqual([250, 250, 250, 255]);
	});

	test('a fill of 0 draws only the edges', () => {
		const out = overlayMasks(grey(), masks, 4, 3, [0], 0.5, () => [200, 0, 50], { fill: 0 });
		expect(px(out, 1, 1)).toEqual([100, 100, 100, 255]);
		expect(px(out, 1, 0)).toEqual([200, 0, 50, 255]);
	});

	test('bad input names the argument', () => {
		const c = () => [0, 0, 0] as const;
		expect(() => overlayMasks(grey(), masks, 4, 3, [2], 0.5, c)).toThrow(/order names mask 2/);
		expect(() => overlayMasks(grey(), masks, 4, 4, [0], 0.5, c)).toThrow(/rgba/);
		expect(() => overlayMasks(grey(), masks, 4, 3, [0], 0, c)).toThrow(/threshold/);
		expect(() => overlayMasks(grey(), masks, 4, 3, [0], 0.5, c, { fill: 2 })).toThrow(/fill/);
		expect(() => overlayMasks(grey(), masks, 4.5, 3, [0], 0.5, c)).toThrow(/width and height/);
	});
});
