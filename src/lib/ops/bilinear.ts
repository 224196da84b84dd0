// torchvision's roi_align bilinear rule (`bilinear_interpolate` / `pre_calc_for_bilinear_interpolate`, CPU, float32).
// Samples are stored struct-of-arrays in a reusable SampleBuffer so the RoIAlign hot loop reads typed arrays only.
import type { Tensor } from './tensor';
import { assertFinite, assertIndex } from './validate';
import { checkRoiInput } from './roi-boxes';

const f = Math.fround;

export const SAMPLE_ZEROED = 0;
export const SAMPLE_INSIDE = 1;
export const SAMPLE_CLAMPED = 2;
const STATUS = ['zeroed', 'inside', 'clamped'] as const;

export interface SamplePoint {
	iy: number;
	ix: number;
	/** Sample coordinates as computed (before clamping), float32. */
	y: number;
	x: number;
	/** zeroed: y < −1 || y > H || x < −1 || x > W; clamped: moved onto the edge row/column; inside: neither. */
	status: 'inside' | 'clamped' | 'zeroed';
	/** Neighbour cell indices (all 0 when zeroed). */
	yLow: number;
	xLow: number;
	yHigh: number;
	xHigh: number;
	/** Fractional offsets after clamping: ly along y, lx along x. */
	ly: number;
	lx: number;
	/** w1 at (yLow,xLow), w2 at (yLow,xHigh), w3 at (yHigh,xLow), w4 at (yHigh,xHigh); all 0 when zeroed. */
	weights: [number, number, number, number];
	/** Per channel: the interpolated value. */
	value: Float32Array;
}

/** One RoI's precomputed samples (torchvision's `pre_calc`), reused for every channel. */
export interface SampleBuffer {
	capacity: number;
	y: Float64Array;
	x: Float64Array;
	ly: Float64Array;
	lx: Float64Array;
	status: Uint8Array;
	/** 4 per sample: flat plane offsets of the (low,low), (low,high), (high,low), (high,high) neighbours. */
	pos: Int32Array;
	/** 4 per sample: float32 weights w1..w4 (stored as doubles: no conversion in the hot loop). */
	w: Float64Array;
}

export function createSampleBuffer(capacity: number): SampleBuffer {
	return {
		capacity,
		y: new Float64Array(capacity),
		x: new Float64Array(capacity),
		ly: new Float64Array(capacity),
		lx: new Float64Array(capacity),
		status: new Uint8Array(capacity),
		pos: new Int32Array(4 * capacity),
		w: new Float64Array(4 * capacity)
	};
}

/** `buf` if it holds n samples, else a larger buffer (grown geometrically: adaptive grids vary per RoI). */
export function ensureSampleBuffer(buf: SampleBuffer | null, n: number): SampleBuffer {
	if (buf !== null && buf.capacity >= n) return buf;
	return createSampleBuffer(Math.max(n, buf === null ? 0 : 2 * buf.capacity));
}

/**
 * Fills sample `i` for the float32 point (y, x) on an H×W plane, exactly as the CPU kernel: zero weights (index 0)
 * outside [−1, H] × [−1, W]; (−1, 0] clamps to row/col 0; [H−1, H] clamps to the last row/col.
 */
