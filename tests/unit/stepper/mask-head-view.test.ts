import { describe, expect, test } from 'vitest';
import { sigmoid32 } from '../../../src/lib/ops';
import { areaAbove, binaryIou, disagreement } from '../../../src/lib/stepper/parts/mask-compare';
import { maskHeadView, TABLE_2B } from '../../../src/lib/stepper/stages/mask-head/mask-head-view';

// Two detections, 3 classes, 2×2 masks: det 1's logits make class 2 win under sigmoid at pixel 0 but lose under
// softmax because class 1 is even stronger there.
const logits = {
	shape: [2, 3, 2, 2],
	data: Float32Array.from([
		// det 0
		0, 0, 0, 0, 1, 1, 1, 1, -1, -1, -1, -1,
		// det 1: background, class 1, class 2
		-5, -5, 0, 0, 4, -3, 0, 0, 2, -2, 1, -1
	])
};

describe('maskHeadView', () => {
	test('the sigmoid view keeps the predicted class plane: σ of exactly those logits', () => {
		const v = maskHeadView(logits, 1, 2, true);
		expect(Array.from(v.chosenSigmoid)).toEqual([2, -2, 1, -1].map(sigmoid32));
		expect(v.sigmoid).toHaveLength(3);
		expect(v.size).toBe(2);
	});
	test('the softmax view competes across planes and sums to 1 at every pixel', () => {
		const v = maskHeadView(logits, 1, 2, true);
		for (let i = 0; i < 4; i++) expect(v.softmax.reduce((s, p) => s + p![i], 0)).toBeCloseTo(1, 6);
		// pixel 0: sigmoid(2) = 0.88 but class 1's logit 4 takes the softmax
		expect(v.chosenSigmoid[0]).toBeGreaterThan(0.5);
		expect(v.chosenSoftmax[0]).toBeLessThan(0.5);
		expect(v.disagreeing).toBeGreaterThan(0);
		expect(v.iou).toBeLessThan(1);
		expect(v.difference[0]).toBeCloseTo(v.chosenSoftmax[0] - v.chosenSigmoid[0], 7);
	});
	test('leaving out the background plane: it gets no softmax, the others renormalise', () => {
		const v = maskHeadView(logits, 1, 2, false);
		expect(v.softmax[0]).toBeNull();
		for (let i = 0; i < 4; i++) expect(v.softmax[1]![i] + v.softmax[2]![i]).toBeCloseTo(1, 6);
		// with two planes, softmax of plane 2 = σ(z2 − z1)
		expect(v.chosenSoftmax[2]).toBeCloseTo(sigmoid32(1 - 0), 6);
	});
	test('refuses a detection or label out of range', () => {
		expect(() => maskHeadView(logits, 2, 1, true)).toThrow(/detection 2/);
		expect(() => maskHeadView(logits, 0, 0, true)).toThrow(/foreground/);
	});
	test("the paper's Table 2b numbers", () => {
		expect(TABLE_2B.rows.map((r) => [r.name, r.ap])).toEqual([
			['softmax', 24.8],
			['sigmoid', 30.3]
		]);
	});
});

describe('mask-compare', () => {
	const a = [0.1, 0.5, 0.9, 0.4];
	const b = [0.6, 0.49, 0.9, 0.4];
	test('areaAbove counts ties as foreground', () => expect(areaAbove(a, 0.5)).toBe(2));
	test('binaryIou and disagreement', () => {
		expect(binaryIou(a, b)).toBeCloseTo(1 / 3, 12);
		expect(disagreement(a, b)).toBe(2);
		expect(binaryIou([0, 0], [0.2, 0.1])).toBe(1);
		expect(() => binaryIou([1], [1, 2])).toThrow(/differ/);
	});
});

describe('rivals', () => {
	test('every other foreground plane, with the IoU of its 0.5-mask against the kept one', () => {
		const v = maskHeadView(logits, 1, 2, true);
		expect(v.rivals.map((r) => r.channel)).toEqual([1]);
		expect(v.rivals[0].iou).toBeCloseTo(binaryIou(v.sigmoid[1], v.chosenSigmoid), 12);
	});
});
