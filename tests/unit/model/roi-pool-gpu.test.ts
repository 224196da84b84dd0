import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { multiScalePool } from '../../../src/lib/model/multi-scale-pool';
import { poolPlan, roiPoolGpu } from '../../../src/lib/model/roi-pool-gpu';
import { roiPool, type Tensor } from '../../../src/lib/ops';
import { mulberry32 } from '../../../src/lib/scenes';

// The tfjs RoIPool of the RoIPool-trained model must equal the pure-TS op (golden against torchvision) exactly: a
// maximum picks one stored value, so there is no rounding to allow for.
beforeAll(async () => {
	await tf.setBackend('cpu');
});

const rng = (seed: number) => mulberry32(seed).next;

function randomMap(c: number, h: number, w: number, r: () => number): Tensor {
	return { shape: [1, c, h, w], data: new Float32Array(c * h * w).map(() => r() * 4 - 2) };
}

const toNhwc = (t: Tensor): tf.Tensor4D =>
	tf.tensor4d(t.data, t.shape as [number, number, number, number]).transpose([0, 2, 3, 1]);

function randomBoxes(k: number, size: number, r: () => number): Float32Array {
	const b = new Float32Array(4 * k);
	for (let i = 0; i < k; i++) {
		// inside, across the border and wholly off the map (empty bins), tiny and large
		const x1 = r() * size * 1.4 - size * 0.3;
		const y1 = r() * size * 1.4 - size * 0.3;
		b.set([x1, y1, x1 + r() * size * 0.7 + 0.2, y1 + r() * size * 0.7 + 0.2], 4 * i);
	}
	return b;
}

const withBatch = (boxes: Float32Array): Tensor => ({
	shape: [boxes.length / 4, 5],
	data: Float32Array.from(
		Array.from({ length: boxes.length / 4 }, (_, i) => [0, ...boxes.subarray(4 * i, 4 * i + 4)]).flat()
	)
});

describe('roiPoolGpu', () => {
	for (const [out, scale] of [
		[7, 1 / 4],
		[14, 1 / 8],
		[5, 1 / 16],
		[2, 0.5]
	]) {
		test(`equals roiPool exactly: out ${out}, scale ${scale}`, () => {
			const r = rng(out * 31 + 5);
			const map = randomMap(5, 13, 17, r);
			const boxes = randomBoxes(40, 17 / scale, r);
			const ref = roiPool(map, withBatch(boxes), { outputSize: out, spatialScale: scale });
			const x = toNhwc(map);
			const y = roiPoolGpu(x, boxes, { outputSize: out, spatialScale: scale });
			const got = y.transpose([0, 3, 1, 2]).dataSync();
			expect(got.length).toBe(ref.data.length);
			let differ = 0;
			for (let i = 0; i < got.length; i++) if (got[i] !== ref.data[i]) differ++;
			expect(differ).toBe(0);
			tf.dispose([x, y]);
		});
	}

	test('the plan pads each bin with its own first cell and marks bins clamped off the map empty', () => {
		// one box wholly left of a 4×4 map: every bin clamps to an empty range
		const off = poolPlan(Float32Array.from([-40, 0, -20, 3]), 4, 4, { outputSize: 2, spatialScale: 1 });
		expect(Array.from(off.filled)).toEqual([0, 0, 0, 0]);
		// a 3×3-cell box in 2×2 bins: bins hold 2×2 cells (ceil/floor overlap), so 4 taps, all in range
		const p = poolPlan(Float32Array.from([0, 0, 2, 2]), 4, 4, { outputSize: 2, spatialScale: 1 });
		expect(p.taps).toBe(4);
		expect(Array.from(p.filled)).toEqual([1, 1, 1, 1]);
		expect(Array.from({ length: p.taps }, (_, t) => p.index[t * p.rows])).toEqual([0, 1, 4, 5]);
	});

	for (const path of ['gather', 'ops'] as const)
		test(`${path}: multiScalePool with roi_pool keeps the box order across levels`, () => {
			const r = rng(9);
			const maps = [randomMap(3, 32, 32, r), randomMap(3, 16, 16, r)];
			const feats = maps.map(toNhwc);
			const boxes = randomBoxes(10, 128, r);
			const levels = Int32Array.from({ length: 10 }, (_, i) => 2 + ((i * 7) % 2));
			const y = multiScalePool(feats, boxes, levels, {
				outputSize: 7,
				samplingRatio: 2,
				pooler: 'roi_pool',
				path
			});
			const got = y.transpose([0, 3, 1, 2]).dataSync();
			for (let i = 0; i < 10; i++) {
				const ref = roiPool(maps[levels[i] - 2], withBatch(boxes.subarray(4 * i, 4 * i + 4)), {
					outputSize: 7,
					spatialScale: 2 ** -levels[i]
				});
				expect(Array.from(got.subarray(i * ref.data.length, (i + 1) * ref.data.length))).toEqual(
					Array.from(ref.data)
				);
			}
			tf.dispose([...feats, y]);
		});
});
