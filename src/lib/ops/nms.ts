// Non-maximum suppression exactly as torchvision 0.14's CPU kernel: visit boxes by decreasing score (equal scores
// in ascending index order — the installed kernel sorts stably), keep a box unless already suppressed, and suppress
// every later box whose float32 IoU with it is STRICTLY greater than the threshold (IoU == threshold survives).
// batched_nms' per-group variant then merges with Python's `sort(descending=True)`, which is NOT stable (introsort).
import { f } from './float32';
import { sortDescending, sortDescendingStable } from './torch-sort';
import { assertBoxes, assertScores, assertUnitInterval } from './validate-boxes';
import { formatValue } from './validate';

/** One step of NMS: the box kept, and the boxes it suppressed with their IoUs (all > threshold). */
export interface NmsStep {
	kept: number;
	suppressed: number[];
	ious: number[];
}

export interface NmsTrace {
	order: Int32Array; // box indices by decreasing score (ties: lower index first), the visiting order
	steps: NmsStep[]; // one per kept box, in the order they were kept
	keep: Int32Array; // == nms(...)
}

function checked(boxes: Float32Array, scores: Float32Array, iouThreshold: number): number {
	const n = assertBoxes('boxes', boxes);
	assertScores('scores', scores, n);
	assertUnitInterval('iouThreshold', iouThreshold);
	return n;
}

/**
 * The kernel; `onStep` (optional) receives each kept box with what it suppressed. Coordinates are copied into
 * visiting order so the O(n²) inner loop reads memory sequentially, and pairs whose overlap is empty are skipped
 * (their IoU is 0, or NaN for two empty boxes, and neither is > a threshold in [0, 1]) — same decisions as torch.
 */
function runNms(
	boxes: Float32Array,
	scores: Float32Array,
	iouThreshold: number,
	onStep?: (step: NmsStep) => void
): Int32Array {
	const n = scores.length;
	const order = sortDescendingStable(scores);
	const x1 = new Float32Array(n);
	const y1 = new Float32Array(n);
	const x2 = new Float32Array(n);
	const y2 = new Float32Array(n);
	const area = new Float32Array(n);
	for (let r = 0; r < n; r++) {
		const o = order[r] * 4;
		x1[r] = boxes[o];
		y1[r] = boxes[o + 1];
		x2[r] = boxes[o + 2];
		y2[r] = boxes[o + 3];
		area[r] = f(f(x2[r] - x1[r]) * f(y2[r] - y1[r]));
	}
	const suppressed = new Uint8Array(n); // by rank
	const keep: number[] = [];
	for (let a = 0; a < n; a++) {
		if (suppressed[a]) continue;
		keep.push(order[a]);
		const step: NmsStep | null = onStep ? { kept: order[a], suppressed: [], ious: [] } : null;
		const ax1 = x1[a];
		const ay1 = y1[a];
		const ax2 = x2[a];
		const ay2 = y2[a];
		const aArea = area[a];
		for (let b = a + 1; b < n; b++) {
			if (suppressed[b]) continue;
			const w = f((ax2 < x2[b] ? ax2 : x2[b]) - (ax1 > x1[b] ? ax1 : x1[b]));
			if (!(w > 0)) continue;
			const h = f((ay2 < y2[b] ? ay2 : y2[b]) - (ay1 > y1[b] ? ay1 : y1[b]));
			if (!(h > 0)) continue;
			const inter = f(w * h);
			const iou = f(inter / f(f(aArea + area[b]) - inter));
			if (iou > iouThreshold) {
				suppressed[b] = 1;
				if (step) {
					step.suppressed.push(order[b]);
					step.ious.push(iou);
				}
			}
		}
		if (step && onStep) onStep(step);
	}
	return Int32Array.from(keep);
}

/** Indices of the boxes NMS keeps, by decreasing score (`torchvision.ops.nms`). */
export function nms(boxes: Float32Array, scores: Float32Array, iouThreshold: number): Int32Array {
	checked(boxes, scores, iouThreshold);
	return runNms(boxes, scores, iouThreshold);
}

/** NMS with every decision recorded, for drawing. */
export function nmsTrace(boxes: Float32Array, scores: Float32Array, iouThreshold: number): NmsTrace {
	checked(boxes, scores, iouThreshold);
	const steps: NmsStep[] = [];
	const keep = runNms(boxes, scores, iouThreshold, (s) => steps.push(s));
	return { order: sortDescendingStable(scores), steps, keep };
}

/** Which of torchvision's two `batched_nms` implementations runs on the CPU for n boxes (switch at 4000 numbers). */
export function batchedNmsStrategy(n: number): 'coordinate-trick' | 'per-group' {
	return n * 4 > 4000 ? 'per-group' : 'coordinate-trick';
}

/**
 * NMS independently per group (class or pyramid level), as `torchvision.ops.batched_nms` on the CPU: up to 1000 boxes
 * it shifts each group by `group · (max coordinate + 1)` in float32 and runs one NMS (the shift rounds coordinates,
 * so IoUs can differ from the unshifted ones by an ulp — reproduced exactly); above that it loops over the groups and
 * merges the kept boxes by a (torch-ordered) descending sort of their scores.
 */
export function batchedNms(
	boxes: Float32Array,
	scores: Float32Array,
	groups: Int32Array,
	iouThreshold: number
): Int32Array {
	const n = checked(boxes, scores, iouThreshold);
	if (!(groups instanceof Int32Array))
		throw new Error(`groups must be an Int32Array, got ${formatValue(groups)}`);
	if (groups.length !== n) throw new Error(`groups.length must be ${n} (one per box), got ${groups.length}`);
	if (n === 0) return new Int32Array(0);

	if (batchedNmsStrategy(n) === 'coordinate-trick') {
		let max = -Infinity;
		for (let i = 0; i < boxes.length; i++) if (boxes[i] > max) max = boxes[i];
		const step = f(max + 1);
		const shifted = new Float32Array(boxes.length);
		for (let i = 0; i < n; i++) {
			const off = f(f(groups[i]) * step);
			for (let k = 0; k < 4; k++) shifted[i * 4 + k] = f(boxes[i * 4 + k] + off);
		}
		return runNms(shifted, scores, iouThreshold);
	}

	const keepMask = new Uint8Array(n);
	const ids = Array.from(new Set(groups)).sort((a, b) => a - b);
	for (const g of ids) {
		const members: number[] = [];
		for (let i = 0; i < n; i++) if (groups[i] === g) members.push(i);
		const sub = new Float32Array(members.length * 4);
		const subScores = new Float32Array(members.length);
		members.forEach((m, k) => {
			sub.set(boxes.subarray(m * 4, m * 4 + 4), k * 4);
			subScores[k] = scores[m];
		});
		for (const k of runNms(sub, subScores, iouThreshold)) keepMask[members[k]] = 1;
	}
	const kept: number[] = [];
	for (let i = 0; i < n; i++) if (keepMask[i]) kept.push(i);
	const order = sortDescending(kept.map((i) => scores[i]));
	return Int32Array.from(order, (k) => kept[k]);
}
