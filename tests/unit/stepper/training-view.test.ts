// The training view's numbers against torch/torchvision 0.14 on a small hand-made case. Reference (tools: torch 1.13,
// torchvision 0.14.1, float32): target = roi_align(mask[None,None], [[0, *box]], (28,28), 1.0); losses with
// F.cross_entropy, BoxCoder((10,10,5,5)).encode_single, F.smooth_l1_loss(beta=1/9, reduction='sum'),
// F.binary_cross_entropy_with_logits on the label's plane, F.cross_entropy with probability targets (softmax).
import { describe, expect, test } from 'vitest';
import type { Instance } from '../../../src/lib/scenes';
import {
	gtBoxesResized,
	gtMaskResized,
	lossMaps,
	maskTarget,
	matchProposals,
	pictureCrop,
	positivesFor,
	roiLosses,
	tintedCrop,
	trainingChoice
} from '../../../src/lib/stepper/stages/training/training-view';

const H = 40;
const W = 50;
function testMask(): Uint8Array {
	const m = new Uint8Array(H * W);
	for (let y = 0; y < H; y++)
		for (let x = 0; x < W; x++)
			if ((x - 20) ** 2 + (y - 18) ** 2 < 144 || (x >= 5 && x < 15 && y >= 25 && y < 35)) m[y * W + x] = 1;
	return m;
}
const BOX = [6.3, 4.7, 33.9, 36.2];

describe('maskTarget = project_masks_on_boxes (roi_align, scale 1, sampling −1, aligned False)', () => {
	const t = maskTarget(gtMaskResized(testMask(), [H, W], [H, W]), BOX);
	test('28×28, soft at the edges, same sum as torchvision', () => {
		expect(t.length).toBe(784);
		let s = 0;
		let frac = 0;
		for (const v of t) {
			s += v;
			if (v > 0 && v < 1) frac++;
		}
		expect(s).toBeCloseTo(458.87864087941125, 3);
		expect(frac).toBe(116);
		expect([t[0], t[100], t[205], t[406], t[783]]).toEqual([0, 1, 1, 1, 0]);
	});
});

describe('roiLosses = fastrcnn_loss + maskrcnn_loss for one positive RoI', () => {
	const target = maskTarget(gtMaskResized(testMask(), [H, W], [H, W]), BOX);
	const maskLogits = new Float32Array(6 * 784);
	for (let c = 0; c < 6; c++)
		for (let i = 0; i < 784; i++) maskLogits[c * 784 + i] = 3 * Math.sin(0.37 * i + c) - 0.5;
	const r = roiLosses({
		classLogits: Float32Array.from([0.3, -1.1, 2.2, 0.4, -0.5, 0.1]),
		boxDeltas: Float32Array.from({ length: 24 }, (_, i) => Math.sin(i * 0.7) * 0.5),
		maskLogits,
		label: 2,
		proposal: BOX,
		gtBox: [8, 6, 33, 31],
		target
	});
	test('L_cls, box targets, L_box', () => {
		expect(r.lCls).toBeCloseTo(0.4326992630958557, 6);
		Array.from(r.regTargets).forEach((v, j) =>
			expect(v).toBeCloseTo(
				[0.14492669701576233, -0.6190478801727295, -0.49470025300979614, -1.1555585861206055][j],
				6
			)
		);
		expect(r.lBox).toBeCloseTo(3.3386287689208984, 5);
	});
	test('L_mask (sigmoid BCE, GT class plane only) and the softmax alternative', () => {
		expect(r.lMask).toBeCloseTo(1.2192306518554688, 5);
		expect(r.lMaskSoftmax).toBeCloseTo(3.393066167831421, 5);
		expect(r.total).toBeCloseTo(r.lCls + r.lBox + r.lMask, 12);
	});
	test('only the GT class plane matters for L_mask', () => {
		const other = maskLogits.slice();
		for (let i = 0; i < 784; i++) other[4 * 784 + i] = 50; // another class's plane: no effect
		const r2 = roiLosses({
			classLogits: [0.3, -1.1, 2.2, 0.4, -0.5, 0.1],
			boxDeltas: Array.from({ length: 24 }, (_, i) => Math.sin(i * 0.7) * 0.5),
			maskLogits: other,
			label: 2,
			proposal: BOX,
			gtBox: [8, 6, 33, 31],
			target
		});
		expect(r2.lMask).toBe(r.lMask);
		expect(r2.lMaskSoftmax).toBeGreaterThan(r.lMaskSoftmax); // the softmax one is hurt by the competitor
	});
	test('refuses background as the label', () => {
		expect(() =>
			roiLosses({
				classLogits: [0, 0],
				boxDeltas: new Array(8).fill(0),
				maskLogits: new Float32Array(2 * 784),
				label: 0,
				proposal: BOX,
				gtBox: BOX,
				target
			})
		).toThrow(/foreground/);
	});
});

describe('matching proposals to ground truth (Matcher 0.5/0.5)', () => {
	const gt = Float32Array.from([0, 0, 10, 10, 20, 20, 40, 40]);
	const props = Float32Array.from([0, 0, 10, 10, 1, 1, 11, 11, 0, 0, 30, 30, 20, 20, 38, 40, 2, 2, 10, 10]);
	const m = matchProposals(props, gt);
	test('argmax GT, below 0.5 = background (−1)', () => {
		expect(Array.from(m.matched)).toEqual([0, 0, -1, 1, 0]);
		expect(m.iou[0]).toBe(1);
	});
	test('positives of one GT, best IoU first', () => {
		expect(Array.from(positivesFor(m, 0))).toEqual([0, 1, 4]);
		expect(Array.from(positivesFor(m, 1))).toEqual([3]);
	});
	test('no ground truth: every proposal is background', () => {
		expect(Array.from(matchProposals(props, new Float32Array(0)).matched)).toEqual([-1, -1, -1, -1, -1]);
	});
});

