// The Matcher and the balanced sampler against torchvision 0.14 (tests/helpers/targets-fixture.ts).
import { describe, expect, it } from 'vitest';
import {
	BELOW_LOW_THRESHOLD,
	BETWEEN_THRESHOLDS,
	boxIou,
	matcher,
	matcherTrace,
	sampleBalanced,
	type MatcherOptions
} from '../../../src/lib/ops';

import { hexF32, mismatches } from '../../helpers/pipeline-golden';
import { HEADS, RPN, fx, q, seeded } from '../../helpers/targets-fixture';

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
