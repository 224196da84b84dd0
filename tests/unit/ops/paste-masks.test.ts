import { describe, expect, test } from 'vitest';
import { pasteMasks, pasteMaskTrace } from '../../../src/lib/ops/paste-masks';
import { hexF32, loadFixture, mismatches } from '../../helpers/pipeline-golden';

interface PasteCase {
	imageSize: [number, number];
	n: number;
	masks: string;
	boxes: string;
	expanded: number[];
	pasted: string;
}

const fx = loadFixture<{ cases: PasteCase[] }>('paste-masks.json');

describe('pasteMasks = torchvision paste_masks_in_image (probabilities, no threshold)', () => {
	for (const c of fx.cases) {
		test(`${c.n} masks into ${c.imageSize.join('×')}, boxes partly outside: bit-exact`, () => {
			const masks = { shape: [c.n, 1, 28, 28], data: hexF32(c.masks) };
			const out = pasteMasks(masks, hexF32(c.boxes), c.imageSize);
			expect(out.shape).toEqual([c.n, 1, ...c.imageSize]);
			expect(mismatches(out.data, hexF32(c.pasted))).toEqual([]);
		});
	}
});

describe('pasteMaskTrace', () => {
	for (const c of fx.cases) {
		test(`${c.imageSize.join('×')}: expanded integer boxes = expand_boxes(...).to(int64); region = pasted pixels`, () => {
			const masks = hexF32(c.masks);
			const boxes = hexF32(c.boxes);
			const pasted = hexF32(c.pasted);
			const [h, w] = c.imageSize;
			for (let i = 0; i < c.n; i++) {
				const mask = { shape: [1, 1, 28, 28], data: masks.subarray(i * 784, (i + 1) * 784) };
				const t = pasteMaskTrace(mask, boxes.subarray(i * 4, i * 4 + 4), c.imageSize);
				expect(t.expanded).toEqual(c.expanded.slice(i * 4, i * 4 + 4));
				expect(t.resized.shape).toEqual([1, 1, t.height, t.width]);
				expect(t.scale).toBe(Math.fround(30 / 28));
				// every image pixel equals the placed resized-mask pixel inside the region, 0 outside
				const plane = pasted.subarray(i * h * w, (i + 1) * h * w);
				const rebuilt = new Float32Array(h * w);
				if (t.imageRegion && t.maskRegion) {
					const [ya, yb, xa, xb] = t.imageRegion;
					for (let y = ya; y < yb; y++)
						for (let x = xa; x < xb; x++)
							rebuilt[y * w + x] =
								t.resized.data[(y - ya + t.maskRegion[0]) * t.width + (x - xa + t.maskRegion[2])];
				}
				expect(mismatches(rebuilt, plane)).toEqual([]);
			}
		});
	}

	test('expansion truncates toward zero: a box at (−0.7, −0.4) expands to integer 0, not −1', () => {
		const t = pasteMaskTrace(
			{ shape: [28, 28], data: new Float32Array(784) },
			[-0.7, -0.4, 0.3, 0.6],
			[10, 10]
		);
		expect(t.expandedFloat[0]).toBeLessThan(0);
		expect(t.expanded.slice(0, 2)).toEqual([0, 0]);
	});

	test('a box wholly outside the image pastes nothing (torchvision raises a shape error instead)', () => {
		const mask = { shape: [1, 1, 28, 28], data: new Float32Array(784).fill(1) };
		const out = pasteMasks(mask, Float32Array.from([50, 1, 60, 8]), [20, 30]);
		expect(out.data.every((v) => v === 0)).toBe(true);
		expect(pasteMaskTrace(mask, [50, 1, 60, 8], [20, 30]).imageRegion).toBeNull();
		expect(
			pasteMasks(mask, Float32Array.from([-60, -50, -40, -30]), [20, 30]).data.every((v) => v === 0)
		).toBe(true);
	});

	test('errors name the argument', () => {
		const m = { shape: [2, 1, 28, 28], data: new Float32Array(2 * 784) };
		expect(() => pasteMasks(m, new Float32Array(4), [10, 10])).toThrow(
			/boxes must have one box per mask \(2\), got 1/
		);
		expect(() => pasteMasks(m, new Float32Array(8), [10, -1])).toThrow(/imageSize.*\[10, -1\]/);
		expect(() =>
			pasteMasks({ shape: [2, 28, 28], data: new Float32Array(2 * 784) }, new Float32Array(8), [9, 9])
		).toThrow(/masks.shape must be \[N, 1, M, M\]/);
		expect(() => pasteMasks(m, Float32Array.from([0, 0, NaN, 1, 0, 0, 1, 1]), [9, 9])).toThrow(/boxes\[2\]/);
		expect(() => pasteMaskTrace(m, [0, 0, 1, 1], [9, 9])).toThrow(/mask.shape/);
	});
});
