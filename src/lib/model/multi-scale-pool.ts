// torchvision's MultiScaleRoIAlign — or, for the RoIPool-trained model, the same level split with RoIPool per level
// (tools/train/ablations.py: MultiScaleRoIPool). The architecture's `pooler` picks which.
//
// All levels are pooled by one gather per tap from the levels' cells stacked into one table, each box's rows in
// its own place, so the shapes the GPU sees depend only on the image size and the row count — not on how a scene's
// boxes split over the levels. On WebGL every new shape is a new shader program, compiled and cached for the page's
// lifetime: pooling level by level compiled ~50 programs per new scene (the JS heap grew ~0.6 MB a run).
import * as tf from '@tensorflow/tfjs';
import { compilesPerShape } from './head-rows';
import type { Pooler } from './manifest';
import { multiScalePoolCpu } from './pool-cpu';
import { samplingPlan } from './roi-align-gpu';
import { poolPlan } from './roi-pool-gpu';

export interface MultiScaleOptions {
	outputSize: number;
	samplingRatio: number;
	minLevel?: number;
	/** default roi_align */
	pooler?: Pooler;
	/**
	 * rows of the output (≥ the box count): rows past the boxes are padding, pooled to zeros, so that a head run on
	 * them keeps one shape for many box counts (head-rows.ts); default the box count
	 */
	padTo?: number;
	/** 'gather': tfjs gathers (on the GPU); 'ops': read the maps and pool with the pure-TS ops (pool-cpu.ts).
	 * Default: gather on GPU backends, ops on CPU backends (WASM, CPU). */
	path?: 'gather' | 'ops';
}

interface MergedPlan {
	taps: number;
	/** [taps][rows], indices into the stacked table */
	index: Int32Array;
	/** [taps][rows] bilinear weights (RoIAlign) */
	weight?: Float32Array;
	/** [rows] 1 or 0 for an empty bin (RoIPool) */
	filled?: Float32Array;
}

/**
 * Each box is pooled from the level `levels[i]` (2..5 → features[level − 2]) with that level's scale 2^−level; the
 * output keeps the input box order: [padTo ?? K, out, out, C].
 */
export function multiScalePool(
	features: tf.Tensor4D[],
	boxes: Float32Array,
	levels: Int32Array,
	opts: MultiScaleOptions
): tf.Tensor4D {
	const minLevel = opts.minLevel ?? 2;
	const k = levels.length;
	const out = opts.outputSize;
	const c = features[0].shape[3];
	const padTo = opts.padTo ?? k;
	if (padTo < k) throw new Error(`multiScalePool: padTo (${padTo}) must be at least the box count (${k})`);
	if (padTo === 0) return tf.zeros([0, out, out, c]);
	if ((opts.path ?? (compilesPerShape() ? 'gather' : 'ops')) === 'ops')
		return multiScalePoolCpu(features, boxes, levels, { ...opts, padTo });
	const plan = mergedPlan(features, boxes, levels, minLevel, padTo, opts);
	const rows = padTo * out * out;
	return tf.tidy(() => {
		const table = tf.concat(
			features.map((f) => f.reshape([f.shape[1] * f.shape[2], c])),
			0
		) as tf.Tensor2D;
		const tap = (t: number) =>
			tf.gather(table, tf.tensor1d(plan.index.subarray(t * rows, (t + 1) * rows), 'int32')) as tf.Tensor2D;
		let acc: tf.Tensor2D;
		if (plan.weight) {
			const w = plan.weight;
			const weighted = (t: number) =>
				tf.mul(tap(t), tf.tensor2d(w.subarray(t * rows, (t + 1) * rows), [rows, 1]));
			acc = tf.zeros([rows, c]);
			for (let t = 0; t < plan.taps; t++) acc = tf.add(acc, weighted(t));
		} else {
			acc = tap(0);
			for (let t = 1; t < plan.taps; t++) acc = tf.maximum(acc, tap(t));
			// empty bins and padding: × 0, then + 0 so a negative maximum gives +0 as torchvision's kernel does
			acc = tf.add(tf.mul(acc, tf.tensor2d(plan.filled!, [rows, 1])), tf.scalar(0));
		}
		return acc.reshape([padTo, out, out, c]);
	});
}

/** Every level's plan (from the single-map GPU poolers, which are tested against the ops) in one table's indices. */
function mergedPlan(
	features: tf.Tensor4D[],
	boxes: Float32Array,
	levels: Int32Array,
	minLevel: number,
	padTo: number,
	opts: MultiScaleOptions
): MergedPlan {
	const bins = opts.outputSize * opts.outputSize;
	const rows = padTo * bins;
	const perLevel: { members: number[]; offset: number; plan: ReturnType<typeof levelPlan> }[] = [];
	let offset = 0;
	let taps = 1;
	features.forEach((feature, li) => {
		const [, h, w] = feature.shape;
		const members: number[] = [];
		for (let i = 0; i < levels.length; i++) if (levels[i] - minLevel === li) members.push(i);
		if (members.length > 0) {
			const sub = new Float32Array(members.length * 4);
			members.forEach((m, j) => sub.set(boxes.subarray(4 * m, 4 * m + 4), 4 * j));
			const plan = levelPlan(sub, h, w, 2 ** -(li + minLevel), opts);
			taps = Math.max(taps, plan.taps);
			perLevel.push({ members, offset, plan });
		}
		offset += h * w;
	});
	const pool = opts.pooler === 'roi_pool';
	const index = new Int32Array(taps * rows);
	const weight = pool ? undefined : new Float32Array(taps * rows);
	const filled = pool ? new Float32Array(rows) : undefined;
	for (const { members, offset: off, plan } of perLevel) {
		const n = plan.rows;
		members.forEach((m, j) => {
			for (let b = 0; b < bins; b++) {
				const src = j * bins + b;
				const dst = m * bins + b;
				for (let t = 0; t < taps; t++) {
					// a level with fewer taps: RoIAlign adds weight 0, RoIPool repeats the bin's first cell
					const st = t < plan.taps ? t : 0;
					index[t * rows + dst] = off + plan.index[st * n + src];
					if (weight && plan.weight) weight[t * rows + dst] = t < plan.taps ? plan.weight[st * n + src] : 0;
				}
				if (filled && plan.filled) filled[dst] = plan.filled[src];
			}
		});
	}
	return { taps, index, weight, filled };
}

function levelPlan(boxes: Float32Array, h: number, w: number, spatialScale: number, opts: MultiScaleOptions) {
	if (opts.pooler === 'roi_pool') {
		const p = poolPlan(boxes, h, w, { outputSize: opts.outputSize, spatialScale });
		return { rows: p.rows, taps: p.taps, index: p.index, filled: p.filled, weight: undefined };
	}
	const p = samplingPlan(boxes, h, w, {
		outputSize: opts.outputSize,
		spatialScale,
		samplingRatio: opts.samplingRatio,
		aligned: false
	});
	return { rows: p.rows, taps: p.taps, index: p.index, weight: p.weight, filled: undefined };
}

/** MultiScaleRoIAlign (the shipped model's pooler). */
export function multiScaleRoiAlign(
	features: tf.Tensor4D[],
	boxes: Float32Array,
	levels: Int32Array,
	opts: Omit<MultiScaleOptions, 'pooler'>
): tf.Tensor4D {
	return multiScalePool(features, boxes, levels, { ...opts, pooler: 'roi_align' });
}
