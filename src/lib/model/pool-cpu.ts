// The multi-scale pooler on CPU backends (WASM, CPU): the feature maps are read once and pooled by the pure-TS ops
// (golden against torchvision), instead of tfjs gathers. On WASM the gathers — 16 taps × 49,000 rows × 64 channels
// for the box head's 1000 RoIs — were 2.2 s of a 2.6 s run; the ops' kernel does the same sums in a loop over
// contiguous channel planes. Same numbers either way (the GPU pooler equals the ops in tests).
import * as tf from '@tensorflow/tfjs';
import { roiAlign, roiPool, type Tensor } from '$lib/ops';
import type { MultiScaleOptions } from './multi-scale-pool';

/** Like multiScalePool, on the CPU: [padTo ?? K, out, out, C], padding rows zero. */
export function multiScalePoolCpu(
	features: tf.Tensor4D[],
	boxes: Float32Array,
	levels: Int32Array,
	opts: MultiScaleOptions & { padTo: number }
): tf.Tensor4D {
	const minLevel = opts.minLevel ?? 2;
	const out = opts.outputSize;
	const c = features[0].shape[3];
	const bins = out * out;
	const nchw = new Float32Array(opts.padTo * c * bins);
	features.forEach((feature, li) => {
		const members: number[] = [];
		for (let i = 0; i < levels.length; i++) if (levels[i] - minLevel === li) members.push(i);
		if (members.length === 0) return;
		const [, h, w] = feature.shape;
		// CPU backends read synchronously; NCHW is the layout the ops (and torchvision) pool from
		const t = feature.transpose([0, 3, 1, 2]);
		const data = t.dataSync() as Float32Array;
		t.dispose();
		const map: Tensor = { shape: [1, c, h, w], data };
		const rois = new Float32Array(members.length * 5);
		members.forEach((m, j) => rois.set(boxes.subarray(4 * m, 4 * m + 4), 5 * j + 1));
		const roiTensor: Tensor = { shape: [members.length, 5], data: rois };
		const spatialScale = 2 ** -(li + minLevel);
		const pooled =
			opts.pooler === 'roi_pool'
				? roiPool(map, roiTensor, { outputSize: out, spatialScale })
				: roiAlign(map, roiTensor, {
						outputSize: out,
						spatialScale,
						samplingRatio: opts.samplingRatio,
						aligned: false
					});
		const per = c * bins;
		members.forEach((m, j) => nchw.set(pooled.data.subarray(j * per, (j + 1) * per), m * per));
	});
	return tf.tidy(() => tf.tensor4d(nchw, [opts.padTo, c, out, out]).transpose([0, 2, 3, 1]) as tf.Tensor4D);
}
