// What the RPN is trained towards, for one image (torchvision 0.14's `RegionProposalNetwork.assign_targets_to_anchors`
// + `box_coder.encode` + the sampling in `compute_loss`): every anchor is matched against the gt boxes by IoU
// (Matcher 0.7 / 0.3 with low-quality matches), labelled object (1) / background (0) / ignored (−1), given the
// (1, 1, 1, 1)-weighted deltas to its gt box, and a balanced batch of 256 is drawn for the loss.
import { encodeBoxes, type BoxWeights } from './box-coder';
import { boxIou } from './boxes';
import {
	assertMatcherOptions,
	BELOW_LOW_THRESHOLD,
	BETWEEN_THRESHOLDS,
	matcherTrace,
	type MatcherTrace
} from './matcher';
import { sampleBalanced, type TargetOptions } from './sampler';
import { assertBoxes } from './validate-boxes';
import { formatValue } from './validate';

/** torchvision's RPN box coder weights. */
export const RPN_BOX_WEIGHTS: BoxWeights = [1, 1, 1, 1];

/** torchvision's `maskrcnn_resnet50_fpn` RPN training defaults (the shipped model uses the same). */
export const RPN_TARGET_DEFAULTS = {
	highThreshold: 0.7,
	lowThreshold: 0.3,
	batchSizePerImage: 256,
	positiveFraction: 0.5
} as const;

export type RpnTargetOptions = TargetOptions;

export interface RpnTargets {
	/** raw matcher output per anchor: gt index, −1 (below lowThreshold) or −2 (between the thresholds); all −1 when there is no gt */
	matches: Int32Array;
	/** per anchor: its highest IoU with any gt (0 without gt) */
	bestIou: Float32Array;
	/** 1 object, 0 background, −1 ignored (torchvision keeps them as float32; same values) */
	labels: Int32Array;
	/** matches clamped at 0 — the gt whose box the regression targets point to (0 for background too) */
	matchedGt: Int32Array;
	/** [N·4] gtBoxes[matchedGt]; zeros without gt (torchvision's background-image special case) */
	matchedGtBoxes: Float32Array;
	/** [N·4] encode(matchedGtBoxes, anchors), weights (1, 1, 1, 1), for EVERY anchor: only sampled positives reach
	 * the loss. Without gt the zero boxes give dw = dh = −Infinity (log 0), exactly as torchvision. */
	regressionTargets: Float32Array;
	/** the matcher's intermediate values (which positives the low-quality rule made, each gt's best IoU); null
	 * when there is no gt or no anchor */
	matcher: MatcherTrace | null;
	/** sampled positives, ascending */
	positive: Int32Array;
	/** sampled negatives, ascending */
	negative: Int32Array;
	/** the loss's order: positives then negatives (`cat([where(pos), where(neg)])` in `compute_loss`) */
	sampled: Int32Array;
}

/** Rows `index[k]` of a box list, flat [K·4] (`boxes[index]`). */
export function gatherBoxes(boxes: Float32Array, index: Int32Array): Float32Array {
	const out = new Float32Array(index.length * 4);
	for (let k = 0; k < index.length; k++) out.set(boxes.subarray(index[k] * 4, index[k] * 4 + 4), k * 4);
	return out;
}

/**
 * Matches, labels, gt indices and regression targets of every anchor, plus a balanced sample. Zero gt boxes are an
 * ordinary (background) image; zero anchors give empty arrays (torchvision's matcher would raise).
 */
export function rpnTargets(anchors: Float32Array, gtBoxes: Float32Array, opts: RpnTargetOptions): RpnTargets {
	const n = assertBoxes('anchors', anchors);
	const m = assertBoxes('gtBoxes', gtBoxes);
	if (typeof opts !== 'object' || opts === null)
		throw new Error(`opts must be an object with at least { random }, got ${formatValue(opts)}`);
	const matcherOpts = {
		highThreshold: opts.highThreshold ?? RPN_TARGET_DEFAULTS.highThreshold,
		lowThreshold: opts.lowThreshold ?? RPN_TARGET_DEFAULTS.lowThreshold,
		allowLowQualityMatches: true
	};
	assertMatcherOptions(matcherOpts);

	let matches: Int32Array = new Int32Array(n).fill(BELOW_LOW_THRESHOLD);
	let bestIou: Float32Array = new Float32Array(n);
	const trace =
		m > 0 && n > 0 ? matcherTrace({ shape: [m, n], data: boxIou(gtBoxes, anchors) }, matcherOpts) : null;
	if (trace) {
		matches = trace.matches;
		bestIou = trace.bestQuality;
	}
	const labels = new Int32Array(n);
	const matchedGt = new Int32Array(n);
	for (let j = 0; j < n; j++) {
		const v = matches[j];
		labels[j] = v >= 0 ? 1 : v === BETWEEN_THRESHOLDS ? -1 : 0;
		matchedGt[j] = Math.max(v, 0);
	}
	const matchedGtBoxes = m > 0 ? gatherBoxes(gtBoxes, matchedGt) : new Float32Array(n * 4);
	const regressionTargets = encodeBoxes(matchedGtBoxes, anchors, RPN_BOX_WEIGHTS);

	const { positive, negative } = sampleBalanced(labels, {
		batchSizePerImage: opts.batchSizePerImage ?? RPN_TARGET_DEFAULTS.batchSizePerImage,
		positiveFraction: opts.positiveFraction ?? RPN_TARGET_DEFAULTS.positiveFraction,
		random: opts.random
	});
	const sampled = new Int32Array(positive.length + negative.length);
	sampled.set(positive);
	sampled.set(negative, positive.length);
	return {
		matches,
		bestIou,
		labels,
		matchedGt,
		matchedGtBoxes,
		regressionTargets,
		matcher: trace,
		positive,
		negative,
		sampled
	};
}
