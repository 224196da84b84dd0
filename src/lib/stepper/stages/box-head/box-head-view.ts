// What the box-head stage shows for one RoI: its class probabilities, the terms of the softmax and of the box decoding
// (for the formulas), a re-run of the post-processing with the user's thresholds (the op itself, not a copy), and
// what became of this RoI's box for a class in that re-run.
import {
	boxIou,
	decodeBoxes,
	postprocessDetections,
	BBOX_XFORM_CLIP,
	type BoxWeights,
	type DetectionTrace
} from '$lib/ops';
import { fmt } from '$lib/ui/format';
import { boxAt } from '../../parts/roi-choice';

/** torchvision's RoIHeads box coder weights (wx, wy, ww, wh). */
export const BOX_WEIGHTS: BoxWeights = [10, 10, 5, 5];

export interface ClassRow {
	cls: number;
	logit: number;
	prob: number;
}

/** Row `roi` of the box head's logits and the op's softmax, one entry per class (0 = background). */
export function classRows(
	classLogits: Float32Array,
	classProbs: Float32Array,
	roi: number,
	classes: number
): ClassRow[] {
	return Array.from({ length: classes }, (_, cls) => ({
		cls,
		logit: classLogits[roi * classes + cls],
		prob: classProbs[roi * classes + cls]
	}));
}

/** The foreground class with the highest probability (background can be higher: then this RoI is probably nothing). */
export function topForeground(rows: ClassRow[]): number {
	let best = 1;
	for (const r of rows) if (r.cls > 0 && r.prob > rows[best].prob) best = r.cls;
	return best;
}

export interface SoftmaxTerms {
	/** the largest logit, subtracted before exp for stability (as torch does) */
	max: number;
	/** e^(z_j − max) per class */
	exps: number[];
	sum: number;
}

/** The numbers that fill p_c = e^(z_c−m) / Σ_j e^(z_j−m) in the formula (the probabilities themselves come from the op). */
export function softmaxTerms(logits: number[]): SoftmaxTerms {
	const max = Math.max(...logits);
	const exps = logits.map((z) => Math.exp(z - max));
	return { max, exps, sum: exps.reduce((a, b) => a + b, 0) };
}

export interface DecodeTerms {
	proposal: [number, number, number, number];
	/** proposal width, height and centre */
	w: number;
	h: number;
	cx: number;
	cy: number;
	/** the head's raw deltas for this class, and the same divided by BOX_WEIGHTS */
	raw: [number, number, number, number];
	d: [number, number, number, number];
	/** true when dw or dh hit the clamp log(1000/16) */
	clamped: boolean;
	/** refined centre and size */
	pcx: number;
	pcy: number;
	pw: number;
	ph: number;
	/** the op's decoded box before clipping, and the op's clipped box (what post-processing uses) */
	decoded: [number, number, number, number];
	final: [number, number, number, number];
	clipped: boolean;
}

/**
 * The box decoding of proposal `roi` for class `cls`, spelled out. The two boxes come from the ops (decodeBoxes and
 * the trace's clipped classBoxes); the intermediate terms are only there to be printed in the formula.
 */
export function decodeTerms(
	det: DetectionTrace,
	boxDeltas: Float32Array,
	proposals: Float32Array,
	roi: number,
	cls: number
): DecodeTerms {
	const classes = det.classes;
	const o = 4 * (roi * classes + cls);
	const raw = Array.from(boxDeltas.subarray(o, o + 4)) as DecodeTerms['raw'];
	const proposal = boxAt(proposals, roi);
	const [x1, y1, x2, y2] = proposal;
	const w = x2 - x1;
	const h = y2 - y1;
	const cx = x1 + 0.5 * w;
	const cy = y1 + 0.5 * h;
	const d = raw.map((v, i) => v / BOX_WEIGHTS[i]) as DecodeTerms['d'];
	const dw = Math.min(d[2], BBOX_XFORM_CLIP);
	const dh = Math.min(d[3], BBOX_XFORM_CLIP);
	const decoded = boxAt(decodeBoxes(boxDeltas.slice(o, o + 4), new Float32Array(proposal), BOX_WEIGHTS), 0);
	const final = boxAt(det.classBoxes, roi * classes + cls);
	return {
		proposal,
		w,
		h,
		cx,
		cy,
		raw,
		d,
		clamped: dw !== d[2] || dh !== d[3],
		pcx: cx + d[0] * w,
		pcy: cy + d[1] * h,
		pw: w * Math.exp(dw),
		ph: h * Math.exp(dh),
		decoded,
		final,
		clipped: final.some((v, i) => v !== decoded[i])
	};
}

