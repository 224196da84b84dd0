// The training view's data: one ground-truth object, one RoI around it, and the three head losses that RoI would
// add during training, computed as torchvision 0.14's RoIHeads does (fastrcnn_loss, maskrcnn_loss,
// project_masks_on_boxes). Everything here is in the network's (resized-image) frame, like the proposals.
import {
	bceWithLogitsPlane,
	boxIou,
	crossEntropy,
	encodeBoxes,
	matcherTrace,
	projectMasksOnBoxes,
	rescaleBoxes,
	sigmoid32,
	smoothL1,
	softmaxCrossEntropyPlanes,
	softmaxRows,
	type PixelLoss,
	type Tensor
} from '$lib/ops';
import type { Instance } from '$lib/scenes';

/** torchvision's RoIHeads: a proposal is a positive (foreground) sample when its best IoU with a GT box is ≥ 0.5. */
export const FG_IOU = 0.5;
/** RoIHeads' box coder weights (wx, wy, ww, wh). */
export const BOX_WEIGHTS: [number, number, number, number] = [10, 10, 5, 5];
/** fastrcnn_loss's smooth-L1 beta. */
export const SMOOTH_L1_BETA = 1 / 9;

/** Ground-truth boxes moved from the original image to the resized one (`resize_boxes`). */
export function gtBoxesResized(
	instances: Instance[],
	originalSize: [number, number],
	imageSize: [number, number]
): Float32Array {
	const boxes = new Float32Array(4 * instances.length);
	instances.forEach((inst, i) => boxes.set(inst.box, 4 * i));
	return rescaleBoxes(boxes, originalSize, imageSize);
}

/**
 * One GT mask as a [1,1,h,w] float tensor in the resized frame. GeneralizedRCNNTransform resizes masks with nearest
 * neighbour (source index floor(dst · in/out)); with the same size it is a plain copy.
 */
export function gtMaskResized(
	mask: Uint8Array,
	originalSize: [number, number],
	imageSize: [number, number]
): Tensor {
	const [H, W] = originalSize;
	const [h, w] = imageSize;
	if (mask.length !== H * W)
		throw new Error(`gtMaskResized: mask has ${mask.length} pixels, expected ${H}×${W}`);
	const data = new Float32Array(h * w);
	const sy = Math.fround(H / h);
	const sx = Math.fround(W / w);
	for (let y = 0; y < h; y++) {
		const ys = Math.min(Math.floor(Math.fround(y * sy)), H - 1);
		for (let x = 0; x < w; x++)
			data[y * w + x] = mask[ys * W + Math.min(Math.floor(Math.fround(x * sx)), W - 1)];
	}
	return { shape: [1, 1, h, w], data };
}

export interface ProposalMatch {
	/** each proposal's best IoU over the GT boxes */
	iou: Float32Array;
	/** the GT index it is matched to (argmax IoU), or −1 when below FG_IOU (a background sample) */
	matched: Int32Array;
}

/** RoIHeads' Matcher (fg = bg = 0.5, no low-quality matches): each proposal → its best GT, positive if IoU ≥ 0.5. */
export function matchProposals(proposals: Float32Array, gtBoxes: Float32Array): ProposalMatch {
	const p = proposals.length / 4;
	const g = gtBoxes.length / 4;
	if (g === 0 || p === 0) return { iou: new Float32Array(p), matched: new Int32Array(p).fill(-1) };
	const t = matcherTrace(
		{ shape: [g, p], data: boxIou(gtBoxes, proposals) },
		{ highThreshold: FG_IOU, lowThreshold: FG_IOU, allowLowQualityMatches: false }
	);
	return { iou: t.bestQuality, matched: t.matches };
}

/** Proposals matched to GT `g` as positives, best IoU first. */
export function positivesFor(match: ProposalMatch, g: number): Int32Array {
	const idx: number[] = [];
	for (let i = 0; i < match.matched.length; i++) if (match.matched[i] === g) idx.push(i);
	idx.sort((a, b) => match.iou[b] - match.iou[a] || a - b);
	return Int32Array.from(idx);
}

