import { describe, expect, test } from 'vitest';
import {
	boxFromCorners,
	dragBox,
	keyEdit,
	moveBox,
	resizeBox,
	snapBox,
	type Bounds
} from '../../../src/lib/ui/box';
import { type Box } from '../../../src/lib/ui/box';

const bounds: Bounds = { x0: -50, y0: -50, x1: 250, y1: 250 };
const box: Box = [10, 20, 110, 70];

describe('moveBox', () => {
	test('translates and keeps the size', () => {
		expect(moveBox(box, 5, -7, bounds)).toEqual([15, 13, 115, 63]);
	});
	test('stops at each bound', () => {
		expect(moveBox(box, -1000, 0, bounds)).toEqual([-50, 20, 50, 70]);
		expect(moveBox(box, 1000, 1000, bounds)).toEqual([150, 200, 250, 250]);
	});
});

describe('resizeBox', () => {
	test('a corner moves two edges, an edge one', () => {
		expect(resizeBox(box, 'se', 10, 5, bounds, 1)).toEqual([10, 20, 120, 75]);
		expect(resizeBox(box, 'nw', -10, -5, bounds, 1)).toEqual([0, 15, 110, 70]);
		expect(resizeBox(box, 'e', 10, 99, bounds, 1)).toEqual([10, 20, 120, 70]);
		expect(resizeBox(box, 'n', 99, 10, bounds, 1)).toEqual([10, 30, 110, 70]);
	});
	test('keeps the minimum size and the bounds', () => {
		expect(resizeBox(box, 'e', -500, 0, bounds, 4)).toEqual([10, 20, 14, 70]);
		expect(resizeBox(box, 'w', 500, 0, bounds, 4)).toEqual([106, 20, 110, 70]);
		expect(resizeBox(box, 'se', 500, 500, bounds, 4)).toEqual([10, 20, 250, 250]);
	});
	test('dragBox dispatches on the handle', () => {
		expect(dragBox(box, 'move', 1, 1, bounds, 1)).toEqual([11, 21, 111, 71]);
		expect(dragBox(box, 'sw', -1, 1, bounds, 1)).toEqual([9, 20, 110, 71]);
	});
});

test('boxFromCorners orders and clamps the corners', () => {
	expect(boxFromCorners(100, 5, 20, 300, bounds)).toEqual([20, 5, 100, 250]);
});

describe('keyEdit', () => {
	const k = (key: string, shiftKey = false, altKey = false) => ({ key, shiftKey, altKey });
	test('arrows move by the step, Shift by the big step', () => {
		expect(keyEdit(k('ArrowRight'), 'move', 1, 32)).toEqual({ handle: 'move', dx: 1, dy: 0 });
		expect(keyEdit(k('ArrowUp', true), 'move', 1, 32)).toEqual({ handle: 'move', dx: 0, dy: -32 });
	});
	test('resize mode or Alt moves the right/bottom edge', () => {
		expect(keyEdit(k('ArrowLeft'), 'resize', 1, 32)).toEqual({ handle: 'e', dx: -1, dy: 0 });
		expect(keyEdit(k('ArrowDown', true, true), 'move', 1, 32)).toEqual({ handle: 's', dx: 0, dy: 32 });
	});
	test('other keys are not ours', () => {
		expect(keyEdit(k('Tab'), 'move', 1, 32)).toBeNull();
		expect(keyEdit(k('a'), 'resize', 1, 32)).toBeNull();
	});
});

test('snapBox rounds to whole pixels', () => {
	expect(snapBox([1.4, 1.6, -2.6, 3.5])).toEqual([1, 2, -3, 4]);
});
