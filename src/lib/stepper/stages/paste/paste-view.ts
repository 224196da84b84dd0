// Stage 10's data: how one detection's 28×28 probabilities become an image-sized mask (the ops' paste trace), and what
// the threshold does to it — its area and, on a synthetic scene, its overlap with the true object.
import { pasteMaskTrace, type PasteMaskTrace, type Tensor } from '$lib/ops';
import type { Instance } from '$lib/scenes';
import { areaAbove, binaryIou } from '../../parts/mask-compare';

/** The paste trace of detection `det`: its [1,1,M,M] probabilities placed at its original-image box. */
export function pasteOf(
	probs: Tensor,
	boxesOriginal: Float32Array,
	det: number,
	originalSize: [number, number]
): PasteMaskTrace {
	const [d, , mh, mw] = probs.shape;
	if (!Number.isInteger(det) || det < 0 || det >= d)
		throw new Error(`pasteOf: detection ${det} is not in 0..${d - 1}`);
	const plane = mh * mw;
	const mask: Tensor = { shape: [1, 1, mh, mw], data: probs.data.subarray(det * plane, (det + 1) * plane) };
	return pasteMaskTrace(mask, boxesOriginal.subarray(4 * det, 4 * det + 4), originalSize);
}

export interface ThresholdSummary {
	threshold: number;
	/** pixels of this detection's pasted mask with probability ≥ threshold */
	area: number;
	/** the scene object this mask overlaps most (by mask IoU), or null without ground truth */
	gtIndex: number | null;
	iou: number | null;
}

/** Mask IoU between one pasted plane thresholded at t and each ground-truth mask; the best one. */
export function thresholdSummary(
	pasted: Tensor,
	det: number,
	threshold: number,
	instances: Instance[] | null
): ThresholdSummary {
	const [, , h, w] = pasted.shape;
	const plane = pasted.data.subarray(det * h * w, (det + 1) * h * w);
	const area = areaAbove(plane, threshold);
	if (!instances || instances.length === 0) return { threshold, area, gtIndex: null, iou: null };
	let best = { gtIndex: 0, iou: -1 };
	instances.forEach((inst, g) => {
		if (inst.mask.length !== plane.length) return;
		const iou = binaryIou(plane, inst.mask, threshold, 1); // ground-truth masks are 0/1
		if (iou > best.iou) best = { gtIndex: g, iou };
	});
	return best.iou < 0 ? { threshold, area, gtIndex: null, iou: null } : { threshold, area, ...best };
}

/** Area and IoU with one ground-truth mask at evenly spaced thresholds (the "what if the threshold were…" curve). */
export function thresholdSweep(
	pasted: Tensor,
	det: number,
	gtMask: Uint8Array | null,
	steps = 19
): { threshold: number; area: number; iou: number | null }[] {
	const [, , h, w] = pasted.shape;
	const plane = pasted.data.subarray(det * h * w, (det + 1) * h * w);
	const ts = Array.from({ length: steps }, (_, i) => (i + 1) / (steps + 1));
	const area = new Array<number>(steps).fill(0);
	const inter = new Array<number>(steps).fill(0);
	let gtArea = 0;
	for (let i = 0; i < plane.length; i++) {
		const g = gtMask !== null && gtMask[i] === 1;
		if (g) gtArea++;
		const p = plane[i];
		if (p < ts[0]) continue;
		for (let k = 0; k < steps && p >= ts[k]; k++) {
			area[k]++;
			if (g) inter[k]++;
		}
	}
	return ts.map((threshold, k) => ({
		threshold,
		area: area[k],
		iou: gtMask === null ? null : inter[k] / (area[k] + gtArea - inter[k] || 1)
	}));
}

export interface DetectionSubset {
	boxes: Float32Array;
	labels: Int32Array;
	scores: Float32Array;
	masks: Tensor;
	/** indices into the full detection list */
	index: number[];
}

/**
 * The detections with score ≥ minScore (the model keeps everything above 0.05; a picture usually shows the sure
 * ones), with their rows of boxes [D*4] and pasted masks [D,1,H,W]. Selection only: no numbers are recomputed.
 */
export function detectionsAbove(
	boxes: Float32Array,
	labels: Int32Array,
	scores: Float32Array,
	pasted: Tensor,
	minScore: number
): DetectionSubset {
	const [, , h, w] = pasted.shape;
	const index: number[] = [];
	scores.forEach((s, i) => {
		if (s >= minScore) index.push(i);
	});
	const plane = h * w;
	const masks = new Float32Array(index.length * plane);
	index.forEach((d, j) => masks.set(pasted.data.subarray(d * plane, (d + 1) * plane), j * plane));
	return {
		boxes: Float32Array.from(index.flatMap((d) => Array.from(boxes.subarray(4 * d, 4 * d + 4)))),
		labels: Int32Array.from(index, (d) => labels[d]),
		scores: Float32Array.from(index, (d) => scores[d]),
		masks: { shape: [index.length, 1, h, w], data: masks },
		index
	};
}

/** Whether part of the enlarged box falls outside the image, so the paste keeps only some rows or columns of it. */
export function cutOff(
	paste: Pick<PasteMaskTrace, 'imageRegion' | 'maskRegion' | 'width' | 'height'>
): boolean {
	const r = paste.maskRegion;
	if (!paste.imageRegion || !r) return false;
	// maskRegion is [ya, yb, xa, xb) of the resized mask
	return r[0] > 0 || r[2] > 0 || r[1] < paste.height || r[3] < paste.width;
}

/**
 * The threshold curve as two SVG polylines in a width × height box: x = threshold, area relative to its largest
 * value (at least 1), and IoU with the true object for the points that have one ("" without ground truth).
 */
export function sweepChart(
	sweep: { threshold: number; area: number; iou: number | null }[],
	width = 200,
	height = 80
): { area: string; iou: string } {
	const amax = Math.max(1, ...sweep.map((s) => s.area));
	const area = sweep.map((s) => `${s.threshold * width},${height - (s.area / amax) * height}`);
	const iou = sweep
		.filter((s) => s.iou !== null)
		.map((s) => `${s.threshold * width},${height - (s.iou ?? 0) * height}`);
	return { area: area.join(' '), iou: iou.join(' ') };
}
