// Feature maps behind one interface (trace.ts FeatureMap): a live map wraps its tfjs tensor and reads it from the
// GPU on request; a precomputed one (precomputed.ts) fetches features.bin. Only tensor *methods* are used here and
// tfjs is imported for types only, so this file loads no tfjs: a live tensor exists only once tfjs is loaded.
import type * as tf from '@tensorflow/tfjs';
import type { Tensor } from '$lib/ops';
import type { FeatureMap } from './trace';

/** An NHWC tensor as an NCHW ops Tensor (downloads from the GPU; the transposed copy is freed even on a reject). */
export async function readNchw(t: tf.Tensor4D): Promise<Tensor> {
	const nchw = t.transpose([0, 3, 1, 2]);
	try {
		const data = (await nchw.data()) as Float32Array;
		return { shape: nchw.shape.slice(), data };
	} finally {
		nchw.dispose(); // also when the read rejects (a lost context)
	}
}

/** A feature map as an NCHW ops Tensor: a trace's FeatureMap (live or precomputed) or a bare NHWC tfjs tensor. */
export function readFeature(x: FeatureMap | tf.Tensor4D): Promise<Tensor> {
	return isFeatureMap(x) ? x.read() : readNchw(x);
}

function isFeatureMap(x: FeatureMap | tf.Tensor4D): x is FeatureMap {
	return typeof (x as Partial<FeatureMap>).preview === 'function';
}

/**
 * The channel of largest spatial variance of an NCHW [1,C,H,W] map (ties: the lowest index), as [1,1,H,W]:
 * a thumbnail that shows structure rather than a flat channel. Variance in float64, two passes, so the choice is
 * the same wherever it is computed (the generator stores it in trace.bin for precomputed traces).
 */
export function previewOf(t: Tensor): { channel: number; map: Tensor } {
	if (t.shape.length !== 4 || t.shape[0] !== 1)
		throw new Error(`previewOf: t.shape must be [1, C, H, W], got [${t.shape.join(', ')}]`);
	const [, C, H, W] = t.shape;
	const n = H * W;
	let best = 0;
	let bestVar = -1;
	for (let c = 0; c < C; c++) {
		const o = c * n;
		let s = 0;
		for (let i = 0; i < n; i++) s += t.data[o + i];
		const mean = s / n;
		let v = 0;
		for (let i = 0; i < n; i++) v += (t.data[o + i] - mean) ** 2;
		if (v / n > bestVar) {
			bestVar = v / n;
			best = c;
		}
	}
	return { channel: best, map: { shape: [1, 1, H, W], data: t.data.slice(best * n, (best + 1) * n) } };
}

/** A live run's map: `tensor` stays on the backend until the trace is disposed. */
export function liveFeatureMap(t: tf.Tensor4D): FeatureMap {
	const [n, h, w, c] = t.shape;
	return {
		shape: [n, h, w, c],
		tensor: t,
		read: () => readNchw(t),
		preview: async () => previewOf(await readNchw(t))
	};
}

/** The tfjs tensors behind live maps; `who` names the caller in the error a precomputed trace gets. */
export function liveTensors(maps: readonly FeatureMap[], who: string): tf.Tensor4D[] {
	return maps.map((m) => {
		if (!m.tensor) throw new Error(`${who} needs the live model: this trace was precomputed`);
		return m.tensor;
	});
}
