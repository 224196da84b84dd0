// The RPN keeps the best proposals of EACH pyramid level separately (RegionProposalNetwork._get_top_n_idx):
// top-k on the raw objectness logits (not on sigmoid scores), sorted descending within a level, levels concatenated.
import { topk } from './torch-sort';
import { assertNonNegativeInt, assertPositiveInt, formatValue } from './validate';

/**
 * Global indices of the top `min(k, n_l)` logits of every level, level after level (each level's slice is sorted by
 * decreasing logit; equal logits in torch's `topk` order). `levelCounts` = anchors per level, summing to the length.
 */
export function topkPerLevel(logits: Float32Array, levelCounts: readonly number[], k: number): Int32Array {
	if (!(logits instanceof Float32Array))
		throw new Error(`logits must be a Float32Array, got ${formatValue(logits)}`);
	assertPositiveInt('k', k);
	let total = 0;
	levelCounts.forEach((c, i) => {
		assertNonNegativeInt(`levelCounts[${i}]`, c);
		total += c;
	});
	if (total !== logits.length)
		throw new Error(
			`levelCounts must sum to logits.length ${logits.length}, got ${formatValue(levelCounts)}`
		);
	for (let i = 0; i < logits.length; i++)
		if (Number.isNaN(logits[i])) throw new Error(`logits[${i}] must be a number (not NaN), got NaN`);
	const parts: Int32Array[] = [];
	let offset = 0;
	let size = 0;
	for (const count of levelCounts) {
		const idx = topk(logits.subarray(offset, offset + count), Math.min(k, count));
		for (let i = 0; i < idx.length; i++) idx[i] += offset;
		parts.push(idx);
		size += idx.length;
		offset += count;
	}
	const out = new Int32Array(size);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
