// RoIPool for the heads of the RoIPool-trained model (issue 18), on the tfjs backend. As with RoIAlign, the plan —
// each bin's integer cell range after the two roundings — comes from the pure-TS op (src/lib/ops/roi-pool.ts, golden
// against torchvision); the GPU gathers the cells of every bin and keeps the running maximum.
import * as tf from '@tensorflow/tfjs';
import { poolBinBounds, resolveRoiPoolOptions, roiPoolGeometry } from '$lib/ops/roi-pool';

export interface GpuRoiPoolOptions {
	outputSize: number;
	spatialScale: number;
}

/** Per-tap gather indices for K RoIs: every bin's cells, padded by repeating its first cell (a max ignores repeats). */
export interface PoolPlan {
	/** rows = K·out·out bins; taps = the most cells any bin holds */
	rows: number;
	taps: number;
	/** [taps][rows], tap-major so each tap is one contiguous gather */
	index: Int32Array;
	/** [rows]: 1, or 0 for an empty bin (clamped off the map), which torchvision pools to 0 */
	filled: Float32Array;
}

export function poolPlan(boxes: Float32Array, h: number, w: number, opts: GpuRoiPoolOptions): PoolPlan {
	const o = resolveRoiPoolOptions('roiPoolGpu', opts);
	const k = boxes.length / 4;
	const nBins = o.outH * o.outW;
	const rows = k * nBins;
	const bounds = new Int32Array(4 * rows);
	const box5 = new Float64Array(5);
	let taps = 1;
	for (let r = 0; r < k; r++) {
		box5.set([0, boxes[4 * r], boxes[4 * r + 1], boxes[4 * r + 2], boxes[4 * r + 3]]);
		const g = roiPoolGeometry('roiPoolGpu', `boxes[${r}]`, box5, 0, 1, o);
		poolBinBounds(g, o.outH, o.outW, h, w, bounds.subarray(4 * r * nBins, 4 * (r + 1) * nBins));
	}
	for (let b = 0; b < rows; b++) {
		const cells =
			Math.max(0, bounds[4 * b + 1] - bounds[4 * b]) * Math.max(0, bounds[4 * b + 3] - bounds[4 * b + 2]);
		taps = Math.max(taps, cells);
	}
	const index = new Int32Array(taps * rows);
	const filled = new Float32Array(rows);
	for (let b = 0; b < rows; b++) {
		const [hs, he, ws, we] = bounds.subarray(4 * b, 4 * b + 4);
		if (he <= hs || we <= ws) continue; // index 0, filled 0
		filled[b] = 1;
		let t = 0;
		for (let y = hs; y < he; y++) for (let x = ws; x < we; x++) index[t++ * rows + b] = y * w + x;
		for (; t < taps; t++) index[t * rows + b] = hs * w + ws;
	}
	return { rows, taps, index, filled };
}

/**
 * RoIPool of `boxes` (image coordinates, [K*4]) on one NHWC feature map [1,H,W,C] → [K,out,out,C]. Equal to the
 * ops' roiPool for finite features (a bin of only −inf/NaN, which torchvision pools to −FLT_MAX, cannot occur here).
 */
export function roiPoolGpu(feature: tf.Tensor4D, boxes: Float32Array, opts: GpuRoiPoolOptions): tf.Tensor4D {
	const [, h, w, c] = feature.shape;
	const k = boxes.length / 4;
	const out = opts.outputSize;
	if (k === 0) return tf.zeros([0, out, out, c]);
	const plan = poolPlan(boxes, h, w, opts);
	return tf.tidy(() => {
		const table = feature.reshape([h * w, c]);
		const tap = (t: number): tf.Tensor2D =>
			tf.gather(
				table,
				tf.tensor1d(plan.index.subarray(t * plan.rows, (t + 1) * plan.rows), 'int32')
			) as tf.Tensor2D;
		let acc: tf.Tensor2D = tap(0);
		for (let t = 1; t < plan.taps; t++) acc = tf.maximum(acc, tap(t));
		// empty bins: × 0, then + 0 so a negative maximum gives +0 as torchvision's kernel does, not −0
		const filled = tf.tensor2d(plan.filled, [plan.rows, 1]);
		return tf.add(tf.mul(acc, filled), tf.scalar(0)).reshape([k, out, out, c]);
	});
}
