import { describe, expect, it } from 'vitest';
import { cRound } from '../../../src/lib/ops/c-round';

describe('cRound (C round: half away from zero)', () => {
	it('rounds halves away from zero, unlike Math.round', () => {
		expect([2.5, -2.5, 0.5, -0.5, 1.5, -1.5].map(cRound)).toEqual([3, -3, 1, -1, 2, -2]);
		expect(Math.round(-2.5)).toBe(-2); // the trap this function exists for
	});

	it('rounds non-halves to nearest and never returns −0', () => {
		expect([2.4999999, -2.4999999, 2.5000001, 0.49999997, 7].map(cRound)).toEqual([2, -2, 3, 0, 7]);
		expect(Object.is(cRound(-0.3), 0)).toBe(true);
		expect(Object.is(cRound(-0), 0)).toBe(true);
	});
});
