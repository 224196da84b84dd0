import { describe, expect, test } from 'vitest';
import { formatState, parseState, type Codec } from '../../../src/lib/url/codec';
import {
	formatScore,
	parseScore,
	scoreField,
	SCORE_DEFAULT,
	snapScore
} from '../../../src/lib/ui/score-threshold';
import { seedField } from '../../../src/lib/stepper/stepper-url';

interface S {
	seed: number;
	score: number;
}
const codec: Codec<S> = { clone: (s) => ({ ...s }), fields: [seedField<S>(), scoreField<S>()] };
const defaults: S = { seed: 7, score: SCORE_DEFAULT };
const parse = (q: string) => parseState(codec, new URLSearchParams(q), { defaults });

describe('score= in a link', () => {
	test('old links without score= mean 0.5', () => {
		expect(parse('seed=7')).toEqual({ state: { seed: 7, score: 0.5 }, notices: [] });
	});
	test('values on the 0.05 grid from 0.05 to 0.95', () => {
		expect(parse('score=0.05').state.score).toBe(0.05);
		expect(parse('score=0.35').state.score).toBe(0.35);
		expect(parse('score=.9').state.score).toBe(0.9);
		expect(parse('score=0.950').state.score).toBe(0.95);
	});
	test('anything else falls back to 0.5 with a notice', () => {
		for (const raw of ['0', '1', '0.33', '0.96', '-0.5', '5e-1', 'NaN', '', '<b>']) {
			const { state, notices } = parse(`score=${encodeURIComponent(raw)}`);
			expect(state.score).toBe(0.5);
			expect(notices).toHaveLength(1);
			expect(notices[0]).toMatch(
				/Ignored score=".*": expected a score from 0.05 to 0.95 in steps of 0.05\. Showing scores ≥ 0.5\./
			);
		}
	});
	test('written only when not 0.5, as the shortest decimal', () => {
		expect(formatState(codec, { seed: 7, score: 0.5 }, { defaults })).toEqual([]);
		expect(formatState(codec, { seed: 7, score: 0.7000000000000001 }, { defaults })).toEqual([
			['score', '0.7']
		]);
		expect(formatState(codec, { seed: 3, score: 0.05 }, { defaults })).toEqual([
			['seed', '3'],
			['score', '0.05']
		]);
	});
	test('round trip of every slider position', () => {
		for (let k = 1; k <= 19; k++) {
			const v = snapScore(k * 0.05);
			expect(parseScore(formatScore(v))).toBe(v);
		}
	});
});

describe('snapScore', () => {
	test('nearest grid value, clamped to 0.05..0.95', () => {
		expect(snapScore(0.15000000000000002)).toBe(0.15);
		expect(snapScore(0.53)).toBe(0.55);
		expect(snapScore(0)).toBe(0.05);
		expect(snapScore(1)).toBe(0.95);
		expect(() => snapScore(NaN)).toThrow(/score/);
	});
});
