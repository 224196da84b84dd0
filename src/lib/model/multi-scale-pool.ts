// torchvision's MultiScaleRoIAlign — or, for the RoIPool-trained model, the same level split with RoIPool per level
// (tools/train/ablations.py: MultiScaleRoIPool). The architecture's `pooler` picks which.
import * as tf from '@tensorflow/tfjs';
import type { Pooler } from './manifest';
import { roiAlignGpu } from './roi-align-gpu';
import { roiPoolGpu } from './roi-pool-gpu';

export interface MultiScaleOptions {
	outputSize: number;
	samplingRatio: number;
	minLevel?: number;
	/** default roi_align */
	pooler?: Pooler;
}

/**
 * Each box is pooled from the level `levels[i]` (2..5 → features[level − 2]) with that level's scale 2^−level; the
 * output keeps the input box order.
 */
export function multiScalePool(
	features: tf.Tensor4D[],
	boxes: Float32Array,
	levels: Int32Array,
	opts: MultiScaleOptions
): tf.Tensor4D {
	const minLevel = opts.minLevel ?? 2;
	const k = levels.length;
	const c = features[0].shape[3];
	if (k === 0) return tf.zeros([0, opts.outputSize, opts.outputSize, c]);
	return tf.tidy(() => {
		const parts: tf.Tensor4D[] = [];
		const order: number[] = [];
		features.forEach((feature, li) => {
			const members: number[] = [];
			for (let i = 0; i < k; i++) if (levels[i] - minLevel === li) members.push(i);
			if (members.length === 0) return;
			const sub = new Float32Array(members.length * 4);
			members.forEach((m, j) => sub.set(boxes.subarray(4 * m, 4 * m + 4), 4 * j));
			const spatialScale = 2 ** -(li + minLevel);
			parts.push(
				opts.pooler === 'roi_pool'
					? roiPoolGpu(feature, sub, { outputSize: opts.outputSize, spatialScale })
					: roiAlignGpu(feature, sub, {
							outputSize: opts.outputSize,
							spatialScale,
							samplingRatio: opts.samplingRatio,
							aligned: false
						})
			);
			order.push(...members);
		});
		const stacked = parts.length === 1 ? parts[0] : tf.concat(parts, 0);
		const inverse = new Int32Array(k);
		order.forEach((orig, pos) => (inverse[orig] = pos));
		return tf.gather(stacked, tf.tensor1d(inverse, 'int32')) as tf.Tensor4D;
	});
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
