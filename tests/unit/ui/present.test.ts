import { describe, expect, it } from 'vitest';
import { presentFromQuery, stepKey } from '$lib/ui/present';

describe('presenter mode', () => {
	it('is on for present=1 only', () => {
		expect(presentFromQuery(new URLSearchParams('present=1'))).toBe(true);
		for (const q of ['', 'present=0', 'present=', 'present=true', 'present=%31%31', 'x=1'])
			expect(presentFromQuery(new URLSearchParams(q)), q).toBe(false);
	});
	it('reads a clicker: PageUp / PageDown as the arrows, every other key as nothing', () => {
		expect([stepKey({ key: 'PageUp' }), stepKey({ key: 'ArrowLeft' })]).toEqual([-1, -1]);
		expect([stepKey({ key: 'PageDown' }), stepKey({ key: 'ArrowRight' })]).toEqual([1, 1]);
		for (const key of ['ArrowUp', ' ', 'Enter', 'b', 'Home']) expect(stepKey({ key })).toBe(0);
	});
});
