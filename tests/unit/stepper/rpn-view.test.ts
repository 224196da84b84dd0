import { describe, expect, test } from 'vitest';
import { sigmoid32 } from '../../../src/lib/ops';
import {
	anchorLocation,
	decodeSteps,
	objectnessDomain,
	objectnessGrid,
	proposalOrigins
} from '../../../src/lib/stepper/stages/rpn/rpn-view';
import { anchorsAt } from '../../../src/lib/stepper/stages/anchors/anchor-view';
import { smallRpn } from '../../helpers/stepper-fixture';

const { levels, anchors, logits, deltas, proposals } = smallRpn();

describe('objectnessGrid', () => {
	test('one probability per location: the chosen anchor, or the best of the three', () => {
		const p4 = levels[2]; // 8×8
		const one = objectnessGrid(logits, p4, 1);
		const best = objectnessGrid(logits, p4, 'max');
		expect(one.length).toBe(64);
		const loc = 2 * 8 + 3;
		expect(one[loc]).toBe(sigmoid32(logits[p4.offset + loc * 3 + 1]));
		const three = [0, 1, 2].map((k) => sigmoid32(logits[p4.offset + loc * 3 + k]));
		expect(best[loc]).toBe(Math.max(...three));
		for (let i = 0; i < 64; i++) expect(best[i]).toBeGreaterThanOrEqual(one[i]);
	});
});

describe('proposalOrigins', () => {
	const origins = proposalOrigins(proposals, anchors, deltas, 5);
	test('the first n final proposals, each traced back to its anchor', () => {
		expect(origins).toHaveLength(5);
		origins.forEach((o, j) => {
			expect(o.roi).toBe(j);
			expect(o.box).toEqual(Array.from(proposals.boxes.subarray(4 * j, 4 * j + 4)));
			expect(o.score).toBe(proposals.scores[j]);
			expect(o.level).toBe(proposals.levels[j] + 2);
			expect(o.anchor).toEqual(Array.from(anchors.subarray(4 * o.anchorIndex, 4 * o.anchorIndex + 4)));
			expect(o.score).toBe(sigmoid32(logits[o.anchorIndex]));
		});
		expect(proposalOrigins(proposals, anchors, deltas, 1e9)).toHaveLength(proposals.kept.length);
	});

	test('decodeSteps: the spelled-out centre and size give the ops box; clipping is flagged', () => {
		for (const o of proposalOrigins(proposals, anchors, deltas, 50)) {
			const s = decodeSteps(o);
			expect(s.pcx - s.pw / 2).toBeCloseTo(s.unclipped[0], 3);
			expect(s.pcy + s.ph / 2).toBeCloseTo(s.unclipped[3], 3);
			expect(s.pw).toBeCloseTo(Math.exp(o.deltas[2]) * s.w, 3);
			expect(s.clipped).toBe(s.unclipped.some((v, k) => v !== o.box[k]));
			if (!s.clipped) expect(s.unclipped).toEqual(o.box);
		}
	});
});

test('objectnessGrid as logits: the raw values, whose sigmoid is the probability map', () => {
	const p3 = levels[1];
	const lg = objectnessGrid(logits, p3, 'max', 'logit');
	const pr = objectnessGrid(logits, p3, 'max');
	for (let i = 0; i < lg.length; i += 17) expect(pr[i]).toBe(sigmoid32(lg[i]));
	expect(lg[0]).toBe(Math.max(logits[p3.offset], logits[p3.offset + 1], logits[p3.offset + 2]));
});

describe('the maps of the stage', () => {
	test('anchorLocation is the location whose anchors include the row (the inverse of anchorsAt)', () => {
		for (const [li, row, col] of [
			[0, 0, 0],
			[1, 3, 5],
			[2, 7, 2],
			[4, 1, 1]
		]) {
			const level = levels[li];
			for (const a of anchorsAt(anchors, level, { row, col }, [16], [0.5, 1, 2]))
				expect(anchorLocation(level, a.index)).toEqual({ row, col });
		}
		// every proposal's anchor lies on its own level's grid
		for (const o of proposalOrigins(proposals, anchors, deltas, 20)) {
			const l = levels[o.level - 2];
			const { row, col } = anchorLocation(l, o.anchorIndex);
			expect(row).toBeGreaterThanOrEqual(0);
			expect(row).toBeLessThan(l.gridSize[0]);
			expect(col).toBeLessThan(l.gridSize[1]);
		}
	});

	test('objectnessDomain: 0..1 for probabilities, the range over every level for logits', () => {
		const grids = levels.map((l) => objectnessGrid(logits, l, 'max', 'logit'));
		const all = grids.flatMap((g) => Array.from(g));
		expect(objectnessDomain(grids, 'probability')).toEqual([0, 1]);
		expect(objectnessDomain(grids, 'logit')).toEqual([Math.min(...all), Math.max(...all)]);
		expect(objectnessDomain([Float32Array.from([-3, 2]), Float32Array.from([5])], 'logit')).toEqual([-3, 5]);
		expect(objectnessDomain([new Float32Array(0)], 'logit')).toEqual([0, 1]);
	});
});
