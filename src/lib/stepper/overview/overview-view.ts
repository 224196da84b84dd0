// Data for the overview: the network's nodes in order with their tensor shapes, and the path one detection took
// through them (its anchor, proposal, pyramid level, pooled features, class scores, mask). Everything is read from the
// trace, or recomputed by the ops (the pooled 7×7 of one preview channel), never re-derived here.
import { roiAlign, type Tensor } from '$lib/ops';
import type { ModelTrace } from '$lib/model/lite';
import type { Box4 } from '../stages/anchors/anchor-view';

/** The inference chain, one node per stepper stage (stage 11, training, hangs off the chain). */
export const OVERVIEW_NODES = [
	{ id: 1, slug: 'input', label: 'Input', sub: 'normalize, resize, pad' },
	{ id: 2, slug: 'features', label: 'Backbone + FPN', sub: 'C2–C5 → P2–P6' },
	{ id: 3, slug: 'anchors', label: 'Anchors', sub: '3 shapes per cell' },
	{ id: 4, slug: 'rpn', label: 'RPN', sub: 'objectness' },
	{ id: 5, slug: 'nms', label: 'Proposals', sub: 'after NMS' },
	{ id: 6, slug: 'levels', label: 'FPN level', sub: 'per RoI' },
	{ id: 7, slug: 'roi-align', label: 'RoIAlign', sub: '7×7 · 14×14' },
	{ id: 8, slug: 'box-head', label: 'Box head', sub: 'classes, boxes' },
	{ id: 9, slug: 'mask-head', label: 'Mask head', sub: '28×28 per class' },
	{ id: 10, slug: 'paste', label: 'Masks', sub: 'pasted, thresholded' }
] as const;

/** Stages beside the chain: how the same network is trained. */
export const OFF_CHAIN = [
	{ id: 11, slug: 'training', label: 'Training', sub: 'targets and losses' }
] as const;

export type OverviewSlug = (typeof OVERVIEW_NODES)[number]['slug'];

const n = (v: number) => v.toLocaleString('en-US');

/** The tensor shape each node hands on, as a short string (NCHW, as PyTorch prints it). */
export function nodeShapes(t: ModelTrace): Record<OverviewSlug, string> {
	const [hp, wp] = t.input.paddedSize;
	const anchors = t.rpn.anchors.length / 4;
	const rois = t.proposals.boxes.length / 4;
	const dets = t.detections.labels.length;
	const classes = t.classNames.length;
	const p2 = t.features.p[0]?.shape;
	const ch = p2 ? p2[3] : 0;
	const m = t.masks.logits.shape[2] ?? 28;
	const [h, w] = t.input.originalSize;
	return {
		input: `1×3×${hp}×${wp}`,
		features: p2 ? `P2 1×${ch}×${p2[1]}×${p2[2]}` : '',
		anchors: `${n(anchors)}×4`,
		rpn: `${n(anchors)} logits`,
		nms: `${n(rois)}×4`,
		levels: `${n(rois)} → P2–P5`,
		'roi-align': `${n(rois)}×${ch}×7×7`,
		'box-head': `${n(rois)}×${classes} · ${n(rois)}×${classes * 4}`,
		'mask-head': `${n(dets)}×${classes}×${m}×${m}`,
		paste: `${n(dets)}×${h}×${w}`
	};
}

/** Detections at or above `minScore`, as indices into trace.detections (already in decreasing score). */
export function shownDetections(t: ModelTrace, minScore: number): number[] {
	const out: number[] = [];
	for (let d = 0; d < t.detections.scores.length; d++) if (t.detections.scores[d] >= minScore) out.push(d);
	return out;
}

export interface FollowPath {
	det: number;
	/** row of trace.proposals (the RoI the box head refined) */
	proposal: number;
	/** the anchor it was decoded from, its RPN level 2..6 and its objectness */
	anchor: number;
	anchorBox: Box4;
	rpnLevel: number;
	objectness: number;
	proposalBox: Box4;
	/** the FPN level its box was pooled from (2..5), for the box head and again for the mask head */
	poolLevel: number;
	maskLevel: number;
	label: number;
	score: number;
	/** softmax over the classes for its proposal (0 = background) */
	classProbs: number[];
	/** the final box, resized-image pixels */
	box: Box4;
}

const row = (a: ArrayLike<number>, i: number): Box4 => [a[4 * i], a[4 * i + 1], a[4 * i + 2], a[4 * i + 3]];

/** Where detection `det` came from, read back through the trace's indices; null when there is no such detection. */
export function followPath(t: ModelTrace, det: number): FollowPath | null {
	if (!Number.isInteger(det) || det < 0 || det >= t.detections.labels.length) return null;
	const proposal = t.detections.proposalIndex[det];
	const p = t.proposals;
	const candidate = p.kept[proposal];
	const anchor = p.candidates[candidate];
	const classes = t.classNames.length;
	const probs = t.boxHead.detections.classProbs;
	return {
		det,
		proposal,
		anchor,
		anchorBox: row(t.rpn.anchors, anchor),
		rpnLevel: p.candidateLevels[candidate] + 2,
		objectness: p.candidateScores[candidate],
		proposalBox: row(p.boxes, proposal),
		poolLevel: t.proposalLevels[proposal],
		maskLevel: t.detections.levels[det],
		label: t.detections.labels[det],
		score: t.detections.scores[det],
		classProbs: Array.from({ length: classes }, (_, c) => probs[proposal * classes + c]),
		box: row(t.detections.boxes, det)
	};
}

/**
 * One channel of a pyramid level pooled over `box` by the ops' RoIAlign, as the box head's input is (torchvision's
 * MultiScaleRoIAlign: scale 1/2^level, sampling ratio 2, aligned=False). `plane` is that level's [1,1,H,W] channel.
 */
export function pooledPreview(
	plane: Tensor,
	box: Box4,
	level: number,
	outputSize = 7,
	samplingRatio = 2
): Tensor {
	const boxes: Tensor = { shape: [1, 5], data: Float32Array.from([0, ...box]) };
	return roiAlign(plane, boxes, {
		outputSize,
		spatialScale: 1 / 2 ** level,
		samplingRatio,
		aligned: false
	});
}
