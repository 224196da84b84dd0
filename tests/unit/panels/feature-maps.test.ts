import { expect, test } from 'vitest';
import { SEED_MAP } from '../../../src/lib/ops';
import { cellsFor, featureMap, picture } from '../../../src/lib/panels/roi/feature-maps';
import { mulberry32, normals } from '../../../src/lib/scenes';

test('the seed map is torchvision’s 6×6 tensor and covers 6·stride pixels', () => {
	const m = featureMap({ map: 'seed', seed: 1, stride: 16, img: [800, 800] });
	expect(m.tensor).toBe(SEED_MAP);
	expect([m.imageW, m.imageH]).toEqual([96, 96]);
});

test('generated maps cover the image at the stride (a partial cell gets a cell)', () => {
	expect(cellsFor(800, 32)).toBe(25);
	expect(cellsFor(810, 32)).toBe(26);
	const m = featureMap({ map: 'random', seed: 3, stride: 32, img: [810, 600] });
	expect(m.tensor.shape).toEqual([1, 1, 19, 26]);
	expect([m.imageW, m.imageH]).toEqual([810, 600]);
});

test('a seeded random map is reproducible and differs between seeds', () => {
	const a = featureMap({ map: 'random', seed: 7, stride: 16, img: [256, 256] }).tensor.data;
	const b = featureMap({ map: 'random', seed: 8, stride: 16, img: [256, 256] }).tensor.data;
	const a2 = normals(mulberry32(7).next, 256);
	expect(Array.from(a)).toEqual(Array.from(a2));
	expect(Array.from(a)).not.toEqual(Array.from(b));
});

test('normals look standard normal (mean ≈ 0, variance ≈ 1)', () => {
	const v = normals(mulberry32(12345).next, 20000);
	const mean = v.reduce((s, x) => s + x, 0) / v.length;
	const variance = v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length;
	expect(Math.abs(mean)).toBeLessThan(0.03);
	expect(Math.abs(variance - 1)).toBeLessThan(0.05);
});

test('the picture map is the cell average of the picture, zero-padded beyond the image', () => {
	const m = featureMap({ map: 'image', seed: 1, stride: 100, img: [250, 250] }).tensor;
	expect(m.shape).toEqual([1, 1, 3, 3]);
	expect(Array.from(m.data).every((v) => v >= 0 && v <= 1)).toBe(true);
	// the last row/column is half outside the image: at most half its samples count
	const edge = m.data[2 * 3 + 2];
	let inside = 0;
	for (let a = 0; a < 4; a++)
		for (let b = 0; b < 4; b++) {
			const y = 200 + (a + 0.5) * 25;
			const x = 200 + (b + 0.5) * 25;
			if (x < 250 && y < 250) inside += picture(x, y, 250, 250);
		}
	expect(edge).toBeCloseTo(inside / 16, 6);
});
