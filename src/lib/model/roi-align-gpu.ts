// RoIAlign for the heads, on the tfjs backend (GPU with WebGL). The sampling plan — every sample's four neighbour
// cells and bilinear weights, with torchvision's border rules — is computed once per RoI on the CPU by the very code
// the pure-TS op uses (src/lib/ops/roi-align.ts); the GPU only gathers feature rows and sums them with those weights.
// tf.image.cropAndResize is not used: it samples corner-aligned and zeroes everything outside [0, H−1].
import * as tf from '@tensorflow/tfjs';
import {
	precomputeSamples,
	resolveRoiAlignOptions,
	roiAlignGeometry,
	samplesPerBin
} from '$lib/ops/roi-align';
import { ensureSampleBuffer, type SampleBuffer } from '$lib/ops/bilinear';

export interface GpuRoiAlignOptions {
	outputSize: number;
	spatialScale: number;
	samplingRatio: number;
	aligned: boolean;
}

/** Per-neighbour gather indices and weights (already divided by the bin's sample count) for K RoIs on an H×W map. */
export interface SamplingPlan {
	/** rows = K·out·out bins; taps = 4·samplesPerBin (padded with weight 0 where a RoI has fewer) */
	rows: number;
	taps: number;
	/** [taps][rows], tap-major so each tap is one contiguous gather */
	index: Int32Array;
	weight: Float32Array;
}

export function samplingPlan(
	boxes: Float32Array,
	h: number,
	w: number,
	opts: GpuRoiAlignOptions
): SamplingPlan {
	const o = resolveRoiAlignOptions('roiAlignGpu', { ...opts, aggregation: 'avg' });
	const k = boxes.length / 4;
	const nBins = o.outH * o.outW;
	const rows = k * nBins;
	const geoms = [];
	let maxPerBin = 0;
	const box5 = new Float64Array(5);
	for (let r = 0; r < k; r++) {
		box5.set([0, boxes[4 * r], boxes[4 * r + 1], boxes[4 * r + 2], boxes[4 * r + 3]]);
		const g = roiAlignGeometry('roiAlignGpu', `boxes[${r}]`, box5, 0, 1, o);
		geoms.push(g);
		maxPerBin = Math.max(maxPerBin, samplesPerBin(g));
	}
	const taps = 4 * maxPerBin;
	const index = new Int32Array(taps * rows);
	const weight = new Float32Array(taps * rows);
	let buf: SampleBuffer | null = null;
	for (let r = 0; r < k; r++) {
		const g = geoms[r];
		const perBin = samplesPerBin(g);
		buf = ensureSampleBuffer(buf, perBin * nBins);
		precomputeSamples(g, o.outH, o.outW, h, w, buf, 0);
		for (let b = 0; b < nBins; b++) {
			const row = r * nBins + b;
			for (let s = 0; s < perBin; s++) {
				const i = b * perBin + s;
				for (let n = 0; n < 4; n++) {
					const t = 4 * s + n;
					index[t * rows + row] = buf.pos[4 * i + n];
					weight[t * rows + row] = buf.w[4 * i + n] / g.count;
				}
			}
		}
	}
	return { rows, taps, index, weight };
}

/** RoIAlign of `boxes` (image coordinates, [K*4]) on one NHWC feature map [1,H,W,C] → [K,out,out,C]. */
export function roiAlignGpu(
	feature: tf.Tensor4D,
	boxes: Float32Array,
	opts: GpuRoiAlignOptions
): tf.Tensor4D {
	const [, h, w, c] = feature.shape;
	const k = boxes.length / 4;
	const out = opts.outputSize;
	if (k === 0) return tf.zeros([0, out, out, c]);
	const plan = samplingPlan(boxes, h, w, opts);
	return tf.tidy(() => {
		const table = feature.reshape([h * w, c]);
		let acc: tf.Tensor2D = tf.zeros([plan.rows, c]);
		for (let t = 0; t < plan.taps; t++) {
			const idx = tf.tensor1d(plan.index.subarray(t * plan.rows, (t + 1) * plan.rows), 'int32');
			const wt = tf.tensor2d(plan.weight.subarray(t * plan.rows, (t + 1) * plan.rows), [plan.rows, 1]);
			acc = tf.add(acc, tf.mul(tf.gather(table, idx), wt));
		}
		return acc.reshape([k, out, out, c]);
	});
}
