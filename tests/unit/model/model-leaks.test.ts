// No tensor leaks: a run's trace owns its feature tensors and frees them on dispose(), everything else is freed inside
// the run, so the backend's tensor count after 20 runs equals the count after one.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { DEFAULT_MODEL, MaskRcnnModel } from '../../../src/lib/model';
import { generateScene } from '../../../src/lib/scenes';
import { fileFetch } from '../../helpers/file-fetch';

let model: MaskRcnnModel;

beforeAll(async () => {
	// WASM: the same kernels-behind-an-interface as WebGL/CPU, and fast enough in Node for 21 full passes.
	setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
	expect(await tf.setBackend('wasm')).toBe(true);
	model = await MaskRcnnModel.load(DEFAULT_MODEL, { fetch: fileFetch('static/weights'), cacheName: null });
}, 120_000);

test('tf.memory().numTensors is the same after 20 runs as after one', async () => {
	// A 128 px input keeps 21 passes short; the code path is the one every size takes.
	const scenes = [3, 5].map((seed) => generateScene(seed, { width: 128, height: 128, maxSize: 120 }));
	const runOnce = async (i: number) => {
		const s = scenes[i % scenes.length];
		const t = await model.run(
			{ data: s.image, height: s.height, width: s.width, channels: 3 },
			{ inputSize: 128 }
		);
		expect(t.features.p.length).toBe(5);
		t.dispose();
	};
	await runOnce(0);
	const afterOne = tf.memory().numTensors;
	for (let i = 1; i <= 20; i++) await runOnce(i);
	expect(tf.memory().numTensors).toBe(afterOne);
}, 300_000);

test('a trace that is not disposed keeps exactly its feature tensors (C2–C5, P2–P6)', async () => {
	const s = generateScene(9, { width: 128, height: 128, maxSize: 120 });
	const before = tf.memory().numTensors;
	const t = await model.run(
		{ data: s.image, height: s.height, width: s.width, channels: 3 },
		{ inputSize: 128 }
	);
	expect(tf.memory().numTensors - before).toBe(9);
	t.dispose();
	expect(tf.memory().numTensors).toBe(before);
}, 120_000);

test('a read that rejects midway (a lost context, say) frees every tensor of the run, and the next run works', async () => {
	const s = generateScene(4, { width: 128, height: 128, maxSize: 120 });
	const input = { data: s.image, height: s.height, width: s.width, channels: 3 as const };
	(await model.run(input, { inputSize: 128 })).dispose(); // the weights become tensors on first use
	const before = tf.memory().numTensors;
	const data = tf.Tensor.prototype.data;
	// The run reads 5 objectness maps, 5 delta maps, the box head's two outputs and the mask logits, in that order:
	// fail the 1st (RPN), the 11th (box head) and the 13th (mask head) read in turn.
	for (const failAt of [1, 11, 13]) {
		let reads = 0;
		tf.Tensor.prototype.data = function (this: tf.Tensor) {
			reads++;
			if (reads === failAt) return Promise.reject(new Error(`read ${failAt} failed`));
			return data.call(this) as ReturnType<typeof data>;
		} as typeof data;
		try {
			await expect(model.run(input, { inputSize: 128 })).rejects.toThrow(`read ${failAt} failed`);
		} finally {
			tf.Tensor.prototype.data = data;
		}
		expect(reads).toBeGreaterThanOrEqual(failAt);
		expect(tf.memory().numTensors).toBe(before);
	}
	const t = await model.run(input, { inputSize: 128 });
	expect(t.detections.labels.length).toBeGreaterThanOrEqual(0);
	t.dispose();
	expect(tf.memory().numTensors).toBe(before);
}, 120_000);
