import { expect, test } from 'vitest';
import { boxAtPoint, levelHistogram } from '../../../src/lib/stepper/stages/levels/level-view';

test('levelHistogram counts every level in range, zeros included', () => {
	expect(levelHistogram(Int32Array.from([2, 2, 5, 3, 2]))).toEqual([
		{ level: 2, count: 3 },
		{ level: 3, count: 1 },
		{ level: 4, count: 0 },
		{ level: 5, count: 1 }
	]);
});

test('boxAtPoint prefers the smallest box containing the point', () => {
	const boxes = Float32Array.from([0, 0, 100, 100, 10, 10, 30, 30, 50, 50, 60, 60]);
	expect(boxAtPoint(boxes, 20, 20)).toBe(1);
	expect(boxAtPoint(boxes, 80, 80)).toBe(0);
	expect(boxAtPoint(boxes, 200, 5)).toBe(-1);
	expect(boxAtPoint(boxes, 55, 55, 2)).toBe(0); // only the first two boxes considered
});
