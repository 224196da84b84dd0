// What the box and mask heads are trained towards, for one image (torchvision 0.14's `RoIHeads.select_training_samples`
// and the positive-RoI selection before `maskrcnn_loss`): the gt boxes are appended to the proposals (so every gt
// is a perfect proposal), each row is matched by IoU (Matcher 0.5 / 0.5, no low-quality matches) and labelled with
// its gt's class (0 background, −1 ignored — never with equal thresholds), a balanced batch is drawn, and the
// sampled rows get (10, 10, 5, 5)-weighted deltas; the sampled positives also get 28×28 mask targets.
import { encodeBoxes, type BoxWeights } from './box-coder';
import { boxIou } from './boxes';
import { assertMasks, MASK_TARGET_SIZE, projectMasksOnBoxes } from './mask-targets';
import { assertMatcherOptions, BELOW_LOW_THRESHOLD, BETWEEN_THRESHOLDS, matcherTrace } from './matcher';
import { gatherBoxes } from './rpn-targets';
import { sampleBalanced, type TargetOptions } from './sampler';
import type { Tensor } from './tensor';
import { assertPositiveInt, formatValue } from './validate';
import { assertBoxes } from './validate-boxes';

/** torchvision's box-head coder weights (`bbox_reg_weights` default). */
export const ROI_BOX_WEIGHTS: BoxWeights = [10, 10, 5, 5];

/** torchvision's `maskrcnn_resnet50_fpn` box-head training defaults (the shipped model samples 128, not 512). */
export const ROI_TARGET_DEFAULTS = {
	highThreshold: 0.5,
	lowThreshold: 0.5,
	batchSizePerImage: 512,
	positiveFraction: 0.25
} as const;

export interface RoiTargetOptions extends TargetOptions {
	/** coder weights, default ROI_BOX_WEIGHTS */
	weights?: BoxWeights;
	/** mask target side, default 28 */
	maskSize?: number;
}

export interface GroundTruth {
	/** [M·4] x1, y1, x2, y2 */
	boxes: Float32Array;
	/** [M] class ids (>= 1 for objects) */
	labels: Int32Array;
	/** [M, H, W] masks in image coordinates (optional: without them no mask targets are made) */
	masks?: Tensor;
}

export interface RoiTargets {
	/** [(N + M)·4] the proposals with the gt boxes appended (`add_gt_proposals`); rows N.. are the gt */
	proposals: Float32Array;
	/** N, the number of proposals given (= index of the first appended gt) */
	numProposals: number;
	/** raw matcher output per row: gt index or −1 (−2 only if lowThreshold < highThreshold); all −1 without gt */
	matches: Int32Array;
	/** per row: its highest IoU with any gt (0 without gt) */
	bestIou: Float32Array;
	/** matches clamped at 0 (`matched_idxs`; zeros without gt) */
	matchedGt: Int32Array;
	/** per row: gt class, 0 background, −1 ignored */
	labels: Int32Array;
	/** [(N + M)·4] encode(gt[matchedGt], row) with the coder weights, for EVERY row (torchvision encodes only the
	 * sampled ones; the values are the same). Without gt it encodes against a zero box: dw = dh = −Infinity. */
	regressionTargets: Float32Array;
	/** sampled positives / negatives, ascending */
	positive: Int32Array;
	negative: Int32Array;
	/** `where(pos | neg)`: the sampled rows in ASCENDING order (positives and negatives interleaved), the order of
	 * torchvision's training proposals, labels and targets — unlike the RPN's positives-then-negatives */
	sampled: Int32Array;
	/** [sampled.length·4] regressionTargets of the sampled rows, in that order (`select_training_samples`) */
	sampledRegressionTargets: Float32Array;
	/** sampled rows with label > 0, in sampled order: the mask head's RoIs */
	maskRois: Int32Array;
	/** [maskRois.length, S, S] mask targets of those RoIs; null when gt.masks is not given */
	maskTargets: Tensor | null;
}

