// Training targets against torchvision 0.14 (tests/fixtures/training-targets.json, written by
// tools/golden/make_targets_fixtures.py): the Matcher, the balanced sampler, the RPN's anchor targets, the box
// head's proposal targets and the mask targets.
import { describe, expect, it } from 'vitest';
import {
	BELOW_LOW_THRESHOLD,
	BETWEEN_THRESHOLDS,
	boxIou,
	generateAnchors,
	gatherBoxes,
	matcher,
	matcherTrace,
	projectMasksOnBoxes,
	roiTargets,
	rpnTargets,
	sampleBalanced,
	type BoxWeights,
	type MatcherOptions,
	type Tensor
} from '../../../src/lib/ops';
import { encodeBoxesWith } from '../../../src/lib/ops/box-coder';
import { hexF32, loadFixture, mismatches } from '../../helpers/pipeline-golden';

interface MatcherCase {
	kind: string;
	shape: [number, number];
	quality: string;
	matches: number[][]; // one per config
	gt?: string;
	pred?: string;
}
interface SamplerCase {
	name: string;
	batchSizePerImage: number;
	positiveFraction: number;
	labels: number[];
	numPos: number;
	numNeg: number;
}
interface LogTable {
	logIn: string;
	logOut: string;
}
interface RpnCase extends LogTable {
	name: string;
	gt: string;
	labels: number[];
	regression: string;
	matches?: number[];
	numPos: number;
	numNeg: number;
}
interface RoiCase extends LogTable {
	name: string;
	proposals: string;
	gt: string;
	gtLabels: number[];
	masks: string[];
	maskSize: [number, number];
	rows: string;
	matches?: number[];
	matchedIdxs: number[];
	labels: number[];
	regression: string;
	sampleCounts: Record<string, [number, number]>;
	maskRows: number[];
	maskTargets?: string;
}
interface Fixture {
	matcher: {
		configs: MatcherOptions[];
		cases: MatcherCase[];
		emptyErrors: { shape: [number, number]; error: string }[];
		reversedError: string;
	};
	sampler: SamplerCase[];
	rpn: {
		imageSize: [number, number];
		featureSizes: [number, number][];
		sizes: number[][];
		aspectRatios: number[][];
		anchors: string;
		cases: RpnCase[];
	};
	roi: { weights: BoxWeights; cases: RoiCase[] };
}

const fx = loadFixture<Fixture>('training-targets.json');

/** Small seeded PRNG (mulberry32): uniform in [0, 1), reproducible like a URL seed. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** torch's own float32 log values, looked up by input bits: isolates everything but the transcendental. */
function torchLog(c: LogTable): (x: number) => number {
	const ins = hexF32(c.logIn);
	const outs = hexF32(c.logOut);
	const m = new Map<number, number>();
	ins.forEach((v, i) => m.set(v, outs[i]));
	return (x) => {
		const y = m.get(x);
		if (y === undefined) throw new Error(`no torch log for ${x}`);
		return y;
	};
}

const bits = new Float32Array(1);
const bitsI = new Int32Array(bits.buffer);
/** float32 as a monotone integer (so the difference of two is their distance in ulps). */
function ordered(x: number): number {
	bits[0] = x;
	return bitsI[0] < 0 ? -2147483648 - bitsI[0] : bitsI[0];
}
/** Largest distance in ulps between two float32 arrays (equal infinities count 0; NaN vs number is Infinity). */
function maxUlps(a: Float32Array, b: Float32Array): number {
	let worst = 0;
	for (let i = 0; i < a.length; i++) {
		if (a[i] === b[i] || (a[i] !== a[i] && b[i] !== b[i])) continue;
		if (!Number.isFinite(a[i]) || !Number.isFinite(b[i])) return Infinity;
		worst = Math.max(worst, Math.abs(ordered(a[i]) - ordered(b[i])));
	}
	return worst;
}

const q = (shape: [number, number], values: number[]): Tensor => ({ shape, data: Float32Array.from(values) });
const RPN: MatcherOptions = { highThreshold: 0.7, lowThreshold: 0.3, allowLowQualityMatches: true };
const HEADS: MatcherOptions = { highThreshold: 0.5, lowThreshold: 0.5, allowLowQualityMatches: false };

