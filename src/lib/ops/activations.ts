// Float32 sigmoid and softmax for the CPU-side heads. Correctly rounded (double math, one rounding); torch's vectorised
// versions are not (≤ 2 ulp for sigmoid, ~3e-8 absolute for softmax), so comparisons with torch use a tolerance.
import { f } from './float32';

export function sigmoid32(x: number): number {
	return f(1 / (1 + Math.exp(-x)));
}

/** Row-wise softmax of a [rows, cols] float32 matrix, max-subtracted like torch's. */
export function softmaxRows(x: Float32Array, cols: number): Float32Array {
	if (!Number.isInteger(cols) || cols <= 0 || x.length % cols !== 0)
		throw new Error(`softmaxRows: cols must divide the data length ${x.length}, got ${cols}`);
	const out = new Float32Array(x.length);
	for (let o = 0; o < x.length; o += cols) {
		let m = -Infinity;
		for (let j = 0; j < cols; j++) m = Math.max(m, x[o + j]);
		let s = 0;
		for (let j = 0; j < cols; j++) {
			const e = f(Math.exp(f(x[o + j] - m)));
			out[o + j] = e;
			s += e;
		}
		const sum = f(s);
		for (let j = 0; j < cols; j++) out[o + j] = f(out[o + j] / sum);
	}
	return out;
}

/**
 * Softmax across the C planes of a channel-major [C, P] array, independently at each of the P positions (the
 * per-pixel competition an FCN-style mask head would use), max-subtracted and float32 like softmaxRows.
 */
export function softmaxPlanes(x: Float32Array, channels: number): Float32Array {
	if (!Number.isInteger(channels) || channels <= 0 || x.length % channels !== 0)
		throw new Error(`softmaxPlanes: channels must divide the data length ${x.length}, got ${channels}`);
	const p = x.length / channels;
	const out = new Float32Array(x.length);
	for (let i = 0; i < p; i++) {
		let m = -Infinity;
		for (let c = 0; c < channels; c++) m = Math.max(m, x[c * p + i]);
		let s = 0;
		for (let c = 0; c < channels; c++) {
			const e = f(Math.exp(f(x[c * p + i] - m)));
			out[c * p + i] = e;
			s += e;
		}
		const sum = f(s);
		for (let c = 0; c < channels; c++) out[c * p + i] = f(out[c * p + i] / sum);
	}
	return out;
}
