// torchvision 0.14's BalancedPositiveNegativeSampler for one image: of the labelled anchors / proposals, keep at most
// int(batch · fraction) positives and fill the rest of the batch with negatives, each set chosen uniformly at random.
// torch draws with `randperm`; we draw with an injectable `random` (a seeded one reproduces a picture from a URL), so
// the chosen members differ from torch's but the counts, the sets they come from and the rules are the same.
import { assertPositiveInt, formatValue } from './validate';

export interface SamplerOptions {
	/** anchors / RoIs per image (RPN 256, box head 512 in torchvision, 128 in the shipped model) */
	batchSizePerImage: number;
	/** share of the batch reserved for positives (RPN 0.5, box head 0.25) */
	positiveFraction: number;
	/** uniform numbers in [0, 1), e.g. Math.random or a seeded generator */
	random: () => number;
}

export interface SampledIndices {
	/** chosen positives, ascending (torchvision returns masks, so only the set matters; this is its where() order) */
	positive: Int32Array;
	/** chosen negatives, ascending */
	negative: Int32Array;
}

/** How many positives and negatives torchvision samples from `numPositive` / `numNegative` candidates. */
function sampleCounts(
	numPositive: number,
	numNegative: number,
	batchSizePerImage: number,
	positiveFraction: number
): { numPos: number; numNeg: number } {
	// int(batch * fraction) in doubles, truncated: 100 · 0.29 = 28.999999999999996 gives 28, as in Python
	const numPos = Math.min(numPositive, Math.trunc(batchSizePerImage * positiveFraction));
	const numNeg = Math.min(numNegative, batchSizePerImage - numPos);
	return { numPos, numNeg };
}

/** `k` distinct members of `pool` (consumed: partially shuffled in place), returned ascending. */
function choose(pool: number[], k: number, random: () => number): Int32Array {
	// A full pool needs no draws; otherwise a partial Fisher–Yates shuffle, k draws.
	if (k < pool.length) {
		for (let i = 0; i < k; i++) {
			const r = random();
			if (typeof r !== 'number' || !(r >= 0 && r < 1))
				throw new Error(`opts.random must return numbers in [0, 1), got ${formatValue(r)}`);
			const j = i + Math.floor(r * (pool.length - i));
			const t = pool[i];
			pool[i] = pool[j];
			pool[j] = t;
		}
	}
	return Int32Array.from(pool.slice(0, k)).sort();
}

/**
 * Samples one image's training batch from `labels` (`BalancedPositiveNegativeSampler(batch, fraction)`): labels ≥ 1
 * are positives (1 for the RPN, a class id for the box head), 0 negatives, anything else (−1) is ignored.
 */
export function sampleBalanced(labels: Int32Array, opts: SamplerOptions): SampledIndices {
	if (!(labels instanceof Int32Array))
		throw new Error(`labels must be an Int32Array, got ${formatValue(labels)}`);
	if (typeof opts !== 'object' || opts === null)
		throw new Error(`opts must be { batchSizePerImage, positiveFraction, random }, got ${formatValue(opts)}`);
	assertPositiveInt('opts.batchSizePerImage', opts.batchSizePerImage);
	const fraction = opts.positiveFraction;
	if (typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1))
		throw new Error(`opts.positiveFraction must be a number in [0, 1], got ${formatValue(fraction)}`);
	if (typeof opts.random !== 'function')
		throw new Error(
			`opts.random must be a function returning numbers in [0, 1), got ${formatValue(opts.random)}`
		);
	const pos: number[] = [];
	const neg: number[] = [];
	for (let i = 0; i < labels.length; i++) {
		if (labels[i] >= 1) pos.push(i);
		else if (labels[i] === 0) neg.push(i);
	}
	const { numPos, numNeg } = sampleCounts(pos.length, neg.length, opts.batchSizePerImage, fraction);
	// positives first, then negatives: the order torch draws its two permutations in
	const positive = choose(pos, numPos, opts.random);
	const negative = choose(neg, numNeg, opts.random);
	return { positive, negative };
}

/** The matcher thresholds and sampler settings of a training-target op (each falls back to the op's defaults). */
export interface TargetOptions {
	highThreshold?: number;
	lowThreshold?: number;
	batchSizePerImage?: number;
	positiveFraction?: number;
	/** uniform numbers in [0, 1) for the sampler (seeded, to reproduce a picture) */
	random: () => number;
}
