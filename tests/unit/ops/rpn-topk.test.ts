import { describe, expect, test } from 'vitest';
import { topkPerLevel } from '../../../src/lib/ops/rpn-topk';
import { loadFixture } from '../../helpers/pipeline-golden';

interface TopkFixture {
	rpn: { counts: number[]; seed: number; levels: number; k: number; indices: number[] }[];
}

/** The fixture script's deterministic tie-heavy logits (det_values): multiplicative hash, bucketed, ×0.25. */
function detValues(n: number, seed: number, levels: number): Float32Array {
	const out = new Float32Array(n);
	for (let i = 0; i < n; i++) {
		const h = ((Math.imul(i, 0x9e3779b1) >>> 0) + seed) >>> 0;
		out[i] = ((h >>> 7) % levels) - Math.floor(levels / 2);
		out[i] *= 0.25;
	}
	return out;
}

const fx = loadFixture<TopkFixture>('torch-topk.json');

describe('topkPerLevel = RegionProposalNetwork._get_top_n_idx (pre_nms_top_n 1000)', () => {
	for (const c of fx.rpn) {
		test(`levels ${c.counts.join('/')}: same indices and tie order as torchvision`, () => {
			const logits = detValues(
				c.counts.reduce((a, b) => a + b),
				c.seed,
				c.levels
			);
			const got = topkPerLevel(logits, c.counts, c.k);
			expect(got.length).toBe(c.indices.length);
			expect(Array.from(got)).toEqual(c.indices);
		});
	}

	test('each level keeps min(k, n) indices inside its own range, sorted by decreasing logit', () => {
		const counts = [5, 3, 2];
		const logits = Float32Array.from([1, 5, 3, 2, 4, 9, 8, 7, -1, -2]);
		const got = Array.from(topkPerLevel(logits, counts, 3));
		expect(got).toEqual([1, 4, 2, 5, 6, 7, 8, 9]);
	});

	test('bad input throws with the argument named', () => {
		const l = new Float32Array(4);
		expect(() => topkPerLevel(l, [2, 1], 2)).toThrow(/levelCounts must sum to logits.length 4/);
		expect(() => topkPerLevel(l, [2, 2], 0)).toThrow(/k must be a positive integer, got 0/);
		expect(() => topkPerLevel(Float32Array.from([0, NaN]), [2], 1)).toThrow(/logits\[1\]/);
		expect(() => topkPerLevel(l, [2, -2, 4], 1)).toThrow(/levelCounts\[1\]/);
	});
});