describe('ground truth in the resized frame', () => {
	const inst = { box: [10, 20, 30, 40], mask: testMask() } as unknown as Instance;
	test('boxes scale with the image', () => {
		expect(Array.from(gtBoxesResized([inst], [H, W], [80, 100]))).toEqual([20, 40, 60, 80]);
	});
	test('masks: same size is a copy; double size repeats each pixel (nearest)', () => {
		const m = testMask();
		expect(Array.from(gtMaskResized(m, [H, W], [H, W]).data)).toEqual(Array.from(m));
		const big = gtMaskResized(m, [H, W], [2 * H, 2 * W]);
		expect(big.shape).toEqual([1, 1, 2 * H, 2 * W]);
		for (const [y, x] of [
			[0, 0],
			[18, 20],
			[30, 7],
			[39, 49]
		])
			expect(big.data[2 * y * 2 * W + 2 * x + 1]).toBe(m[y * W + x]);
	});
});

describe('trainingChoice: which object and RoI are shown', () => {
	// GT 0 at the top left, GT 1 lower right; proposals 0, 1, 4 are GT 0's positives, 3 is GT 1's, 2 is background
	const gt = Float32Array.from([0, 0, 10, 10, 20, 20, 40, 40]);
	const props = Float32Array.from([0, 0, 10, 10, 1, 1, 11, 11, 0, 0, 30, 30, 20, 20, 38, 40, 2, 2, 10, 10]);
	const m = matchProposals(props, gt);
	test('no selection: the local pick and its best positive', () => {
		expect(trainingChoice(m, undefined, 0, 2, false)).toEqual({
			gt: 0,
			positives: Int32Array.from([0, 1, 4]),
			roi: 0,
			gtBoxMode: false
		});
		const c = trainingChoice(m, undefined, 1, 2, false);
		expect([c.gt, c.roi, c.gtBoxMode]).toEqual([1, 3, false]);
	});
	test('a selected positive decides the object and is the RoI, whatever the local pick', () => {
		const c = trainingChoice(m, 4, 1, 2, false);
		expect([c.gt, c.roi]).toEqual([0, 4]);
		expect([trainingChoice(m, 3, 0, 2, false).gt, trainingChoice(m, 3, 0, 2, false).roi]).toEqual([1, 3]);
	});
	test('a background or invalid selection falls back to the local pick', () => {
		for (const sel of [2, -1, 5, 1.5]) {
			const c = trainingChoice(m, sel, 1, 2, false);
			expect([c.gt, c.roi]).toEqual([1, 3]);
		}
	});
	test('the local pick is clamped to the objects there are', () => {
		expect(trainingChoice(m, undefined, 7, 2, false).gt).toBe(1);
		expect(trainingChoice(matchProposals(props, new Float32Array(0)), undefined, 0, 0, false)).toEqual({
			gt: -1,
			positives: new Int32Array(0),
			roi: -1,
			gtBoxMode: true
		});
	});
	test('the true box: when asked, or when the object has no positive proposal', () => {
		expect(trainingChoice(m, 0, 0, 2, true).gtBoxMode).toBe(true);
		const far = Float32Array.from([0, 0, 10, 10, 100, 100, 120, 120]);
		const c = trainingChoice(matchProposals(props, far), undefined, 1, 2, false);
		expect([c.gt, c.roi, c.gtBoxMode, c.positives.length]).toEqual([1, -1, true, 0]);
	});
});

describe('the training picture', () => {
	test('crop: both boxes plus a fifth of their larger side, in whole pixels, inside the image', () => {
		// boxes span x 10..30, y 12..20: larger side 20 → pad 4
		expect(pictureCrop([10, 12, 30, 20], [12, 14, 28.5, 19], 100, 50)).toEqual({ x: 6, y: 8, w: 28, h: 16 });
		// at least 4 px of margin; clipped by the image on every side
		expect(pictureCrop([1, 1, 6, 6], [2, 2, 5, 5], 8, 8)).toEqual({ x: 0, y: 0, w: 8, h: 8 });
		expect(pictureCrop([40, 10, 90, 45], [50, 20, 95, 49], 100, 50)).toEqual({ x: 29, y: 0, w: 71, h: 50 });
	});
	test('tinted crop: RGBA of the window, mask pixels halfway to red', () => {
		// 3×2 RGB picture, mask on pixel (1, 1)
		const data = Uint8Array.from([
			10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 200, 100, 50
		]);
		const mask = Uint8Array.from([0, 0, 0, 0, 1, 0]);
		const out = tintedCrop({ data, width: 3 }, mask, { x: 1, y: 0, w: 2, h: 2 });
		expect(Array.from(out)).toEqual([
			40,
			50,
			60,
			255,
			70,
			80,
			90,
			255,
			(130 + 255) >> 1,
			140 >> 1,
			150 >> 1,
			255,
			200,
			100,
			50,
			255
		]);
	});
});

describe('lossMaps', () => {
	test('both per-cell losses over their common largest value', () => {
		const maps = lossMaps({
			bce: { perPixel: Float32Array.from([0.5, 2, 0]), mean: 0 },
			softmaxCe: { perPixel: Float32Array.from([4, 1, 3]), mean: 0 }
		});
		expect(Array.from(maps.bce)).toEqual([0.125, 0.5, 0]);
		expect(Array.from(maps.softmaxCe)).toEqual([1, 0.25, 0.75]);
	});
	test('all-zero losses stay zero (no division by 0)', () => {
		const z = { perPixel: new Float32Array(2), mean: 0 };
		expect(Array.from(lossMaps({ bce: z, softmaxCe: z }).bce)).toEqual([0, 0]);
	});
});