describe('matcher = torchvision Matcher(high, low, allow_low_quality_matches)', () => {
	const { configs, cases } = fx.matcher;

	it('the fixture covers what it must', () => {
		expect(cases.length).toBeGreaterThanOrEqual(300);
		const kinds = new Set(cases.map((c) => c.kind));
		for (const k of [
			'duplicates',
			'nested',
			'mirrored',
			'low-quality',
			'zero-iou-gt',
			'exact-thresholds',
			'nan'
		])
			expect(kinds).toContain(k);
		let ties = 0; // columns whose maximum (> 0) is shared by several gts
		let rescuedToOther = 0; // predictions the low-quality rule gives to another gt than the one it rescues
		let atF07 = 0;
		for (const c of cases) {
			const [m, n] = c.shape;
			const v = hexF32(c.quality);
			const t = matcherTrace({ shape: c.shape, data: v }, RPN);
			for (let j = 0; j < n; j++) {
				let count = 0;
				for (let i = 0; i < m; i++) if (v[i * n + j] === t.bestQuality[j] && v[i * n + j] > 0) count++;
				if (count > 1) ties++;
				if (t.bestQuality[j] === Math.fround(0.7)) atF07++;
			}
			for (let i = 0; i < m; i++)
				for (let j = 0; j < n; j++)
					if (t.bestQuality[j] < Math.fround(0.7) && v[i * n + j] === t.highestPerGt[i] && t.bestGt[j] !== i)
						rescuedToOther++;
		}
		expect(ties).toBeGreaterThan(50);
		expect(rescuedToOther).toBeGreaterThan(10);
		expect(atF07).toBeGreaterThan(5);
	});

	for (const [k, c] of cases.entries()) {
		it(`#${k} ${c.kind} ${c.shape[0]}×${c.shape[1]}: every configuration`, () => {
			const quality = { shape: c.shape, data: hexF32(c.quality) };
			configs.forEach((opts, i) =>
				expect(Array.from(matcher(quality, opts)), JSON.stringify(opts)).toEqual(c.matches[i])
			);
		});
	}

	it('boxIou → matcher end to end, on every case that stores its boxes', () => {
		const withBoxes = cases.filter((c) => c.gt !== undefined);
		expect(withBoxes.length).toBeGreaterThan(200);
		for (const c of withBoxes) {
			const iou = boxIou(hexF32(c.gt!), hexF32(c.pred!));
			expect(mismatches(iou, hexF32(c.quality))).toEqual([]);
			configs.forEach((opts, i) =>
				expect(Array.from(matcher({ shape: c.shape, data: iou }, opts))).toEqual(c.matches[i])
			);
		}
	});

	it('a hand-checkable case: thresholds, ties and the low-quality rule', () => {
		// 2 gts × 5 predictions.
		// p0: IoUs 0.8 / 0.1 → matched to gt 0.         p1: 0.5 / 0.5 (tie) → between, gt 0 wins the tie.
		// p2: 0.1 / 0.2 → below 0.3.                    p3: f(0.7) / 0 → exactly f(0.7) counts as ≥ 0.7 → gt 0.
		// p4: 0.2 / 0.6 → between, but it is gt 1's best (0.6), so the low-quality rule matches it to gt 1.
		const quality = q([2, 5], [0.8, 0.5, 0.1, 0.7, 0.2, 0.1, 0.5, 0.2, 0, 0.6]);
		expect(Array.from(matcher(quality, { ...RPN, allowLowQualityMatches: false }))).toEqual([
			0, -2, -1, 0, -2
		]);
		expect(Array.from(matcher(quality, RPN))).toEqual([0, -2, -1, 0, 1]);
		// box head: one threshold, so nothing is "between"
		expect(Array.from(matcher(quality, HEADS))).toEqual([0, 0, -1, 0, 1]);
		expect([BELOW_LOW_THRESHOLD, BETWEEN_THRESHOLDS]).toEqual([-1, -2]);
	});

	it('the rescued prediction takes ITS best gt, not the gt that rescued it', () => {
		// gt 0's best prediction is p0 (0.4), but p0's own best gt is gt 1 (0.6): p0 → gt 1; gt 0 ends up unmatched.
		const quality = q([2, 2], [0.4, 0.1, 0.6, 0.65]);
		const t = matcherTrace(quality, RPN);
		expect(Array.from(t.matches)).toEqual([1, 1]);
		expect(Array.from(t.lowQuality)).toEqual([1, 1]);
	});

	it('a gt that overlaps nothing "rescues" every prediction with IoU 0 to it, to that prediction\'s best gt', () => {
		const quality = q([2, 3], [0.9, 0, 0, 0, 0, 0]); // gt 1 has IoU 0 everywhere
		expect(Array.from(matcher(quality, RPN))).toEqual([0, 0, 0]); // p1, p2 overlap nothing and still become gt 0
		expect(Array.from(matcher(quality, { ...RPN, allowLowQualityMatches: false }))).toEqual([0, -1, -1]);
	});

	it('NaN (IoU of two empty boxes) wins its column and stays a match, as torch.max propagates it', () => {
		const quality = q([2, 2], [0.9, NaN, NaN, 0.1]);
		expect(Array.from(matcher(quality, RPN))).toEqual([1, 0]);
	});

	it('empty matrices throw, quoting the two torchvision messages', () => {
		for (const e of fx.matcher.emptyErrors) {
			const empty = { shape: e.shape, data: new Float32Array(0) };
			expect(() => matcher(empty, RPN)).toThrow(e.error);
		}
		expect(() => matcher(q([0, 5], []), RPN)).toThrow(/quality\.shape\[0\] \(ground-truth boxes\)/);
		expect(() => matcher(q([4, 0], []), RPN)).toThrow(/quality\.shape\[1\] \(predictions\)/);
	});

	it('bad arguments name themselves', () => {
		const ok = q([1, 1], [0.5]);
		expect(fx.matcher.reversedError).toBe('low_threshold should be <= high_threshold');
		expect(() => matcher(ok, { ...RPN, lowThreshold: 0.8 })).toThrow(
			/opts\.lowThreshold must be <= opts\.highThreshold/
		);
		expect(() => matcher(ok, { ...RPN, highThreshold: 1.5 })).toThrow(
			/opts\.highThreshold must be a number in \[0, 1\]/
		);
		expect(() => matcher(ok, { ...RPN, lowThreshold: -0.1 })).toThrow(/opts\.lowThreshold/);
		expect(() => matcher(ok, { ...RPN, highThreshold: NaN })).toThrow(/opts\.highThreshold/);
		expect(() => matcher(ok, { ...RPN, allowLowQualityMatches: 1 as unknown as boolean })).toThrow(
			/opts\.allowLowQualityMatches must be true or false/
		);
		expect(() => matcher(ok, null as unknown as MatcherOptions)).toThrow(/^opts must be/);
		expect(() => matcher({ shape: [4], data: new Float32Array(4) }, RPN)).toThrow(
			/quality\.shape must be of the form \[M, N\]/
		);
		expect(() => matcher({ shape: [2, 2], data: new Float32Array(3) }, RPN)).toThrow(
			/quality\.data has length 3/
		);
		expect(() => matcher({ shape: [1, 1], data: [0.5] as unknown as Float32Array }, RPN)).toThrow(
			/quality\.data must be a Float32Array/
		);
	});
});

