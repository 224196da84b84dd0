// Argument checks for box-level ops (boxes are flat Float32Arrays of [x1, y1, x2, y2] rows). Complements validate.ts:
// same message style — the argument's name, what it must be, and the bad value.
import { formatValue } from './validate';

function fail(name: string, requirement: string, v: unknown): never {
	throw new Error(`${name} must be ${requirement}, got ${formatValue(v)}`);
}

/** A Float32Array holding whole [x1, y1, x2, y2] rows of finite numbers; returns the number of boxes. */
export function assertBoxes(name: string, boxes: unknown): number {
	if (!(boxes instanceof Float32Array)) fail(name, 'a Float32Array of [x1, y1, x2, y2] rows', boxes);
	if (boxes.length % 4 !== 0) fail(`${name}.length`, 'a multiple of 4 ([x1, y1, x2, y2] rows)', boxes.length);
	for (let i = 0; i < boxes.length; i++) {
		if (!Number.isFinite(boxes[i]))
			fail(`${name}[${i}] (box ${i >> 2}, coordinate ${i & 3})`, 'a finite number', boxes[i]);
	}
	return boxes.length / 4;
}

/** A Float32Array of `n` values, none NaN (±Infinity allowed: they sort fine). */
export function assertScores(name: string, scores: unknown, n: number): asserts scores is Float32Array {
	if (!(scores instanceof Float32Array)) fail(name, 'a Float32Array', scores);
	if (scores.length !== n) fail(`${name}.length`, `${n} (one per box)`, scores.length);
	for (let i = 0; i < n; i++)
		if (Number.isNaN(scores[i])) fail(`${name}[${i}]`, 'a number (not NaN)', scores[i]);
}

/** An IoU threshold: a number in [0, 1]. */
export function assertUnitInterval(name: string, v: unknown): asserts v is number {
	if (typeof v !== 'number' || !(v >= 0 && v <= 1)) fail(name, 'a number in [0, 1]', v);
}

/** An image size [height, width] of positive integers. */
export function assertImageSize(name: string, size: unknown): asserts size is [number, number] {
	if (
		!Array.isArray(size) ||
		size.length !== 2 ||
		!size.every((d) => typeof d === 'number' && Number.isInteger(d) && d > 0)
	)
		fail(name, '[height, width] of positive integers', size);
}

/** Rows must not be inverted (x2 >= x1, y2 >= y1): a negative side has no area, level or mask. */
export function assertUpright(name: string, boxes: Float32Array): void {
	for (let i = 0; i < boxes.length; i += 4) {
		if (!(boxes[i + 2] >= boxes[i] && boxes[i + 3] >= boxes[i + 1]))
			fail(`${name} row ${i >> 2}`, 'upright (x2 >= x1 and y2 >= y1)', Array.from(boxes.subarray(i, i + 4)));
	}
}
