// runHeadsOnBoxes (the training view's way to send any box through the heads) must reproduce what a normal run gives
// for the same boxes: the box head on the trace's proposals, the mask head on its detections. tfjs CPU backend.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { runHeadsOnBoxes, type MaskRcnnModel, type ModelTrace } from '../../../src/lib/model';
import { generateScene } from '../../../src/lib/scenes';
import { cpuModelOnScene, haveWeights as have, maxAbsDiff } from '../../helpers/cpu-model';

// One CPU forward pass of the 512 px model: ~10–60 s on a busy 2-core machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let model: MaskRcnnModel;
let trace: ModelTrace;

beforeAll(async () => {
	if (have) ({ model, trace } = await cpuModelOnScene(11));
});

afterAll(() => {
	trace?.dispose();
	model?.dispose();
});

test.skipIf(!have)('box head on the trace proposals = the trace box-head logits and deltas', async () => {
	const k = Math.min(6, trace.proposals.scores.length);
	const classes = trace.classNames.length;
	const before = tf.memory().numTensors;
	const out = await runHeadsOnBoxes(model.network, trace, trace.proposals.boxes.slice(0, 4 * k));
	expect(tf.memory().numTensors).toBe(before); // nothing left on the backend
	expect(out.levels).toEqual(trace.proposalLevels.slice(0, k));
	const dl = maxAbsDiff(out.classLogits, trace.boxHead.classLogits.subarray(0, k * classes));
	const dd = maxAbsDiff(out.boxDeltas, trace.boxHead.boxDeltas.subarray(0, 4 * k * classes));
	console.info(
		`box head on ${k} proposals: max |Δlogit| ${dl.toExponential(2)}, max |Δdelta| ${dd.toExponential(2)}`
	);
	expect(dl).toBeLessThan(1e-4);
	expect(dd).toBeLessThan(1e-4);
});

test.skipIf(!have)('mask head on the detections = trace.masks.logits', async () => {
	const d = trace.detections.scores.length;
	expect(d).toBeGreaterThan(0);
	const out = await runHeadsOnBoxes(model.network, trace, trace.detections.boxes);
	expect(out.maskLogits.shape).toEqual(trace.masks.logits.shape);
	const dm = maxAbsDiff(out.maskLogits.data, trace.masks.logits.data);
	console.info(`mask head on ${d} detections: max |Δlogit| ${dm.toExponential(2)}`);
	expect(dm).toBeLessThan(1e-4);
});

// On WebGL the heads run on padded rows and the mask head in chunks (head-rows.ts); here the same path on the CPU
// backend, in chunks of 3 so that 8 detections take three chunks, the last one padded, must give the same run.
test.skipIf(!have)('padded heads and a chunked mask head give the unpadded run', async () => {
	const s = generateScene(11);
	const padded = await model.run(
		{ data: s.image, height: s.height, width: s.width, channels: 3 },
		{ padRows: true, maskChunk: 3 }
	);
	try {
		expect(trace.detections.scores.length).toBeGreaterThan(6);
		expect(Array.from(padded.detections.labels)).toEqual(Array.from(trace.detections.labels));
		expect(maxAbsDiff(padded.detections.boxes, trace.detections.boxes)).toBeLessThan(1e-4);
		expect(padded.masks.logits.shape).toEqual(trace.masks.logits.shape);
		const dm = maxAbsDiff(padded.masks.logits.data, trace.masks.logits.data);
		const dl = maxAbsDiff(padded.boxHead.classLogits, trace.boxHead.classLogits);
		console.info(
			`padded vs exact rows: max |Δmask logit| ${dm.toExponential(2)}, |Δclass logit| ${dl.toExponential(2)}`
		);
		expect(dm).toBeLessThan(1e-4);
		expect(dl).toBeLessThan(1e-4);
	} finally {
		padded.dispose();
	}
});

test.skipIf(!have)('refuses an empty box list and a disposed trace', async () => {
	await expect(runHeadsOnBoxes(model.network, trace, new Float32Array(0))).rejects.toThrow(/K ≥ 1/);
});