describe('sampleBalanced = BalancedPositiveNegativeSampler (counts and sets; torch draws with randperm)', () => {
	for (const c of fx.sampler) {
		it(`${c.name}: ${c.batchSizePerImage}/${c.positiveFraction} → ${c.numPos} + ${c.numNeg}`, () => {
			const labels = Int32Array.from(c.labels);
			for (const seed of [1, 2, 3]) {
				const { positive, negative } = sampleBalanced(labels, {
					batchSizePerImage: c.batchSizePerImage,
					positiveFraction: c.positiveFraction,
					random: seeded(seed)
				});
				expect([positive.length, negative.length]).toEqual([c.numPos, c.numNeg]);
				for (const [set, ok] of [
					[positive, (l: number) => l >= 1],
					[negative, (l: number) => l === 0]
				] as const) {
					for (let i = 0; i < set.length; i++) {
						expect(ok(labels[set[i]])).toBe(true);
						if (i > 0) expect(set[i]).toBeGreaterThan(set[i - 1]); // ascending, hence distinct
					}
				}
			}
		});
	}

	it('a hand-checkable case, reproducible from its seed', () => {
		// 3 positives, 6 negatives, 2 ignored; batch 4 at fraction 0.5: int(4·0.5) = 2 positives, 4 − 2 = 2 negatives
		const labels = Int32Array.from([1, 0, 0, -1, 1, 0, 0, 1, 0, -1, 0]);
		const opts = { batchSizePerImage: 4, positiveFraction: 0.5, random: seeded(7) };
		const a = sampleBalanced(labels, opts);
		expect([a.positive.length, a.negative.length]).toEqual([2, 2]);
		const b = sampleBalanced(labels, { ...opts, random: seeded(7) });
		expect([Array.from(b.positive), Array.from(b.negative)]).toEqual([
			Array.from(a.positive),
			Array.from(a.negative)
		]);
		// everything available and wanted: no draw at all
		const all = sampleBalanced(labels, {
			...opts,
			batchSizePerImage: 100,
			random: () => {
				throw new Error('no draw');
			}
		});
		expect(Array.from(all.positive)).toEqual([0, 4, 7]);
		expect(Array.from(all.negative)).toEqual([1, 2, 5, 6, 8, 10]);
	});

	it('bad arguments name themselves', () => {
		const labels = Int32Array.from([1, 0, 0]);
		const ok = { batchSizePerImage: 2, positiveFraction: 0.5, random: seeded(1) };
		expect(() => sampleBalanced([1, 0] as unknown as Int32Array, ok)).toThrow(/labels must be an Int32Array/);
		expect(() => sampleBalanced(Float32Array.from([1]) as unknown as Int32Array, ok)).toThrow(
			/labels must be an Int32Array/
		);
		for (const b of [0, -1, 1.5, NaN])
			expect(() => sampleBalanced(labels, { ...ok, batchSizePerImage: b })).toThrow(
				/opts\.batchSizePerImage must be a positive integer/
			);
		for (const p of [-0.1, 1.01, NaN])
			expect(() => sampleBalanced(labels, { ...ok, positiveFraction: p })).toThrow(
				/opts\.positiveFraction must be a number in \[0, 1\]/
			);
		expect(() => sampleBalanced(labels, { ...ok, random: 3 as unknown as () => number })).toThrow(
			/opts\.random must be a function/
		);
		expect(() => sampleBalanced(labels, { ...ok, batchSizePerImage: 1, random: () => 1 })).toThrow(
			/opts\.random must return numbers in \[0, 1\), got 1/
		);
		expect(() => sampleBalanced(labels, undefined as unknown as typeof ok)).toThrow(/^opts must be/);
	});
});

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