export interface TrainingChoice {
	/** the true object shown, −1 without any */
	gt: number;
	/** its positive proposals, best IoU first */
	positives: Int32Array;
	/** the proposal used as RoI, −1 when it has none */
	roi: number;
	/** whether the RoI is the true box itself (asked for, or no proposal is a positive) */
	gtBoxMode: boolean;
}

/**
 * Which object and RoI the training view shows. A selected proposal (from the RoI stages or the URL) that is a
 * positive decides the object; otherwise the local pick `gtLocal` does. The RoI is the selected proposal when it
 * belongs to that object, else the object's best positive; with none, or when `useGtBox`, the true box itself.
 */
export function trainingChoice(
	match: ProposalMatch,
	selected: number | undefined,
	gtLocal: number,
	objectCount: number,
	useGtBox: boolean
): TrainingChoice {
	const sel =
		selected !== undefined && Number.isInteger(selected) && selected >= 0 && selected < match.matched.length
			? selected
			: -1;
	const gt = sel >= 0 && match.matched[sel] >= 0 ? match.matched[sel] : Math.min(gtLocal, objectCount - 1);
	const positives = gt >= 0 ? positivesFor(match, gt) : new Int32Array(0);
	const roi = sel >= 0 && match.matched[sel] === gt ? sel : positives.length ? positives[0] : -1;
	return { gt, positives, roi, gtBoxMode: useGtBox || roi < 0 };
}

/** The mask target: torchvision's `project_masks_on_boxes` (RoIAlign of the true mask to M×M); soft at the edges. */
export function maskTarget(gtMask: Tensor, box: ArrayLike<number>, size = 28): Float32Array {
	const [, , h, w] = gtMask.shape;
	const masks: Tensor = { shape: [1, h, w], data: gtMask.data };
	return projectMasksOnBoxes(masks, Float32Array.from(box), Int32Array.of(0), size).data;
}

export interface RoiLossInput {
	/** this RoI's box-head class logits [classes] and deltas [classes*4] */
	classLogits: ArrayLike<number>;
	boxDeltas: ArrayLike<number>;
	/** this RoI's mask logits, every class [classes*M*M] */
	maskLogits: Float32Array;
	/** GT class of the matched object (≥ 1) */
	label: number;
	proposal: ArrayLike<number>;
	gtBox: ArrayLike<number>;
	/** mask target [M*M] in [0, 1] */
	target: Float32Array;
}

export interface RoiLoss {
	classProbs: Float32Array;
	lCls: number;
	/** box-coder targets (gt relative to proposal) and the predicted deltas of the GT class */
	regTargets: Float32Array;
	predDeltas: Float32Array;
	/** smooth-L1 per coordinate dx, dy, dw, dh, and their sum */
	boxTerms: number[];
	lBox: number;
	/** sigmoid of the GT class's mask logits, and the BCE on that plane only */
	maskProbs: Float32Array;
	bce: PixelLoss;
	lMask: number;
	/** the FCN-style alternative: softmax over all class planes, target = label inside, background outside */
	softmaxCe: PixelLoss;
	lMaskSoftmax: number;
	total: number;
}

