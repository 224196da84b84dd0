import { describe, expect, test } from 'vitest';
import { FULL_TABLE_SIDE, numbersView } from '$lib/ui/numbers-table';

describe('numbersView', () => {
	test('a small grid is listed whole, row by row', () => {
		const v = numbersView([1, 2, 3, 4, 5, 6], 3, 2);
		expect(v).toEqual({
			kind: 'full',
			width: 3,
			height: 2,
			rows: [
				[1, 2, 3],
				[4, 5, 6]
			]
		});
	});

	test('a large grid lists its range and largest cells, largest first, ties in reading order, NaN skipped', () => {
		const w = FULL_TABLE_SIDE + 1;
		const values = new Float32Array(w * 2).fill(0);
		values[5] = 3; // row 0, col 5
		values[w + 1] = 3; // row 1, col 1: ties with the first, comes after it
		values[7] = 9;
		values[8] = Number.NaN;
		values[9] = -2;
		const v = numbersView(values, w, 2, 3);
		if (v.kind !== 'top') throw new Error('expected the top view');
		expect(v.min).toBe(-2);
		expect(v.max).toBe(9);
		expect(v.cells).toEqual([
			{ row: 0, col: 7, value: 9 },
			{ row: 0, col: 5, value: 3 },
			{ row: 1, col: 1, value: 3 }
		]);
	});

	test('bad sizes name the argument', () => {
		expect(() => numbersView([1, 2], 0, 2)).toThrow(/width/);
		expect(() => numbersView([1, 2], 2, 1.5)).toThrow(/height/);
		expect(() => numbersView([1, 2, 3], 2, 2)).toThrow(/values has 3 entries/);
	});
});
