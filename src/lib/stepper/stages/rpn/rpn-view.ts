// Data for the RPN stage: per-level objectness maps from the real logits, and for the top proposals where each came
// from (its anchor, the deltas the head predicted, the decoded box). Boxes and scores come from the model's proposal
// trace; the one decode shown step by step is re-run through the ops' decodeBoxes.
import { decodeBoxes, sigmoid32, type AnchorLevel, type ProposalTrace } from '$lib/ops';
import type { Box4 } from '../anchors/anchor-view';

/**
 * Objectness per grid location of one level: for anchor `anchor` (0..A−1) at each location, or with 'max' the most
 * confident of its anchors; as a probability (sigmoid of the logit) or as the raw logit — the probabilities of a
 * trained RPN are ~0 almost everywhere, so the log-odds show more structure. Row-major [gridH·gridW].
 */
export function objectnessGrid(
	logits: Float32Array,
	level: AnchorLevel,
	anchor: number | 'max',
	as: 'probability' | 'logit' = 'probability'
): Float32Array {
	const [gh, gw] = level.gridSize;
	const a = level.anchorsPerLocation;
	const out = new Float32Array(gh * gw);
	for (let p = 0; p < gh * gw; p++) {
		const base = level.offset + p * a;
		let best = -Infinity;
		if (anchor === 'max') for (let k = 0; k < a; k++) best = Math.max(best, logits[base + k]);
		else best = logits[base + anchor];
		out[p] = as === 'logit' ? best : sigmoid32(best);
	}
	return out;
}

export interface ProposalOrigin {
	/** row in trace.proposals.boxes (the selection's `roi`) */
	roi: number;
	/** position among the top-k candidates, and the anchor row it came from */
	candidate: number;
	anchorIndex: number;
	/** pyramid level 2..6 of the anchor */
	level: number;
	anchor: Box4;
	deltas: Box4;
	/** decoded and clipped to the image (the proposal itself) */
	box: Box4;
	score: number;
}

const row = (a: ArrayLike<number>, i: number): Box4 => [a[4 * i], a[4 * i + 1], a[4 * i + 2], a[4 * i + 3]];

/** The first `n` final proposals (they are sorted by decreasing score) with the anchor and deltas behind each. */
export function proposalOrigins(
	p: ProposalTrace,
	anchors: Float32Array,
	deltas: Float32Array,
	n: number
): ProposalOrigin[] {
	const m = Math.min(n, p.kept.length);
	return Array.from({ length: m }, (_, roi) => {
		const c = p.kept[roi];
		const a = p.candidates[c];
		return {
			roi,
			candidate: c,
			anchorIndex: a,
			level: p.candidateLevels[c] + 2,
			anchor: row(anchors, a),
			deltas: row(deltas, a),
			box: row(p.candidateBoxes, c),
			score: p.candidateScores[c]
		};
	});
}

export interface DecodeSteps {
	w: number;
	h: number;
	cx: number;
	cy: number;
	/** predicted centre and size */
	pcx: number;
	pcy: number;
	pw: number;
	ph: number;
	/** the decoded box before clipping (from decodeBoxes), and whether clipping changed it */
	unclipped: Box4;
	clipped: boolean;
}

/**
 * The intermediate numbers of the box coding for one anchor, for the formula. The RPN's weights are (1, 1, 1, 1); the
 * final box is the ops' decodeBoxes result, the centre/size lines are the same arithmetic spelled out.
 */
export function decodeSteps(o: ProposalOrigin): DecodeSteps {
	const [x1, y1, x2, y2] = o.anchor;
	const [dx, dy] = o.deltas;
	const w = x2 - x1;
	const h = y2 - y1;
	const cx = x1 + 0.5 * w;
	const cy = y1 + 0.5 * h;
	const unclipped = row(
		decodeBoxes(Float32Array.from(o.deltas), Float32Array.from(o.anchor), [1, 1, 1, 1]),
		0
	);
	return {
		w,
		h,
		cx,
		cy,
		pcx: dx * w + cx,
		pcy: dy * h + cy,
		pw: unclipped[2] - unclipped[0],
		ph: unclipped[3] - unclipped[1],
		unclipped,
		clipped: unclipped.some((v, k) => v !== o.box[k])
	};
}

/** The grid location (row, column) of `level` whose anchors include row `anchorIndex` of the anchor list. */
export function anchorLocation(level: AnchorLevel, anchorIndex: number): { row: number; col: number } {
	const pos = Math.floor((anchorIndex - level.offset) / level.anchorsPerLocation);
	return { row: Math.floor(pos / level.gridSize[1]), col: pos % level.gridSize[1] };
}

/**
 * One colour domain for every level's map, so levels compare: 0..1 for probabilities, the logits' range over all
 * levels otherwise ([0, 1] when there are no values).
 */
export function objectnessDomain(
	grids: readonly ArrayLike<number>[],
	as: 'probability' | 'logit'
): [number, number] {
	if (as === 'probability') return [0, 1];
	let lo = Infinity;
	let hi = -Infinity;
	for (const g of grids)
		for (let i = 0; i < g.length; i++) {
			const v = g[i];
			if (v < lo) lo = v;
			if (v > hi) hi = v;
		}
	return Number.isFinite(lo) ? [lo, hi] : [0, 1];
}
