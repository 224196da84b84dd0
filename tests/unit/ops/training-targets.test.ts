// The RPN's anchor targets, the box head's proposal targets and the mask targets against torchvision 0.14
// (tests/helpers/targets-fixture.ts).
import { describe, expect, it } from 'vitest';
import {
	generateAnchors,
	gatherBoxes,
	projectMasksOnBoxes,
	roiTargets,
	rpnTargets
} from '../../../src/lib/ops';
import { encodeBoxesWith } from '../../../src/lib/ops/box-coder';
import { hexF32, mismatches } from '../../helpers/pipeline-golden';
import { fx, maxUlps, seeded, torchLog, type RoiCase } from '../../helpers/targets-fixture';

describe('rpnTargets = RegionProposalNetwork.assign_targets_to_anchors + box_coder.encode + fg_bg_sampler', () => {
	const anchors = hexF32(fx.rpn.anchors);
	let worstUlps = 0;

	it('the fixture anchors are the project anchor generator output (96×96, sizes 16…256, ratios 0.5/1/2)', () => {
		const ours = generateAnchors({
			imageSize: fx.rpn.imageSize,
			featureSizes: fx.rpn.featureSizes,
			sizes: fx.rpn.sizes,
			aspectRatios: fx.rpn.aspectRatios
		});
		expect(mismatches(ours, anchors)).toEqual([]);
	});

	for (const c of fx.rpn.cases) {
		it(`${c.name}: matches, labels, matched gt, regression targets, sample counts`, () => {
			const gt = hexF32(c.gt);
			const t = rpnTargets(anchors, gt, { random: seeded(11) });
			const n = anchors.length / 4;
			expect(Array.from(t.labels)).toEqual(c.labels);
			const matches = c.matches ?? new Array<number>(n).fill(-1);
			expect(Array.from(t.matches)).toEqual(matches);
			expect(Array.from(t.matchedGt)).toEqual(matches.map((v) => Math.max(v, 0)));
			expect(
				mismatches(t.matchedGtBoxes, gt.length ? gatherBoxes(gt, t.matchedGt) : new Float32Array(n * 4))
			).toEqual([]);
			const want = hexF32(c.regression);
			// bit-exact when torch's own log values are used; Math.log is correctly rounded, torch's is not always
			expect(mismatches(encodeBoxesWith(t.matchedGtBoxes, anchors, [1, 1, 1, 1], torchLog(c)), want)).toEqual(
				[]
			);
			const ulps = maxUlps(t.regressionTargets, want);
			worstUlps = Math.max(worstUlps, ulps);
			expect(ulps).toBeLessThanOrEqual(2);
			expect([t.positive.length, t.negative.length]).toEqual([c.numPos, c.numNeg]);
			expect(Array.from(t.sampled)).toEqual([...t.positive, ...t.negative]); // compute_loss' order
			for (const j of t.positive) expect(t.labels[j]).toBe(1);
			for (const j of t.negative) expect(t.labels[j]).toBe(0);
		});
	}

	it('worst regression-target error over every anchor of every layout is within 2 ulps', () => {
		expect(worstUlps).toBeLessThanOrEqual(2);
	});

	it('no gt: all background, matched gt 0, targets against a zero box (dw = dh = −Infinity, as torchvision)', () => {
		const t = rpnTargets(anchors.subarray(0, 8), new Float32Array(0), { random: seeded(1) });
		expect(Array.from(t.labels)).toEqual([0, 0]);
		expect(Array.from(t.matchedGt)).toEqual([0, 0]);
		expect(t.regressionTargets[2]).toBe(-Infinity);
		expect(t.negative.length).toBe(2);
	});

	it('no anchors: empty results instead of the matcher error', () => {
		for (const gt of [Float32Array.from([0, 0, 10, 10]), new Float32Array(0)]) {
			const t = rpnTargets(new Float32Array(0), gt, { random: seeded(1) });
			expect([t.matches.length, t.labels.length, t.regressionTargets.length, t.sampled.length]).toEqual([
				0, 0, 0, 0
			]);
		}
	});

	it('a hand-checkable case', () => {
		// anchors: a0 = the gt itself (IoU 1 → object), a1 = right half (IoU 0.5 → ignored), a2 far away (background)
		const anchorsS = Float32Array.from([0, 0, 16, 16, 8, 0, 16, 16, 40, 40, 56, 56]);
		const t = rpnTargets(anchorsS, Float32Array.from([0, 0, 16, 16]), { random: seeded(3) });
		expect(Array.from(t.matches)).toEqual([0, -2, -1]);
		expect(Array.from(t.labels)).toEqual([1, -1, 0]);
		// a1: gt centre 8 vs anchor centre 12, width 8: dx = (8 − 12)/8 = −0.5; dw = log(16/8) = log 2
		expect(Array.from(t.regressionTargets.subarray(4, 8))).toEqual([-0.5, 0, Math.fround(Math.LN2), 0]);
		expect(Array.from(t.sampled)).toEqual([0, 2]);
	});

	it('bad arguments name themselves', () => {
		const r = { random: seeded(1) };
		expect(() => rpnTargets([0, 0, 1, 1] as unknown as Float32Array, new Float32Array(0), r)).toThrow(
			/^anchors must be/
		);
		expect(() => rpnTargets(new Float32Array(3), new Float32Array(0), r)).toThrow(
			/anchors\.length must be a multiple of 4/
		);
		expect(() => rpnTargets(new Float32Array(4), Float32Array.from([0, 0, NaN, 1]), r)).toThrow(
			/gtBoxes\[2\]/
		);
		expect(() => rpnTargets(new Float32Array(4), new Float32Array(0), { ...r, lowThreshold: 0.9 })).toThrow(
			/opts\.lowThreshold must be <= opts\.highThreshold/
		);
		expect(() =>
			rpnTargets(new Float32Array(4), new Float32Array(0), { ...r, batchSizePerImage: 0 })
		).toThrow(/opts\.batchSizePerImage/);
		expect(() => rpnTargets(new Float32Array(4), new Float32Array(0), {} as typeof r)).toThrow(
			/opts\.random/
		);
	});
});

