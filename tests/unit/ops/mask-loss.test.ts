// Reference values from torch 1.13 (float64), made with:
//   F.binary_cross_entropy_with_logits(z, t, reduction='none'); F.cross_entropy(L.T, T.T, reduction='none')
// (probability targets), F.cross_entropy(row, label), F.smooth_l1_loss(p, 0, beta=1/9), torch.softmax(x, dim=0).
import { describe, expect, test } from 'vitest';
import { softmaxPlanes } from '../../../src/lib/ops/activations';
import { crossEntropy, smoothL1, smoothL1Sum } from '../../../src/lib/ops/head-loss';
import { bceWithLogits, bceWithLogitsPlane, softmaxCrossEntropyPlanes } from '../../../src/lib/ops/mask-loss';

const close = (a: ArrayLike<number>, b: number[], tol = 1e-12) =>
	b.forEach((v, i) => expect(Math.abs(a[i] - v)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(v))));

describe('bceWithLogits = torch binary_cross_entropy_with_logits', () => {
	const z = [-30, -2.5, -0.3, 0, 0.7, 4, 25];
	const t = [0, 1, 0.25, 0.5, 1, 0, 1];
	const torch = [
		9.348077867343381e-14, 2.5788897342925496, 0.6293552444685271, 0.6931471805599453, 0.40318604888545784,
		4.0181499279178094, 1.388800185954457e-11
	];
	test('per pixel, including saturated logits (no overflow, no log(0))', () => {
		close(
			z.map((v, i) => bceWithLogits(v, t[i])),
			torch
		);
		expect(Number.isFinite(bceWithLogits(-1000, 1))).toBe(true);
		expect(bceWithLogits(-1000, 1)).toBeCloseTo(1000, 9);
	});
	test('plane mean = reduction mean', () => {
		const r = bceWithLogitsPlane(z, t);
		expect(r.mean).toBeCloseTo(1.1889611623054672, 6);
		close(r.perPixel, torch, 1e-6); // stored as float32
	});
	test('refuses mismatched lengths', () => {
		expect(() => bceWithLogitsPlane([1, 2], [1])).toThrow(/same nonzero length/);
	});
});

describe('softmaxCrossEntropyPlanes = torch cross_entropy with probability targets', () => {
	// channel-major [C=3, P=4]
	const L = [1.0, -2.0, 0.5, 3.0, 0.2, 0.1, -1.0, 3.0, -0.5, 2.0, 0.0, -40.0];
	const T = [1.0, 0.0, 0.3, 0.0, 0.0, 0.0, 0.7, 1.0, 0.0, 1.0, 0.0, 0.0];
	test('per pixel and mean', () => {
		const r = softmaxCrossEntropyPlanes(L, T, 3);
		close(
			r.perPixel,
			[0.5142950728206315, 0.15519378541316056, 1.6541306053367284, 0.6931471805599453],
			1e-6
		);
		expect(r.mean).toBeCloseTo(0.7541916610326164, 6);
	});
	test('refuses a channel count that does not divide the data', () => {
		expect(() => softmaxCrossEntropyPlanes(L, T, 5)).toThrow(/channels must divide/);
	});
	test('with two planes and a 0/1 target it equals BCE on the logit difference', () => {
		// softmax([a, b])_1 = sigmoid(b − a): the two losses coincide when only two classes compete
		const a = [0.3, -1.2, 2.0];
		const b = [1.1, 0.4, -3.0];
		const t = [1, 0, 0.4];
		const r = softmaxCrossEntropyPlanes([...a, ...b], [...t.map((v) => 1 - v), ...t], 2);
		close(
			r.perPixel,
			t.map((v, i) => bceWithLogits(b[i] - a[i], v)),
			1e-6
		);
	});
});

describe('softmaxPlanes', () => {
	test('= torch.softmax(x, dim=0) on a [C, P] array, float32', () => {
		const x = Float32Array.from([1, 2, -1, 0.5, 0.5, 0.5, 3, -2, 0]);
		const torch = [
			0.1111656129360199, 0.8055123686790466, 0.12195165455341339, 0.06742535531520844, 0.17973411083221436,
			0.546549379825592, 0.8214089870452881, 0.014753473922610283, 0.3314989507198334
		];
		close(softmaxPlanes(x, 3), torch, 3e-7);
	});
	test('refuses a channel count that does not divide the data', () => {
		expect(() => softmaxPlanes(new Float32Array(4), 3)).toThrow(/channels must divide/);
	});
});

describe('box-head losses', () => {
	const row = [2.0, -1.0, 0.5, 3.5, -0.2, 0.0];
	test('crossEntropy = F.cross_entropy', () => {
		expect(crossEntropy(row, 3)).toBeCloseTo(0.29188358493426625, 12);
		expect(crossEntropy(row, 0)).toBeCloseTo(1.7918835849342662, 12);
		expect(() => crossEntropy(row, 6)).toThrow(/label/);
	});
	test('smoothL1 (beta 1/9) = F.smooth_l1_loss, both branches', () => {
		const p = [0.05, -0.2, 0.01, 1.3];
		close(
			p.map((v) => smoothL1(v, 1 / 9)),
			[0.011250000000000003, 0.14444444444444446, 0.00045000000000000004, 1.2444444444444445]
		);
		expect(smoothL1Sum(p, [0, 0, 0, 0], 1 / 9)).toBeCloseTo(1.4005888888888889, 12);
		expect(smoothL1(-0.7, 0)).toBe(0.7); // beta 0: plain L1
	});
});
