// torchvision 0.14's `Matcher` (detection/_utils.py): assign each prediction (anchor or proposal) the ground-truth box
// it overlaps most, or −1 / −2 when that overlap is too low. Used by the RPN (0.7 / 0.3, with low-quality matches)
// and by the box head (0.5 / 0.5, without). Details that decide labels and are reproduced exactly:
// - ties in a prediction's column go to the FIRST (lowest) gt index, as torch 1.13's CPU `max(dim=0)` does;
// - a NaN quality (box_iou of two empty boxes is 0/0) wins the column (first NaN), and since NaN < low and
//   NaN ≥ low are both false, that prediction keeps the NaN gt as its match — torch's max propagates NaN;
// - thresholds are compared in float32 (torch casts the Python float to the tensor's dtype): an IoU equal to
//   f(0.7) = 0.699999988 counts as ≥ 0.7;
// - the low-quality rule takes, per gt, its highest quality over all predictions (even 0) and gives every prediction
//   that reaches it (ties included) that PREDICTION's own best gt — which may be another gt than the one rescued.
import type { Tensor } from './tensor';
import { assertBoolean, assertTensorShape, formatValue } from './validate';
import { assertUnitInterval } from './validate-boxes';

/** Matches below the low threshold (background). */
export const BELOW_LOW_THRESHOLD = -1;
/** Matches in [low, high) (ignored by the samplers). */
export const BETWEEN_THRESHOLDS = -2;

export interface MatcherOptions {
	/** quality ≥ this is a match (RPN 0.7, box head 0.5) */
	highThreshold: number;
	/** quality < this is background (RPN 0.3, box head 0.5) */
	lowThreshold: number;
	/** re-match each gt's best predictions even below highThreshold (RPN true, box head false) */
	allowLowQualityMatches: boolean;
}

/** The matcher's intermediate values, for drawing why a prediction got its label. */
export interface MatcherTrace {
	/** per prediction: gt index ≥ 0, BELOW_LOW_THRESHOLD or BETWEEN_THRESHOLDS (== matcher(...)) */
	matches: Int32Array;
	/** per prediction: its argmax gt before thresholding (torchvision's `all_matches`) */
	bestGt: Int32Array;
	/** per prediction: that gt's quality (`matched_vals`) */
	bestQuality: Float32Array;
	/** per gt: its highest quality over all predictions (only filled when allowLowQualityMatches) */
	highestPerGt: Float32Array;
	/** per prediction: 1 if it reaches some gt's highest quality, i.e. the low-quality rule (re)set its match */
	lowQuality: Uint8Array;
}

/** Throws an Error naming the bad field unless 0 <= lowThreshold <= highThreshold <= 1 and the flag is a boolean. */
export function assertMatcherOptions(opts: unknown): asserts opts is MatcherOptions {
	if (typeof opts !== 'object' || opts === null)
		throw new Error(
			`opts must be { highThreshold, lowThreshold, allowLowQualityMatches }, got ${formatValue(opts)}`
		);
	const o = opts as MatcherOptions;
	assertUnitInterval('opts.highThreshold', o.highThreshold);
	assertUnitInterval('opts.lowThreshold', o.lowThreshold);
	// torchvision asserts the same (in Python floats): "low_threshold should be <= high_threshold"
	if (!(o.lowThreshold <= o.highThreshold))
		throw new Error(
			`opts.lowThreshold must be <= opts.highThreshold, got lowThreshold ${o.lowThreshold} > highThreshold ${o.highThreshold}`
		);
	assertBoolean('opts.allowLowQualityMatches', o.allowLowQualityMatches);
}

/**
 * Checks a quality matrix [M gt, N predictions]. torchvision raises on an empty one (training without gt or
 * without proposals is handled by its callers, as rpnTargets / roiTargets do); so do we, with the same reason.
 */
function checkQuality(quality: unknown): asserts quality is Tensor {
	assertTensorShape('quality', quality, ['M', 'N']);
	const [m, n] = quality.shape;
	if (m === 0)
		throw new Error(
			`quality.shape[0] (ground-truth boxes) must be >= 1, got shape ${formatValue(quality.shape)}: ` +
				'torchvision raises "No ground-truth boxes available for one of the images during training"'
		);
	if (n === 0)
		throw new Error(
			`quality.shape[1] (predictions) must be >= 1, got shape ${formatValue(quality.shape)}: ` +
				'torchvision raises "No proposal boxes available for one of the images during training"'
		);
}

/** The matcher with its intermediates (see MatcherTrace). */
export function matcherTrace(quality: Tensor, opts: MatcherOptions): MatcherTrace {
	assertMatcherOptions(opts);
	checkQuality(quality);
	const [m, n] = quality.shape;
	const q = quality.data;
	const high = Math.fround(opts.highThreshold);
	const low = Math.fround(opts.lowThreshold);

	// max over gts (dim 0): strictly greater replaces, so ties keep the first gt; a NaN, once met, is kept.
	const bestGt = new Int32Array(n);
	const bestQuality = new Float32Array(n);
	for (let j = 0; j < n; j++) {
		let best = q[j];
		let arg = 0;
		for (let i = 1; i < m && best === best; i++) {
			const v = q[i * n + j];
			if (v > best || v !== v) {
				best = v;
				arg = i;
			}
		}
		bestGt[j] = arg;
		bestQuality[j] = best;
	}

	const matches = new Int32Array(n);
	for (let j = 0; j < n; j++) {
		const v = bestQuality[j];
		matches[j] = v < low ? BELOW_LOW_THRESHOLD : v >= low && v < high ? BETWEEN_THRESHOLDS : bestGt[j];
	}

	const highestPerGt = new Float32Array(m);
	const lowQuality = new Uint8Array(n);
	if (opts.allowLowQualityMatches) {
		for (let i = 0; i < m; i++) {
			let best = q[i * n];
			for (let j = 1; j < n && best === best; j++) {
				const v = q[i * n + j];
				if (v > best || v !== v) best = v;
			}
			highestPerGt[i] = best;
			// `quality == highest` is false everywhere for a NaN highest: such a gt rescues nothing
			for (let j = 0; j < n; j++) if (q[i * n + j] === best) lowQuality[j] = 1;
		}
		for (let j = 0; j < n; j++) if (lowQuality[j]) matches[j] = bestGt[j];
	}
	return { matches, bestGt, bestQuality, highestPerGt, lowQuality };
}

/**
 * Per prediction: the matched gt index, BELOW_LOW_THRESHOLD (−1) or BETWEEN_THRESHOLDS (−2) —
 * `torchvision.models.detection._utils.Matcher(high, low, allow_low_quality_matches)(quality)`.
 */
export function matcher(quality: Tensor, opts: MatcherOptions): Int32Array {
	return matcherTrace(quality, opts).matches;
}