export interface HeadInputs {
	classLogits: Float32Array;
	boxDeltas: Float32Array;
	proposals: Float32Array;
	/** resized, unpadded image size [h, w] */
	imageSize: [number, number];
}

export interface PostprocessSettings {
	scoreThresh: number;
	nmsThresh: number;
	detectionsPerImage: number;
}

/** The box head's post-processing again, with other thresholds: the same op the model ran. */
export function rerunDetections(x: HeadInputs, s: PostprocessSettings): DetectionTrace {
	return postprocessDetections(x.classLogits, x.boxDeltas, x.proposals, {
		imageSize: x.imageSize,
		scoreThresh: s.scoreThresh,
		nmsThresh: s.nmsThresh,
		detectionsPerImage: s.detectionsPerImage
	});
}

export type Fate =
	| { kind: 'kept'; rank: number }
	| { kind: 'below'; score: number }
	| { kind: 'small' }
	| { kind: 'suppressed'; by: number; iou: number }
	| { kind: 'capped' };

/**
 * What happened to proposal `roi`'s box for foreground class `cls` in a post-processing run: kept (as detection
 * `rank`), at or below the score threshold, dropped as too small, suppressed by a kept same-class box with a higher
 * score (greedy NMS removes a box exactly when such a box overlaps it by more than the IoU threshold), or cut by the
 * per-image cap.
 */
export function fateOf(
	det: DetectionTrace,
	roi: number,
	cls: number,
	s: Pick<PostprocessSettings, 'scoreThresh' | 'nmsThresh'>
): Fate {
	const classes = det.classes;
	for (let i = 0; i < det.labels.length; i++)
		if (det.proposalIndex[i] === roi && det.labels[i] === cls) return { kind: 'kept', rank: i };
	const score = det.classProbs[roi * classes + cls];
	if (!(score > s.scoreThresh)) return { kind: 'below', score };
	const flat = roi * (classes - 1) + cls - 1;
	if (!det.candidates.includes(flat)) return { kind: 'small' };
	const mine = det.classBoxes.slice(4 * (roi * classes + cls), 4 * (roi * classes + cls) + 4);
	for (let i = 0; i < det.labels.length; i++) {
		if (det.labels[i] !== cls || det.scores[i] < score) continue;
		const iou = boxIou(mine, det.boxes.slice(4 * i, 4 * i + 4))[0];
		if (iou > s.nmsThresh) return { kind: 'suppressed', by: i, iou };
	}
	return { kind: 'capped' };
}

/** A positive number for a formula: fixed decimals from 0.001 up, else a power of ten (e^(z−m) is often tiny). */
export function sciTex(v: number, digits = 3): string {
	if (v === 0 || Math.abs(v) >= 10 ** -digits) return fmt(v, digits);
	const [m, e] = v.toExponential(2).split('e');
	return `${m}\\times10^{${Number(e)}}`;
}

export interface FinalRow {
	/** rank among the detections (0 = best) */
	i: number;
	label: number;
	score: number;
	/** the proposal the detection came from */
	proposal: number;
	box: [number, number, number, number];
}

/** The detections of a post-processing run as rows for the table and the picture, best first. */
export function finalRows(det: DetectionTrace): FinalRow[] {
	return Array.from(det.labels, (label, i) => ({
		i,
		label,
		score: det.scores[i],
		proposal: det.proposalIndex[i],
		box: boxAt(det.boxes, i)
	}));
}
