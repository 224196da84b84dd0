// Turns PyTorch-layout float32 weights into tfjs tensors in the layouts tfjs's NHWC ops expect.
import * as tf from '@tensorflow/tfjs';

export type RawTensors = Map<string, { shape: number[]; data: Float32Array }>;

/** Named, kept tfjs tensors; `get` names the missing weight so a mismatched checkpoint fails clearly. */
export class Params {
	private readonly t = new Map<string, tf.Tensor>();

	constructor(private readonly raw: RawTensors) {}

	private take(name: string): { shape: number[]; data: Float32Array } {
		const r = this.raw.get(name);
		if (!r)
			throw new Error(`Weights have no tensor named ${name}; the checkpoint does not match the architecture`);
		return r;
	}

	private memo(key: string, make: () => tf.Tensor): tf.Tensor {
		let v = this.t.get(key);
		if (!v) {
			// keep: the first use may happen inside a caller's tf.tidy, which would otherwise free the weight.
			v = tf.keep(tf.tidy(make));
			this.t.set(key, v);
		}
		return v;
	}

	/** Conv2d weight [out,in,kh,kw] → [kh,kw,in,out]. */
	conv(name: string): tf.Tensor4D {
		return this.memo(name, () => {
			const r = this.take(name);
			return tf.tensor4d(r.data, r.shape as [number, number, number, number]).transpose([2, 3, 1, 0]);
		}) as tf.Tensor4D;
	}

	/** ConvTranspose2d weight [in,out,kh,kw] → tfjs conv2dTranspose filter [kh,kw,out,in]. */
	convTranspose(name: string): tf.Tensor4D {
		return this.memo(name, () => {
			const r = this.take(name);
			return tf.tensor4d(r.data, r.shape as [number, number, number, number]).transpose([2, 3, 1, 0]);
		}) as tf.Tensor4D;
	}

	/**
	 * Linear weight stored [out,in], returned transposed [in,out] for matMul(x, Wᵀ): tfjs-wasm's matMul with
	 * transposeB is ~11× slower than the plain one (the box head's 1000×3136 · 3136×192: 407 vs 36 ms).
	 */
	linear(name: string): tf.Tensor2D {
		return this.memo(name, () => {
			const r = this.take(name);
			return tf.transpose(tf.tensor2d(r.data, r.shape as [number, number]));
		}) as tf.Tensor2D;
	}

	bias(name: string): tf.Tensor1D {
		return this.memo(name, () => tf.tensor1d(this.take(name).data)) as tf.Tensor1D;
	}

	has(name: string): boolean {
		return this.raw.has(name);
	}

	dispose(): void {
		for (const v of this.t.values()) v.dispose();
		this.t.clear();
	}
}
