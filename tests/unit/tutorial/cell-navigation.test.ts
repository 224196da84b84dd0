import { describe, expect, it } from 'vitest';
import { nextCellIndex } from '../../../src/lib/tutorial/cell-navigation';

describe('cell navigation', () => {
	it('starts at the first (j) or last (k) cell and stops at the ends', () => {
		expect(nextCellIndex(-1, 5, 1)).toBe(0);
		expect(nextCellIndex(-1, 5, -1)).toBe(4);
		expect(nextCellIndex(2, 5, 1)).toBe(3);
		expect(nextCellIndex(2, 5, -1)).toBe(1);
		expect(nextCellIndex(4, 5, 1)).toBeNull();
		expect(nextCellIndex(0, 5, -1)).toBeNull();
		expect(nextCellIndex(-1, 0, 1)).toBeNull();
	});
});