describe("roiTargets = RoIHeads.select_training_samples (+ the mask head's positive RoIs)", () => {
	function groundTruth(c: RoiCase) {
		const [h, w] = c.maskSize;
		const masks = new Float32Array(c.masks.length * h * w);
		c.masks.forEach((s, i) => {
			for (let p = 0; p < h * w; p++) masks[i * h * w + p] = s.charCodeAt(p) - 48;
		});
		return {
			boxes: hexF32(c.gt),
			labels: Int32Array.from(c.gtLabels),
			masks: { shape: [c.masks.length, h, w], data: masks }
		};
	}
	let worstUlps = 0;

	for (const c of fx.roi.cases) {
		it(`${c.name}: rows (gt appended), matches, labels, regression targets, sample counts, mask targets`, () => {
			const gt = groundTruth(c);
			const t = roiTargets(hexF32(c.proposals), gt, { random: seeded(5) }); // torchvision's 512 / 0.25
			expect(mismatches(t.proposals, hexF32(c.rows))).toEqual([]);
			expect(t.numProposals).toBe(hexF32(c.proposals).length / 4);
			const total = t.proposals.length / 4;
			expect(Array.from(t.matches)).toEqual(c.matches ?? new Array<number>(total).fill(-1));
			expect(Array.from(t.matchedGt)).toEqual(c.matchedIdxs);
			expect(Array.from(t.labels)).toEqual(c.labels);
			const want = hexF32(c.regression);
			const matchedBoxes = gt.boxes.length ? gatherBoxes(gt.boxes, t.matchedGt) : new Float32Array(total * 4);
			expect(
				mismatches(encodeBoxesWith(matchedBoxes, t.proposals, fx.roi.weights, torchLog(c)), want)
			).toEqual([]);
			const ulps = maxUlps(t.regressionTargets, want);
			worstUlps = Math.max(worstUlps, ulps);
			expect(ulps).toBeLessThanOrEqual(4);

			for (const [key, [numPos, numNeg]] of Object.entries(c.sampleCounts)) {
				const [batch, fraction] = key.split('/').map(Number);
				const s = roiTargets(hexF32(c.proposals), gt, {
					random: seeded(9),
					batchSizePerImage: batch,
					positiveFraction: fraction
				});
				expect([s.positive.length, s.negative.length], key).toEqual([numPos, numNeg]);
				expect(Array.from(s.sampled)).toEqual([...s.positive, ...s.negative].sort((a, b) => a - b));
				expect(mismatches(s.sampledRegressionTargets, gatherBoxes(s.regressionTargets, s.sampled))).toEqual(
					[]
				);
				expect(Array.from(s.maskRois)).toEqual(Array.from(s.sampled).filter((j) => s.labels[j] > 0));
			}

			// mask targets: the fixture's positive rows, directly and through roiTargets (at 512 / 0.25 every positive
			// is sampled, so its maskRois contain them all)
			if (c.maskTargets) {
				const rowsIdx = Int32Array.from(c.maskRows);
				const direct = projectMasksOnBoxes(
					gt.masks,
					gatherBoxes(t.proposals, rowsIdx),
					Int32Array.from(rowsIdx, (j) => t.matchedGt[j])
				);
				expect(direct.shape).toEqual([rowsIdx.length, 28, 28]);
				const wantMasks = hexF32(c.maskTargets);
				expect(mismatches(direct.data, wantMasks)).toEqual([]);
				expect(Array.from(t.maskRois)).toEqual(c.labels.flatMap((l, j) => (l > 0 ? [j] : [])));
				c.maskRows.forEach((row, k) => {
					const r = Array.from(t.maskRois).indexOf(row);
					const got = t.maskTargets!.data.subarray(r * 784, (r + 1) * 784);
					expect(mismatches(got, wantMasks.subarray(k * 784, (k + 1) * 784))).toEqual([]);
				});
			} else {
				expect(t.maskRois.length).toBe(0);
				expect(t.maskTargets?.shape).toEqual([0, 28, 28]);
			}
		});
	}

	it('worst regression-target error over every row of every layout is within 4 ulps', () => {
		expect(worstUlps).toBeLessThanOrEqual(4);
	});

	it('a hand-checkable case', () => {
		// gt [0,0,20,20] class 3; proposals: the top half (IoU exactly 0.5 → positive at ≥ 0.5), a far box (background)
		const t = roiTargets(
			Float32Array.from([0, 0, 20, 10, 40, 40, 50, 50]),
			{ boxes: Float32Array.from([0, 0, 20, 20]), labels: Int32Array.from([3]) },
			{ random: seeded(2) }
		);
		expect(Array.from(t.proposals.subarray(8))).toEqual([0, 0, 20, 20]); // the gt appended as row 2
		expect(Array.from(t.matches)).toEqual([0, -1, 0]);
		expect(Array.from(t.labels)).toEqual([3, 0, 3]);
		// row 0: dy = 10·(10 − 5)/10 = 5, dh = 5·log(20/10)
		expect(Array.from(t.regressionTargets.subarray(0, 4))).toEqual([
			0,
			5,
			0,
			Math.fround(5 * Math.fround(Math.LN2))
		]);
		expect(Array.from(t.sampled)).toEqual([0, 1, 2]); // ascending, not positives-then-negatives
		expect(Array.from(t.maskRois)).toEqual([0, 2]);
		expect(t.maskTargets).toBeNull();
	});

	it('mask targets of a box covering a 4×4 binary square are soft at its edges', () => {
		const m = new Float32Array(8 * 8);
		for (let y = 2; y < 6; y++) for (let x = 2; x < 6; x++) m[y * 8 + x] = 1;
		const out = projectMasksOnBoxes(
			{ shape: [1, 8, 8], data: m },
			Float32Array.from([2, 2, 6, 6]),
			Int32Array.from([0]),
			4
		);
		// bins of 1 px sampled at their centres (2.5, 3.5, ...): interior exactly 1, the last column/row blends with 0
		expect(out.data[0]).toBe(1);
		expect(out.data[15]).toBeLessThan(1);
	});

	it('no gt, no proposals, neither: no crash', () => {
		const none = { boxes: new Float32Array(0), labels: new Int32Array(0) };
		const a = roiTargets(Float32Array.from([0, 0, 5, 5]), none, { random: seeded(1) });
		expect([Array.from(a.labels), Array.from(a.matchedGt), a.regressionTargets[2]]).toEqual([
			[0],
			[0],
			-Infinity
		]);
		const b = roiTargets(
			new Float32Array(0),
			{ boxes: Float32Array.from([1, 1, 4, 4]), labels: Int32Array.from([2]) },
			{
				random: seeded(1)
			}
		);
		expect(Array.from(b.labels)).toEqual([2]);
		const c = roiTargets(new Float32Array(0), none, { random: seeded(1) });
		expect([c.proposals.length, c.sampled.length]).toEqual([0, 0]);
	});

	it('bad arguments name themselves', () => {
		const r = { random: seeded(1) };
		const gt = { boxes: Float32Array.from([0, 0, 4, 4]), labels: Int32Array.from([1]) };
		const p = Float32Array.from([0, 0, 2, 2]);
		expect(() => roiTargets(p, null as unknown as typeof gt, r)).toThrow(/^gt must be/);
		expect(() => roiTargets(p, { ...gt, labels: [1] as unknown as Int32Array }, r)).toThrow(
			/gt\.labels must be an Int32Array/
		);
		expect(() => roiTargets(p, { ...gt, labels: Int32Array.from([1, 2]) }, r)).toThrow(
			/gt\.labels\.length must be 1/
		);
		expect(() => roiTargets(p, { ...gt, labels: Int32Array.from([-1]) }, r)).toThrow(/gt\.labels\[0\]/);
		const masks = { shape: [2, 4, 4], data: new Float32Array(32) };
		expect(() => roiTargets(p, { ...gt, masks }, r)).toThrow(/gt\.masks\.shape\[0\] must be 1/);
		expect(() => roiTargets(p, { ...gt, masks: { shape: [1, 16], data: new Float32Array(16) } }, r)).toThrow(
			/gt\.masks\.shape must be of the form \[M, H, W\]/
		);
		expect(() => roiTargets(new Float32Array(5), gt, r)).toThrow(/proposals\.length/);
		expect(() => roiTargets(p, gt, { ...r, maskSize: 0 })).toThrow(
			/opts\.maskSize must be a positive integer/
		);
		expect(() => roiTargets(p, gt, { ...r, positiveFraction: 2 })).toThrow(/opts\.positiveFraction/);
		expect(() => roiTargets(p, gt, { ...r, highThreshold: 0.4 })).toThrow(
			/opts\.lowThreshold must be <= opts\.highThreshold/
		);
		const m1 = { shape: [1, 4, 4], data: new Float32Array(16) };
		expect(() => projectMasksOnBoxes(m1, p, Int32Array.from([1]))).toThrow(
			/matchedGt\[0\] must be an integer in \[0, 1\)/
		);
		expect(() => projectMasksOnBoxes(m1, p, Int32Array.from([0, 0]))).toThrow(/matchedGt\.length must be 1/);
		expect(() => projectMasksOnBoxes(m1, p, Int32Array.from([0]), 1.5)).toThrow(
			/size must be a positive integer/
		);
		expect(() =>
			projectMasksOnBoxes({ shape: [1, 0, 4], data: new Float32Array(0) }, p, Int32Array.from([0]))
		).toThrow(/gtMasks\.shape\[1\] \(H\)/);
	});
});