/** This RoI's L = L_cls + L_box + L_mask, before torchvision averages over the sampled RoIs of the batch. */
export function roiLosses(r: RoiLossInput): RoiLoss {
	const classes = r.classLogits.length;
	const plane = r.target.length;
	if (!Number.isInteger(r.label) || r.label < 1 || r.label >= classes)
		throw new Error(`roiLosses: label ${r.label} is not a foreground class (1..${classes - 1})`);
	if (r.boxDeltas.length !== 4 * classes || r.maskLogits.length !== classes * plane)
		throw new Error('roiLosses: boxDeltas must be [classes*4] and maskLogits [classes*M*M]');
	const classProbs = softmaxRows(Float32Array.from(r.classLogits), classes);
	const lCls = crossEntropy(r.classLogits, r.label);

	const regTargets = encodeBoxes(Float32Array.from(r.gtBox), Float32Array.from(r.proposal), BOX_WEIGHTS);
	const predDeltas = Float32Array.from({ length: 4 }, (_, j) => r.boxDeltas[4 * r.label + j]);
	const boxTerms = Array.from({ length: 4 }, (_, j) =>
		smoothL1(predDeltas[j] - regTargets[j], SMOOTH_L1_BETA)
	);
	const lBox = boxTerms.reduce((a, b) => a + b, 0);

	const own = r.maskLogits.subarray(r.label * plane, (r.label + 1) * plane);
	const maskProbs = own.map(sigmoid32);
	const bce = bceWithLogitsPlane(own, r.target);

	// Softmax alternative: the class's plane should win where the object is, the background plane elsewhere.
	const dist = new Float32Array(classes * plane);
	for (let i = 0; i < plane; i++) {
		dist[r.label * plane + i] = r.target[i];
		dist[i] = 1 - r.target[i];
	}
	const softmaxCe = softmaxCrossEntropyPlanes(r.maskLogits, dist, classes);

	return {
		classProbs,
		lCls,
		regTargets,
		predDeltas,
		boxTerms,
		lBox,
		maskProbs,
		bce,
		lMask: bce.mean,
		softmaxCe,
		lMaskSoftmax: softmaxCe.mean,
		total: lCls + lBox + bce.mean
	};
}

/** A window of the picture in whole pixels: left, top, width, height. */
export interface Crop {
	x: number;
	y: number;
	w: number;
	h: number;
}

/**
 * The part of a width × height picture the training picture shows: both boxes plus a margin (a fifth of their
 * larger side, at least 4 px), so that small objects are not lost in a 512 px scene. Original-image pixels.
 */
export function pictureCrop(
	gtBox: ArrayLike<number>,
	roiBox: ArrayLike<number>,
	width: number,
	height: number
): Crop {
	const x1 = Math.min(gtBox[0], roiBox[0]);
	const y1 = Math.min(gtBox[1], roiBox[1]);
	const x2 = Math.max(gtBox[2], roiBox[2]);
	const y2 = Math.max(gtBox[3], roiBox[3]);
	const pad = Math.max(4, 0.2 * Math.max(x2 - x1, y2 - y1));
	const x = Math.max(0, Math.floor(x1 - pad));
	const y = Math.max(0, Math.floor(y1 - pad));
	return {
		x,
		y,
		w: Math.max(1, Math.min(width, Math.ceil(x2 + pad)) - x),
		h: Math.max(1, Math.min(height, Math.ceil(y2 + pad)) - y)
	};
}

/** The crop of an RGB picture as RGBA, with the pixels of the (0/1) mask tinted red: halfway to (255, 0, 0). */
export function tintedCrop(
	image: { data: Uint8Array; width: number },
	mask: Uint8Array,
	crop: Crop
): Uint8ClampedArray {
	const { x, y, w, h } = crop;
	const out = new Uint8ClampedArray(w * h * 4);
	for (let r = 0; r < h; r++)
		for (let c = 0; c < w; c++) {
			const s = (y + r) * image.width + (x + c);
			const j = 4 * (r * w + c);
			const tint = mask[s] === 1;
			out[j] = tint ? (image.data[3 * s] + 255) >> 1 : image.data[3 * s];
			out[j + 1] = tint ? image.data[3 * s + 1] >> 1 : image.data[3 * s + 1];
			out[j + 2] = tint ? image.data[3 * s + 2] >> 1 : image.data[3 * s + 2];
			out[j + 3] = 255;
		}
	return out;
}

/**
 * The two per-cell mask losses (sigmoid BCE, softmax CE) divided by their common largest value, so both maps share
 * one colour scale and can be compared by eye.
 */
export function lossMaps(loss: Pick<RoiLoss, 'bce' | 'softmaxCe'>): {
	bce: Float32Array;
	softmaxCe: Float32Array;
} {
	const max = Math.max(1e-6, ...loss.bce.perPixel, ...loss.softmaxCe.perPixel);
	return {
		bce: loss.bce.perPixel.map((v) => v / max),
		softmaxCe: loss.softmaxCe.perPixel.map((v) => v / max)
	};
}
