import { describe, expect, test } from 'vitest';
import { pasteMasks } from '../../../src/lib/ops';
import type { Instance } from '../../../src/lib/scenes';
import {
	cutOff,
	detectionsAbove,
	pasteOf,
	sweepChart,
	thresholdSummary,
	thresholdSweep
} from '../../../src/lib/stepper/stages/paste/paste-view';

// Two 4×4 masks: a ramp and a constant, pasted into a 20×24 image.
const probs = {
	shape: [2, 1, 4, 4],
	data: Float32Array.from([...Array.from({ length: 16 }, (_, i) => i / 15), ...new Array(16).fill(0.7)])
};
const boxes = Float32Array.from([2, 3, 10, 11, 12, 4, 20, 16]);
const size: [number, number] = [20, 24];
const pasted = pasteMasks(probs, boxes, size);

describe('pasteOf', () => {
	test('is the paste of that detection alone, placed where pasteMasks puts it', () => {
		const t = pasteOf(probs, boxes, 1, size);
		expect(t.box).toEqual([12, 4, 20, 16]);
		const [ya, yb, xa, xb] = t.imageRegion!;
		const [ry, , rx] = t.maskRegion!;
		for (let y = ya; y < yb; y++)
			for (let x = xa; x < xb; x++)
				expect(pasted.data[size[0] * size[1] + y * size[1] + x]).toBe(
					t.resized.data[(y - ya + ry) * t.width + (x - xa + rx)]
				);
	});
	test('refuses a detection out of range', () => {
		expect(() => pasteOf(probs, boxes, 2, size)).toThrow(/detection 2/);
	});
});

describe('threshold', () => {
	const gt = new Uint8Array(20 * 24);
	for (let y = 4; y < 16; y++) for (let x = 12; x < 20; x++) gt[y * 24 + x] = 1;
	const inst = [{ mask: new Uint8Array(20 * 24) }, { mask: gt }] as unknown as Instance[];
	test('summary: area above t and the best-overlapping GT object', () => {
		const s = thresholdSummary(pasted, 1, 0.5, inst);
		let n = 0;
		for (let i = 0; i < 480; i++) if (pasted.data[480 + i] >= 0.5) n++;
		expect(s.area).toBe(n);
		expect(s.gtIndex).toBe(1);
		expect(s.iou!).toBeGreaterThan(0.5);
		expect(thresholdSummary(pasted, 1, 0.5, null)).toEqual({
			threshold: 0.5,
			area: n,
			gtIndex: null,
			iou: null
		});
	});
	test('sweep agrees with the summary at each threshold; area never grows with t', () => {
		const sw = thresholdSweep(pasted, 0, gt, 9);
		expect(sw).toHaveLength(9);
		for (let k = 0; k < 9; k++) {
			const s = thresholdSummary(pasted, 0, sw[k].threshold, [inst[1]]);
			expect(sw[k].area).toBe(s.area);
			expect(sw[k].iou).toBeCloseTo(s.iou!, 12);
			if (k > 0) expect(sw[k].area).toBeLessThanOrEqual(sw[k - 1].area);
		}
		expect(thresholdSweep(pasted, 0, null, 3).every((r) => r.iou === null)).toBe(true);
	});
});

describe('detectionsAbove', () => {
	test('keeps the rows with score ≥ minScore, masks included, in order', () => {
		const labels = Int32Array.from([3, 1]);
		const scores = Float32Array.from([0.3, 0.9]);
		const sub = detectionsAbove(boxes, labels, scores, pasted, 0.5);
		expect(sub.index).toEqual([1]);
		expect(Array.from(sub.boxes)).toEqual([12, 4, 20, 16]);
		expect(Array.from(sub.labels)).toEqual([1]);
		expect(sub.masks.shape).toEqual([1, 1, 20, 24]);
		expect(Array.from(sub.masks.data)).toEqual(Array.from(pasted.data.subarray(480, 960)));
		expect(detectionsAbove(boxes, labels, scores, pasted, 0).index).toEqual([0, 1]);
		expect(detectionsAbove(boxes, labels, scores, pasted, 0.95).masks.shape).toEqual([0, 1, 20, 24]);
	});
});

describe('cutOff', () => {
	test('a box inside the image keeps the whole resized mask; one over the edge does not', () => {
		expect(cutOff(pasteOf(probs, boxes, 0, size))).toBe(false);
		const edge = Float32Array.from([-2, 3, 6, 11, 18, 10, 26, 22]);
		expect(cutOff(pasteOf(probs, edge, 0, size))).toBe(true);
		expect(cutOff(pasteOf(probs, edge, 1, size))).toBe(true);
	});
	test('no region in the image (box entirely outside): nothing is cut, nothing is pasted', () => {
		expect(cutOff({ imageRegion: null, maskRegion: null, width: 5, height: 5 })).toBe(false);
	});
});

describe('sweepChart', () => {
	test('x = threshold · width; area relative to its largest; IoU points only where there is one', () => {
		const c = sweepChart(
			[
				{ threshold: 0.25, area: 40, iou: 0.5 },
				{ threshold: 0.5, area: 20, iou: 1 },
				{ threshold: 0.75, area: 0, iou: 0 }
			],
			200,
			80
		);
		expect(c.area).toBe('50,0 100,40 150,80');
		expect(c.iou).toBe('50,40 100,0 150,80');
		const noGt = sweepChart([
			{ threshold: 0.5, area: 0, iou: null },
			{ threshold: 0.75, area: 0, iou: null }
		]);
		expect(noGt.iou).toBe('');
		expect(noGt.area).toBe('100,80 150,80'); // all-empty masks: divided by 1, not 0
	});
});
