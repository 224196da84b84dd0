// RegionProposalNetwork.filter_proposals (eval): per-level top-k on logits → decode → sigmoid → clip → drop tiny boxes
// → score ≥ threshold → NMS within each level → keep the best N. Returned as a trace so a picture can show (and re-run
// with another threshold) every step.
import { sigmoid32 } from './activations';
import { decodeBoxes } from './box-coder';
import { clipBoxesToImage, removeSmallBoxes } from './boxes';
import { batchedNms } from './nms';
import { topkPerLevel } from './rpn-topk';
import { assertPositiveInt, formatValue } from './validate';

export interface ProposalOptions {
	/** anchors per pyramid level, in concatenation order (P2, P3, …) */
	levelCounts: readonly number[];
	/** resized, unpadded image size [h, w] — what boxes are clipped to */
	imageSize: [number, number];
	preNmsTopN?: number; // 1000
	postNmsTopN?: number; // 1000
	nmsThresh?: number; // 0.7
	minSize?: number; // 1e-3
	scoreThresh?: number; // 0
}

export interface ProposalTrace {
	/** anchor index of each top-k candidate (level after level, each by decreasing logit) */
	candidates: Int32Array;
	/** decoded, clipped candidate boxes [n*4], their sigmoid scores and RPN level (0 = P2) */
	candidateBoxes: Float32Array;
	candidateScores: Float32Array;
	candidateLevels: Int32Array;
	/** candidate positions that survive the small-box and score filters, then NMS (by decreasing score, ≤ postNmsTopN) */
	afterFilters: Int32Array;
	kept: Int32Array;
	/** the final proposals (rows of candidateBoxes at `kept`), scores and RPN levels */
	boxes: Float32Array;
	scores: Float32Array;
	levels: Int32Array;
}

export function filterProposals(
	logits: Float32Array,
	deltas: Float32Array,
	anchors: Float32Array,
	opts: ProposalOptions
): ProposalTrace {
	const n = logits.length;
	if (deltas.length !== 4 * n)
		throw new Error(`deltas.length must be 4 × logits.length = ${4 * n}, got ${deltas.length}`);
	if (anchors.length !== 4 * n)
		throw new Error(`anchors.length must be 4 × logits.length = ${4 * n}, got ${anchors.length}`);
	const pre = opts.preNmsTopN ?? 1000;
	const post = opts.postNmsTopN ?? 1000;
	assertPositiveInt('opts.preNmsTopN', pre);
	assertPositiveInt('opts.postNmsTopN', post);
	const thresh = opts.scoreThresh ?? 0;
	if (!Number.isFinite(thresh))
		throw new Error(`opts.scoreThresh must be finite, got ${formatValue(thresh)}`);

	const candidates = topkPerLevel(logits, opts.levelCounts, pre);
	const m = candidates.length;
	const levelOf = new Int32Array(n);
	let start = 0;
	opts.levelCounts.forEach((c, l) => {
		levelOf.fill(l, start, start + c);
		start += c;
	});
	const d = new Float32Array(4 * m);
	const ref = new Float32Array(4 * m);
	const candidateScores = new Float32Array(m);
	const candidateLevels = new Int32Array(m);
	for (let i = 0; i < m; i++) {
		const a = candidates[i];
		d.set(deltas.subarray(4 * a, 4 * a + 4), 4 * i);
		ref.set(anchors.subarray(4 * a, 4 * a + 4), 4 * i);
		candidateScores[i] = sigmoid32(logits[a]);
		candidateLevels[i] = levelOf[a];
	}
	const candidateBoxes = clipBoxesToImage(decodeBoxes(d, ref, [1, 1, 1, 1]), opts.imageSize);
	const big = removeSmallBoxes(candidateBoxes, opts.minSize ?? 1e-3);
	const afterFilters = big.filter((i) => candidateScores[i] >= thresh);

	const k = afterFilters.length;
	const fb = new Float32Array(4 * k);
	const fs = new Float32Array(k);
	const fl = new Int32Array(k);
	afterFilters.forEach((c, j) => {
		fb.set(candidateBoxes.subarray(4 * c, 4 * c + 4), 4 * j);
		fs[j] = candidateScores[c];
		fl[j] = candidateLevels[c];
	});
	const keep = batchedNms(fb, fs, fl, opts.nmsThresh ?? 0.7).subarray(0, post);
	const kept = keep.map((j) => afterFilters[j]);
	const boxes = new Float32Array(4 * kept.length);
	kept.forEach((c, j) => boxes.set(candidateBoxes.subarray(4 * c, 4 * c + 4), 4 * j));
	return {
		candidates,
		candidateBoxes,
		candidateScores,
		candidateLevels,
		afterFilters,
		kept,
		boxes,
		scores: kept.length ? Float32Array.from(kept, (c) => candidateScores[c]) : new Float32Array(0),
		levels: Int32Array.from(kept, (c) => candidateLevels[c])
	};
}
