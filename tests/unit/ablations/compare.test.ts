import { describe, expect, it } from 'vitest';
import { disagreementMap, judgeOnScene } from '../../../src/lib/ablations/compare';
import type { ModelTrace } from '../../../src/lib/model/lite';
import type { Scene } from '../../../src/lib/scenes';

// A 4×4 scene by hand: a 2×2 square (label 2) top-left and a 1×2 bar (label 1) bottom-right.
const W = 4;
const H = 4;
const mask = (cells: number[]) => Uint8Array.from({ length: W * H }, (_, i) => (cells.includes(i) ? 1 : 0));
const square = mask([0, 1, 4, 5]);
const bar = mask([14, 15]);
const scene = {
	width: W,
	height: H,
	instances: [
		{ label: 2, className: 'square', area: 4, mask: square, box: [0, 0, 2, 2] },
		{ label: 1, className: 'circle', area: 2, mask: bar, box: [2, 3, 4, 4] }
	],
	instanceMap: Uint16Array.from({ length: W * H }, (_, i) => (square[i] ? 1 : bar[i] ? 2 : 0))
} as unknown as Scene;

/** A trace holding only what the comparison reads: detections and their pasted probabilities. */
function trace(dets: { label: number; score: number; cells: number[]; p?: number }[]): ModelTrace {
	const pasted = new Float32Array(dets.length * W * H);
	dets.forEach((d, k) => d.cells.forEach((c) => (pasted[k * W * H + c] = d.p ?? 0.9)));
	return {
		detections: {
			scores: Float32Array.from(dets.map((d) => d.score)),
			labels: Int32Array.from(dets.map((d) => d.label))
		},
		masks: { pasted: { shape: [dets.length, 1, H, W], data: pasted } }
	} as unknown as ModelTrace;
}

describe('judgeOnScene', () => {
	it('matches each object to its best same-class detection and counts the rest as extra', () => {
		const t = trace([
			{ label: 2, score: 0.95, cells: [0, 1, 4] }, // the square, one cell short: IoU 3/4
			{ label: 1, score: 0.9, cells: [13, 14, 15] }, // the bar, one cell too many: IoU 2/3
			{ label: 3, score: 0.8, cells: [10] }, // a triangle where there is none: extra
			{ label: 2, score: 0.3, cells: [0, 1, 4, 5] } // a perfect square below the shown score: ignored
		]);
		const j = judgeOnScene(scene, t);
		expect(j.shown).toEqual([0, 1, 2]);
		expect(j.objects).toEqual([
			{ detection: 0, iou: 0.75 },
			{ detection: 1, iou: 2 / 3 }
		]);
		expect(j.extra).toBe(1);
		expect(j.meanIou).toBeCloseTo((0.75 + 2 / 3) / 2, 12);
		expect(Array.from(j.foreground)).toEqual(Array.from(mask([0, 1, 4, 13, 14, 15, 10])));
	});

	it('a missed object scores 0, and a mask below 0.5 is no mask (its detection finds nothing)', () => {
		const j = judgeOnScene(scene, trace([{ label: 2, score: 0.9, cells: [0, 1, 4, 5], p: 0.49 }]));
		expect(j.objects).toEqual([
			{ detection: -1, iou: 0 },
			{ detection: -1, iou: 0 }
		]);
		expect(j.meanIou).toBe(0);
		expect(j.extra).toBe(1);
	});

	it('refuses a trace whose masks are not the size of the scene', () => {
		const t = trace([]);
		t.masks.pasted.shape = [0, 1, 8, 8];
		expect(() => judgeOnScene(scene, t)).toThrow("judgeOnScene: the trace's masks are 8×8, the scene is 4×4");
	});
});

describe('disagreementMap', () => {
	it('splits the differing pixels by which model the ground truth backs', () => {
		const a = judgeOnScene(scene, trace([{ label: 2, score: 0.9, cells: [0, 1, 4, 5] }])); // the square exactly
		const b = judgeOnScene(scene, trace([{ label: 2, score: 0.9, cells: [1, 2, 5, 6, 14] }])); // shifted right
		const d = disagreementMap(scene, a, b);
		// cells 0, 4: only a covers them and they are the square (a right); 2, 6: only b, not an object (a right);
		// 14: only b, and it is the bar (b right)
		expect(d.aRight).toBe(4);
		expect(d.bRight).toBe(1);
		expect(Array.from(d.map)).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0]);
	});
});
