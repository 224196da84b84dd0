import { describe, expect, test } from 'vitest';
import { batchedNms, batchedNmsStrategy, nms, nmsTrace } from '../../../src/lib/ops/nms';
import { hexF32, loadFixture } from '../../helpers/pipeline-golden';

interface NmsCase {
	n: number;
	boxes: string;
	scores: string;
	groups: number[];
	nms: Record<string, number[]>;
	batched: Record<string, number[]>;
}

const fx = loadFixture<{ thresholds: number[]; cases: NmsCase[] }>('nms.json');

describe('nms = torchvision.ops.nms (CPU)', () => {
	for (const c of fx.cases)
		for (const t of fx.thresholds) {
			test(`${c.n} boxes, IoU threshold ${t}`, () => {
				expect(Array.from(nms(hexF32(c.boxes), hexF32(c.scores), t))).toEqual(c.nms[String(t)]);
			});
		}

	test('IoU exactly 0.5 is NOT suppressed at threshold 0.5 (strict >)', () => {
		const boxes = Float32Array.from([0, 0, 10, 10, 0, 0, 10, 5]);
		expect(Array.from(nms(boxes, Float32Array.from([0.9, 0.8]), 0.5))).toEqual([0, 1]);
		expect(Array.from(nms(boxes, Float32Array.from([0.9, 0.8]), 0.49))).toEqual([0]);
	});

	test('IoU 30/100 is f(0.3) > 0.3 in float32, so threshold 0.3 suppresses it', () => {
		const boxes = Float32Array.from([0, 0, 10, 10, 0, 0, 10, 3]);
		expect(Array.from(nms(boxes, Float32Array.from([0.9, 0.8]), 0.3))).toEqual([0]);
	});
});

describe('batchedNms = torchvision.ops.batched_nms (CPU)', () => {
	test('strategy switches above 1000 boxes (4000 coordinates)', () => {
		expect(batchedNmsStrategy(1000)).toBe('coordinate-trick');
		expect(batchedNmsStrategy(1001)).toBe('per-group');
	});

	for (const c of fx.cases)
		for (const t of fx.thresholds) {
			test(`${c.n} boxes (${batchedNmsStrategy(c.n)}), ${new Set(c.groups).size} groups, threshold ${t}`, () => {
				const got = batchedNms(hexF32(c.boxes), hexF32(c.scores), Int32Array.from(c.groups), t);
				expect(Array.from(got)).toEqual(c.batched[String(t)]);
			});
		}

	test('boxes of different groups never suppress each other', () => {
		const boxes = Float32Array.from([0, 0, 10, 10, 0, 0, 10, 10, 0, 0, 10, 10]);
		const scores = Float32Array.from([0.9, 0.8, 0.7]);
		expect(Array.from(batchedNms(boxes, scores, Int32Array.from([0, 1, 0]), 0.5))).toEqual([0, 1]);
		expect(batchedNms(new Float32Array(0), new Float32Array(0), new Int32Array(0), 0.5).length).toBe(0);
	});
});

describe('nmsTrace', () => {
	const c = fx.cases.find((x) => x.n === 500)!;
	const boxes = hexF32(c.boxes);
	const scores = hexF32(c.scores);

	test('kept boxes = nms, each step lists suppressed boxes with IoU > threshold', () => {
		const t = nmsTrace(boxes, scores, 0.5);
		expect(Array.from(t.keep)).toEqual(c.nms['0.5']);
		expect(t.steps.map((s) => s.kept)).toEqual(c.nms['0.5']);
		const all = t.steps.flatMap((s) => s.suppressed);
		expect(all.length + t.keep.length).toBe(c.n); // every box is kept or suppressed exactly once
		expect(new Set([...all, ...t.keep]).size).toBe(c.n);
		for (const s of t.steps) {
			expect(s.ious.length).toBe(s.suppressed.length);
			for (const iou of s.ious) expect(iou).toBeGreaterThan(0.5);
		}
		expect(t.order.length).toBe(c.n);
	});
});

describe('nms errors', () => {
	const b = new Float32Array(8);
	const s = new Float32Array(2);
	test('bad arguments throw naming them', () => {
		expect(() => nms(b, s, 1.5)).toThrow(/iouThreshold must be a number in \[0, 1\], got 1.5/);
		expect(() => nms(b, s, NaN)).toThrow(/iouThreshold.*NaN/);
		expect(() => nms(b, new Float32Array(3), 0.5)).toThrow(/scores.length must be 2 \(one per box\), got 3/);
		expect(() => nms(new Float32Array(6), s, 0.5)).toThrow(/boxes.length must be a multiple of 4/);
		expect(() => nms(b, Float32Array.from([0, NaN]), 0.5)).toThrow(/scores\[1\]/);
		expect(() => nms(Float32Array.from([0, 0, Infinity, 1, 0, 0, 1, 1]), s, 0.5)).toThrow(/boxes\[2\]/);
		expect(() => batchedNms(b, s, new Int32Array(3), 0.5)).toThrow(
			/groups.length must be 2 \(one per box\), got 3/
		);
		expect(() => batchedNms(b, s, [0, 1] as unknown as Int32Array, 0.5)).toThrow(
			/groups must be an Int32Array/
		);
	});
});
