// Benchmark inputs from a seed-free integer hash, reproduced bit for bit by bench/torch_bench.py (numpy uint32
// arithmetic), so the TypeScript ops and torchvision time exactly the same boxes and feature map.
import type { Tensor } from '../src/lib/ops/tensor';

const f = Math.fround;

/** lowbias32 integer hash of (i, stream) → uniform float32 in [0, 1) with 24 random bits. */
export function uniform(i: number, stream: number): number {
	let x = (Math.imul(i, 0x9e3779b1) ^ Math.imul(stream, 0x85ebca6b)) >>> 0;
	x ^= x >>> 16;
	x = Math.imul(x, 0x7feb352d) >>> 0;
	x ^= x >>> 15;
	x = Math.imul(x, 0x846ca68b) >>> 0;
	x ^= x >>> 16;
	return (x >>> 8) / 16777216;
}

/** Box i of a scattered set (stream `k`): corner in [0, w) × [0, h), sides `min`..`min + span` px. */
function scatteredBox(i: number, k: number, w: number, h: number, min: number, span: number): number[] {
	const x1 = f(uniform(4 * i, k) * w);
	const y1 = f(uniform(4 * i + 1, k) * h);
	return [
		x1,
		y1,
		f(x1 + f(min + f(uniform(4 * i + 2, k) * span))),
		f(y1 + f(min + f(uniform(4 * i + 3, k) * span)))
	];
}

/** n boxes scattered over a 1000×800 image, sides 20..220 px (heavy overlap), and their scores. */
export function nmsInputs(n: number): { boxes: Float32Array; scores: Float32Array } {
	const boxes = new Float32Array(n * 4);
	const scores = new Float32Array(n);
	for (let i = 0; i < n; i++) {
		boxes.set(scatteredBox(i, 1, 1000, 800, 20, 200), i * 4);
		scores[i] = uniform(i, 2);
	}
	return { boxes, scores };
}

/** A [1, C, H, W] feature map with values in [−1, 1). */
export function featureMap(c: number, h: number, w: number): Tensor {
	const data = new Float32Array(c * h * w);
	for (let i = 0; i < data.length; i++) data[i] = uniform(i, 3) * 2 - 1;
	return { shape: [1, c, h, w], data };
}

/** K RoIs [K, 5] = (batch 0, x1, y1, x2, y2) in image pixels of a 1088×800 image, sides 8..408 px. */
export function rois(k: number): Tensor {
	const data = new Float32Array(k * 5);
	for (let i = 0; i < k; i++) data.set([0, ...scatteredBox(i, 4, 1000, 700, 8, 400)], i * 5);
	return { shape: [k, 5], data };
}