function checkGroundTruth(gt: unknown): number {
	if (typeof gt !== 'object' || gt === null)
		throw new Error(`gt must be { boxes, labels, masks? }, got ${formatValue(gt)}`);
	const { boxes, labels, masks } = gt as GroundTruth;
	const m = assertBoxes('gt.boxes', boxes);
	if (!(labels instanceof Int32Array))
		throw new Error(`gt.labels must be an Int32Array, got ${formatValue(labels)}`);
	if (labels.length !== m)
		throw new Error(`gt.labels.length must be ${m} (one per gt box), got ${labels.length}`);
	for (let i = 0; i < m; i++)
		if (labels[i] < 0) throw new Error(`gt.labels[${i}] must be a class id >= 0, got ${labels[i]}`);
	if (masks !== undefined && assertMasks('gt.masks', masks) !== m)
		throw new Error(`gt.masks.shape[0] must be ${m} (one mask per gt box), got ${masks.shape[0]}`);
	return m;
}

/**
 * Box-head (and mask-head) training targets for one image. Zero gt boxes are an ordinary background image; zero
 * proposals leave just the appended gt rows; both empty gives empty arrays.
 */
export function roiTargets(proposals: Float32Array, gt: GroundTruth, opts: RoiTargetOptions): RoiTargets {
	const n = assertBoxes('proposals', proposals);
	const m = checkGroundTruth(gt);
	if (typeof opts !== 'object' || opts === null)
		throw new Error(`opts must be an object with at least { random }, got ${formatValue(opts)}`);
	const matcherOpts = {
		highThreshold: opts.highThreshold ?? ROI_TARGET_DEFAULTS.highThreshold,
		lowThreshold: opts.lowThreshold ?? ROI_TARGET_DEFAULTS.lowThreshold,
		allowLowQualityMatches: false
	};
	assertMatcherOptions(matcherOpts);
	const maskSize = opts.maskSize ?? MASK_TARGET_SIZE;
	assertPositiveInt('opts.maskSize', maskSize);

	const rows = new Float32Array((n + m) * 4);
	rows.set(proposals);
	rows.set(gt.boxes, n * 4);
	const total = n + m;

	let matches: Int32Array = new Int32Array(total).fill(BELOW_LOW_THRESHOLD);
	let bestIou: Float32Array = new Float32Array(total);
	if (m > 0) {
		const t = matcherTrace({ shape: [m, total], data: boxIou(gt.boxes, rows) }, matcherOpts);
		matches = t.matches;
		bestIou = t.bestQuality;
	}
	const matchedGt = new Int32Array(total);
	const labels = new Int32Array(total);
	for (let j = 0; j < total; j++) {
		const v = matches[j];
		matchedGt[j] = Math.max(v, 0);
		labels[j] = v >= 0 ? gt.labels[v] : v === BETWEEN_THRESHOLDS ? -1 : 0;
	}
	// torchvision's background image encodes against torch.zeros((1, 4))[matched_idxs]
	const matchedBoxes = m > 0 ? gatherBoxes(gt.boxes, matchedGt) : new Float32Array(total * 4);
	const regressionTargets = encodeBoxes(matchedBoxes, rows, opts.weights ?? ROI_BOX_WEIGHTS);

	const { positive, negative } = sampleBalanced(labels, {
		batchSizePerImage: opts.batchSizePerImage ?? ROI_TARGET_DEFAULTS.batchSizePerImage,
		positiveFraction: opts.positiveFraction ?? ROI_TARGET_DEFAULTS.positiveFraction,
		random: opts.random
	});
	const sampled = Int32Array.from([...positive, ...negative]).sort();
	const sampledRegressionTargets = gatherBoxes(regressionTargets, sampled);
	const maskRois = sampled.filter((j) => labels[j] > 0);
	const maskTargets = gt.masks
		? projectMasksOnBoxes(
				gt.masks,
				gatherBoxes(rows, maskRois),
				Int32Array.from(maskRois, (j) => matchedGt[j]),
				maskSize
			)
		: null;
	return {
		proposals: rows,
		numProposals: n,
		matches,
		bestIou,
		matchedGt,
		labels,
		regressionTargets,
		positive,
		negative,
		sampled,
		sampledRegressionTargets,
		maskRois,
		maskTargets
	};
}
