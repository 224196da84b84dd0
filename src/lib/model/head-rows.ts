// How many rows the box and mask heads run on. On WebGL every tensor shape is its own shader program, compiled on
// first use and kept for the page's lifetime, so a head run on exactly K rows compiles new programs for every new
// proposal or detection count: seconds of compilation and a JS heap that grows with every new scene. There the
// rows are padded (zeros, outputs dropped) to a few sizes; CPU backends compile nothing and run the exact count.
import * as tf from '@tensorflow/tfjs';

/** The mask head runs in chunks of this many detections on a GPU backend: one program set for every scene. */
export const MASK_CHUNK = 16;

/** Whether the current backend compiles a program per shape (WebGL, WebGPU), so that padding rows pays off. */
export function compilesPerShape(backend = tf.getBackend()): boolean {
	return backend === 'webgl' || backend === 'webgpu';
}

/**
 * The padded row count for k boxes: k rounded up to a power of two up to 16, to a multiple of 16 up to 128, then
 * of 128 — never above max(k, cap), the most boxes that can occur (so 1000 proposals stay 1000).
 */
export function bucketRows(k: number, cap = k): number {
	if (!Number.isInteger(k) || k < 0)
		throw new Error(`bucketRows: k must be a non-negative integer, got ${k}`);
	const b =
		k <= 16
			? 2 ** Math.ceil(Math.log2(Math.max(1, k)))
			: k <= 128
				? Math.ceil(k / 16) * 16
				: Math.ceil(k / 128) * 128;
	return Math.min(b, Math.max(k, cap));
}

/** [start, count] of each chunk of `size` rows covering k rows (one chunk of k when size ≥ k). */
export function chunksOf(k: number, size: number): [number, number][] {
	if (!Number.isInteger(size) || size <= 0)
		throw new Error(`chunksOf: size must be a positive integer, got ${size}`);
	const out: [number, number][] = [];
	for (let s = 0; s < k; s += size) out.push([s, Math.min(size, k - s)]);
	return out;
}