export function bilinearRule(buf: SampleBuffer, i: number, y: number, x: number, h: number, w: number): void {
	buf.y[i] = y;
	buf.x[i] = x;
	const j = 4 * i;
	if (y < -1 || y > h || x < -1 || x > w) {
		buf.status[i] = SAMPLE_ZEROED;
		buf.ly[i] = 0;
		buf.lx[i] = 0;
		buf.pos[j] = buf.pos[j + 1] = buf.pos[j + 2] = buf.pos[j + 3] = 0;
		buf.w[j] = buf.w[j + 1] = buf.w[j + 2] = buf.w[j + 3] = 0;
		return;
	}
	let clamped = false;
	if (y <= 0) {
		clamped = y < 0;
		y = 0;
	}
	if (x <= 0) {
		clamped ||= x < 0;
		x = 0;
	}
	let yLow = Math.trunc(y);
	let xLow = Math.trunc(x);
	let yHigh: number;
	let xHigh: number;
	if (yLow >= h - 1) {
		yHigh = yLow = h - 1;
		clamped ||= y !== yLow;
		y = yLow;
	} else yHigh = yLow + 1;
	if (xLow >= w - 1) {
		xHigh = xLow = w - 1;
		clamped ||= x !== xLow;
		x = xLow;
	} else xHigh = xLow + 1;
	const ly = f(y - yLow);
	const lx = f(x - xLow);
	const hy = f(1 - ly); // C: `T hy = 1. - ly` — double subtraction, then stored as float
	const hx = f(1 - lx);
	buf.status[i] = clamped ? SAMPLE_CLAMPED : SAMPLE_INSIDE;
	buf.ly[i] = ly;
	buf.lx[i] = lx;
	buf.pos[j] = yLow * w + xLow;
	buf.pos[j + 1] = yLow * w + xHigh;
	buf.pos[j + 2] = yHigh * w + xLow;
	buf.pos[j + 3] = yHigh * w + xHigh;
	buf.w[j] = f(hy * hx);
	buf.w[j + 1] = f(hy * lx);
	buf.w[j + 2] = f(ly * hx);
	buf.w[j + 3] = f(ly * lx);
}

/**
 * Value of sample `i` on the plane starting at `off`: `w1*v1 + w2*v2 + w3*v3 + w4*v4` summed left to right in
 * float32, as the kernel does (zeroed samples read index 0 with weight 0, like torchvision).
 */
export function sampleValue(buf: SampleBuffer, i: number, data: Float32Array, off: number): number {
	const p = buf.pos;
	const w = buf.w;
	const j = 4 * i;
	return f(
		f(
			f(f(w[j] * data[off + p[j]]) + f(w[j + 1] * data[off + p[j + 1]])) + f(w[j + 2] * data[off + p[j + 2]])
		) + f(w[j + 3] * data[off + p[j + 3]])
	);
}

/** A trace view of sample `i` (allocates: for pictures, not for the op path). */
export function samplePoint(
	buf: SampleBuffer,
	i: number,
	iy: number,
	ix: number,
	w: number,
	value: Float32Array
): SamplePoint {
	const j = 4 * i;
	const zeroed = buf.status[i] === SAMPLE_ZEROED;
	const p1 = buf.pos[j];
	const p4 = buf.pos[j + 3];
	return {
		iy,
		ix,
		y: buf.y[i],
		x: buf.x[i],
		status: STATUS[buf.status[i]],
		yLow: zeroed ? 0 : Math.floor(p1 / w),
		xLow: zeroed ? 0 : p1 % w,
		yHigh: zeroed ? 0 : Math.floor(p4 / w),
		xHigh: zeroed ? 0 : p4 % w,
		ly: buf.ly[i],
		lx: buf.lx[i],
		weights: [buf.w[j], buf.w[j + 1], buf.w[j + 2], buf.w[j + 3]],
		value
	};
}

/**
 * One bilinear sample of `input[batch, channel]` at (y, x) with the kernel's rules (coordinates are rounded to
 * float32 first, as the kernel's are). `value` holds one entry: the sample for `channel`.
 */
export function bilinearSample(
	input: Tensor,
	batch: number,
	channel: number,
	y: number,
	x: number
): SamplePoint {
	checkRoiInput('bilinearSample', input);
	const [n, c, h, w] = input.shape;
	assertIndex('bilinearSample: batch', batch, n);
	assertIndex('bilinearSample: channel', channel, c);
	assertFinite('bilinearSample: y', y);
	assertFinite('bilinearSample: x', x);
	const buf = createSampleBuffer(1);
	bilinearRule(buf, 0, f(y), f(x), h, w);
	const value = new Float32Array([sampleValue(buf, 0, input.data, (batch * c + channel) * h * w)]);
	return samplePoint(buf, 0, 0, 0, w, value);
}
