import { formatValue } from './validate';

/**
 * torchvision's `_pair(output_size)`: a number means a square output. Returns [outH, outW] after checking both are
 * positive integers.
 */
export function resolveOutputSize(name: string, v: unknown): [number, number] {
	const pair = typeof v === 'number' ? [v, v] : Array.isArray(v) && v.length === 2 ? v : null;
	if (pair === null || !pair.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 1))
		throw new Error(
			`${name} must be a positive integer or [h, w] of positive integers, got ${formatValue(v)}`
		);
	return [pair[0] as number, pair[1] as number];
}
