import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '../../../src/lib/scenes';
import { beforeAll, describe, expect, test } from 'vitest';
import { bucketRows, chunksOf } from '../../../src/lib/model/head-rows';
import { multiScaleRoiAlign } from '../../../src/lib/model/multi-scale-pool';
import { roiAlignGpu } from '../../../src/lib/model/roi-align-gpu';
import { roiAlign, type Tensor } from '../../../src/lib/ops';

// The tfjs RoIAlign must equal the pure-TS op (itself golden-tested against torchvision) within 1e-4.
beforeAll(async () => {
	await tf.setBackend('cpu');
});

const rng = (seed: number) => mulberry32(seed).next;

function randomMap(c: number, h: number, w: number, r: () => number): Tensor {
	const data = new Float32Array(c * h * w).map(() => r() * 4 - 2);
	return { shape: [1, c, h, w], data };
}

function toNhwc(t: Tensor): tf.Tensor4D {
	const [, c, h, w] = t.shape;
	return tf.tensor4d(t.data, [1, c, h, w]).transpose([0, 2, 3, 1]);
}

function randomBoxes(k: number, size: number, r: () => number): Float32Array {
	const b = new Float32Array(4 * k);
	for (let i = 0; i < k; i++) {
		// Boxes inside, across the border and wholly outside, so every border rule is exercised.
		const x1 = r() * size * 1.4 - size * 0.3;
		const y1 = r() * size * 1.4 - size * 0.3;
		b.set([x1, y1, x1 + r() * size * 0.7 + 0.5, y1 + r() * size * 0.7 + 0.5], 4 * i);
	}
	return b;
}

describe('roiAlignGpu', () => {
	for (const [sr, out, scale] of [
		[2, 7, 1 / 4],
		[2, 14, 1 / 8],
		[1, 5, 1 / 16],
		[0, 3, 1 / 4],
		[-1, 2, 0.5]
	]) {
		test(`equals roiAlign: sampling ${sr}, out ${out}, scale ${scale}`, () => {
			const r = rng(out * 100 + sr + 7);
			const map = randomMap(5, 13, 17, r);
			const boxes = randomBoxes(40, 17 / scale, r);
			const ref = roiAlign(
				map,
				{
					shape: [40, 5],
					data: Float32Array.from(
						Array.from({ length: 40 }, (_, i) => [0, ...boxes.subarray(4 * i, 4 * i + 4)]).flat()
					)
				},
				{ outputSize: out, spatialScale: scale, samplingRatio: sr, aligned: false }
			);
			const x = toNhwc(map);
			const y = roiAlignGpu(x, boxes, {
				outputSize: out,
				spatialScale: scale,
				samplingRatio: sr,
				aligned: false
			});
			const got = y.transpose([0, 3, 1, 2]).dataSync();
			let worst = 0;
			for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - ref.data[i]));
			expect(got.length).toBe(ref.data.length);
			expect(worst).toBeLessThanOrEqual(1e-4);
			tf.dispose([x, y]);
		});
	}

	for (const path of ['gather', 'ops'] as const)
		test(`${path}: multiScaleRoiAlign keeps the box order across levels`, () => {
			const r = rng(3);
			const maps = [randomMap(4, 32, 32, r), randomMap(4, 16, 16, r)];
			const feats = maps.map(toNhwc);
			const boxes = randomBoxes(12, 128, r);
			const levels = Int32Array.from({ length: 12 }, (_, i) => 2 + (i % 2));
			const y = multiScaleRoiAlign(feats, boxes, levels, { outputSize: 7, samplingRatio: 2, path });
			const got = y.transpose([0, 3, 1, 2]).dataSync();
			for (let i = 0; i < 12; i++) {
				const li = levels[i] - 2;
				const ref = roiAlign(
					maps[li],
					{ shape: [1, 5], data: Float32Array.from([0, ...boxes.subarray(4 * i, 4 * i + 4)]) },
					{ outputSize: 7, spatialScale: 2 ** -levels[i], samplingRatio: 2, aligned: false }
				);
				const part = got.subarray(i * ref.data.length, (i + 1) * ref.data.length);
				for (let j = 0; j < part.length; j++)
					expect(Math.abs(part[j] - ref.data[j])).toBeLessThanOrEqual(1e-4);
			}
			tf.dispose([...feats, y]);
		});

	for (const path of ['gather', 'ops'] as const)
		test(`${path}: multiScaleRoiAlign padTo: the same boxes, then zero rows, in one output of the padded size`, () => {
			const r = rng(5);
			const maps = [randomMap(4, 32, 32, r), randomMap(4, 16, 16, r)];
			const feats = maps.map(toNhwc);
			const boxes = randomBoxes(5, 128, r);
			const levels = Int32Array.from([2, 3, 3, 2, 3]);
			const opts = { outputSize: 7, samplingRatio: 2, path };
			const exact = multiScaleRoiAlign(feats, boxes, levels, opts);
			const padded = multiScaleRoiAlign(feats, boxes, levels, { ...opts, padTo: bucketRows(5, 100) });
			expect(padded.shape).toEqual([8, 7, 7, 4]);
			const a = exact.dataSync();
			const b = padded.dataSync();
			expect(Array.from(b.subarray(0, a.length))).toEqual(Array.from(a));
			expect(b.subarray(a.length).every((v) => v === 0)).toBe(true);
			expect(() => multiScaleRoiAlign(feats, boxes, levels, { ...opts, padTo: 4 })).toThrow(/padTo/);
			tf.dispose([...feats, exact, padded]);
		});
});

describe('bucketRows', () => {
	test('powers of two to 16, multiples of 16 to 128, then of 128, never above the cap', () => {
		expect([1, 2, 3, 5, 9, 16, 17, 33, 128, 129, 900].map((k) => bucketRows(k))).toEqual([
			1, 2, 3, 5, 9, 16, 17, 33, 128, 129, 900
		]);
		expect([1, 2, 3, 5, 9, 16, 17, 33, 128, 129, 900].map((k) => bucketRows(k, 1000))).toEqual([
			1, 2, 4, 8, 16, 16, 32, 48, 128, 256, 1000
		]);
		expect(bucketRows(1000, 1000)).toBe(1000);
		expect(bucketRows(90, 100)).toBe(96);
		expect(bucketRows(99, 100)).toBe(100);
		expect(() => bucketRows(-1)).toThrow(/k must be/);
	});
	test('chunksOf covers k rows in order, the last chunk short', () => {
		expect(chunksOf(40, 16)).toEqual([
			[0, 16],
			[16, 16],
			[32, 8]
		]);
		expect(chunksOf(3, 16)).toEqual([[0, 3]]);
		expect(chunksOf(0, 16)).toEqual([]);
		expect(() => chunksOf(3, 0)).toThrow(/size/);
	});
});
