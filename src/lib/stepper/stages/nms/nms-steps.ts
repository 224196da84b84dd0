// Data for the NMS stage. The RPN runs NMS separately on each pyramid level over the candidates that survived the
// small-box and score filters, then keeps the best postNmsTopN (filterProposals). These helpers rebuild exactly that
// input from the proposal trace, re-run the ops' batchedNms at another IoU threshold, and lay one level's suppression
// out step by step with the ops' nmsTrace.
import { batchedNms, nmsTrace, type NmsStep, type ProposalTrace } from '$lib/ops';

export interface RpnNmsInput {
	boxes: Float32Array;
	scores: Float32Array;
	/** RPN level of each box, 0 = P2 (the NMS groups) */
	groups: Int32Array;
	/** candidate position of each row (an entry of afterFilters) */
	candidates: Int32Array;
}

/** The rows filterProposals hands to batchedNms: the candidates in `afterFilters`, in that order. */
export function rpnNmsInput(p: ProposalTrace): RpnNmsInput {
	const c = p.afterFilters;
	const boxes = new Float32Array(4 * c.length);
	const scores = new Float32Array(c.length);
	const groups = new Int32Array(c.length);
	c.forEach((cand, j) => {
		boxes.set(p.candidateBoxes.subarray(4 * cand, 4 * cand + 4), 4 * j);
		scores[j] = p.candidateScores[cand];
		groups[j] = p.candidateLevels[cand];
	});
	return { boxes, scores, groups, candidates: Int32Array.from(c) };
}

/** Candidate positions the RPN would keep with IoU threshold `iou` (at the model's threshold: exactly `p.kept`). */
export function rerunRpnNms(input: RpnNmsInput, iou: number, postNmsTopN: number): Int32Array {
	const keep = batchedNms(input.boxes, input.scores, input.groups, iou).subarray(0, postNmsTopN);
	return keep.map((j) => input.candidates[j]);
}

export interface LevelSteps {
	/** candidate positions of this level's boxes, the NMS input */
	members: Int32Array;
	/** one step per kept box, indices translated to candidate positions */
	steps: NmsStep[];
}

/**
 * One level's NMS with every decision (the ops' nmsTrace on that level's boxes alone). For more than 1000 inputs
 * batchedNms itself loops over the levels like this; below that it runs one NMS on shifted coordinates, whose IoUs
 * can differ in the last float32 bit — the same boxes survive unless an IoU sits within an ulp of the threshold.
 */
export function levelSteps(input: RpnNmsInput, group: number, iou: number): LevelSteps {
	const rows: number[] = [];
	input.groups.forEach((g, j) => {
		if (g === group) rows.push(j);
	});
	const boxes = new Float32Array(4 * rows.length);
	const scores = new Float32Array(rows.length);
	rows.forEach((j, k) => {
		boxes.set(input.boxes.subarray(4 * j, 4 * j + 4), 4 * k);
		scores[k] = input.scores[j];
	});
	const t = nmsTrace(boxes, scores, iou);
	const cand = (k: number) => input.candidates[rows[k]];
	return {
		members: Int32Array.from(rows, (j) => input.candidates[j]),
		steps: t.steps.map((s) => ({ kept: cand(s.kept), suppressed: s.suppressed.map(cand), ious: s.ious }))
	};
}

export interface StepState {
	/** boxes kept in steps 0..k */
	kept: number[];
	/** boxes suppressed in steps 0..k−1 (earlier steps) */
	gone: number[];
	/** the box kept at step k and what it suppresses now */
	current: NmsStep | null;
	/** boxes not decided yet after step k */
	pending: number;
}

/** What the picture shows after step k (0-based) of a level's NMS. */
export function stepState(ls: LevelSteps, k: number): StepState {
	const upto = Math.min(Math.max(k, -1), ls.steps.length - 1);
	const kept: number[] = [];
	const gone: number[] = [];
	for (let i = 0; i <= upto; i++) {
		kept.push(ls.steps[i].kept);
		if (i < upto) gone.push(...ls.steps[i].suppressed);
	}
	const current = upto >= 0 ? ls.steps[upto] : null;
	const decided = kept.length + gone.length + (current ? current.suppressed.length : 0);
	return { kept, gone, current, pending: ls.members.length - decided };
}

/** How many of `candidates` fall on each RPN level (0 = P2), for `levels` levels. */
export function countPerLevel(p: ProposalTrace, candidates: ArrayLike<number>, levels: number): number[] {
	const out = new Array<number>(levels).fill(0);
	for (let i = 0; i < candidates.length; i++) out[p.candidateLevels[candidates[i]]]++;
	return out;
}

export interface IouParts {
	/** intersection width, height and area; the two areas; their union */
	iw: number;
	ih: number;
	inter: number;
	areaA: number;
	areaB: number;
	union: number;
}

/**
 * The pieces of IoU(a, b) for the formula (the decision itself is the trace's float32 IoU): overlap width and height
 * clamped at 0, and union = area(a) + area(b) − intersection.
 */
export function iouParts(a: ArrayLike<number>, b: ArrayLike<number>): IouParts {
	const iw = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
	const ih = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
	const areaA = (a[2] - a[0]) * (a[3] - a[1]);
	const areaB = (b[2] - b[0]) * (b[3] - b[1]);
	const inter = iw * ih;
	return { iw, ih, inter, areaA, areaB, union: areaA + areaB - inter };
}
