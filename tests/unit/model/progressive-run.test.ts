// RunOptions.onPart: a live run reports its five parts in order, each with a valid partial trace whose finished
// fields are already the final ones and whose others are still empty. tfjs CPU backend on the shipped weights.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import {
	DEFAULT_MODEL,
	MaskRcnnModel,
	RUN_PARTS,
	type ModelTrace,
	type RunPart
} from '../../../src/lib/model';
import { generateScene } from '../../../src/lib/scenes';
import { haveWeights as have } from '../../helpers/cpu-model';
import { fileFetch } from '../../helpers/file-fetch';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let model: MaskRcnnModel;
let final: ModelTrace;
const calls: { part: RunPart; partial: ModelTrace }[] = [];

beforeAll(async () => {
	if (!have) return;
	await tf.setBackend('cpu');
	model = await MaskRcnnModel.load(`/${DEFAULT_MODEL}`, {
		fetch: fileFetch('static/weights'),
		cacheName: null
	});
	const s = generateScene(11);
	// 256 px keeps the CPU run short; the code path is the one every size takes
	final = await model.run(
		{ data: s.image, height: s.height, width: s.width, channels: 3 },
		{ inputSize: 256, onPart: (part, partial) => calls.push({ part, partial }) }
	);
});

afterAll(() => {
	final?.dispose();
	model?.dispose();
});

test.skipIf(!have)('onPart is called once per part, in order, and parts lists what is done', () => {
	expect(calls.map((c) => c.part)).toEqual(['input', 'network', 'proposals', 'boxHead', 'maskHead']);
	calls.forEach((c, i) => expect(c.partial.parts).toEqual(RUN_PARTS.slice(0, i + 1)));
	expect(final.parts).toEqual(RUN_PARTS);
	expect(final.source).toBe('live');
	expect(final.detections.scores.length).toBeGreaterThan(0);
});

test.skipIf(!have)("each partial's finished fields equal the final trace's; the rest are empty", () => {
	for (const { partial: t, part } of calls) {
		const done = (p: RunPart) => t.parts.includes(p);
		expect(t.input, part).toEqual(final.input);
		if (done('network')) {
			expect(t.rpn, part).toEqual(final.rpn);
			expect(t.features.p.map((m) => m.tensor)).toEqual(final.features.p.map((m) => m.tensor));
			expect(t.features.c.map((m) => m.shape)).toEqual(final.features.c.map((m) => m.shape));
		} else {
			expect(t.features.c.length + t.features.p.length + t.rpn.logits.length + t.rpn.anchors.length).toBe(0);
		}
		if (done('proposals')) {
			expect(t.proposals, part).toEqual(final.proposals);
			expect(t.proposalLevels).toEqual(final.proposalLevels);
		} else expect(t.proposals.boxes.length + t.proposalLevels.length).toBe(0);
		if (done('boxHead')) {
			expect(t.boxHead, part).toEqual(final.boxHead);
			expect(t.detections).toEqual(final.detections);
		} else expect(t.boxHead.classLogits.length + t.detections.scores.length).toBe(0);
		if (done('maskHead')) expect(t.masks, part).toEqual(final.masks);
		else {
			expect(t.masks.logits.data.length + t.masks.pasted.data.length).toBe(0);
			expect(t.masks.logits.shape.slice(1)).toEqual(final.masks.logits.shape.slice(1));
		}
	}
});

test.skipIf(!have)('timings fill in as parts finish', () => {
	const [afterInput, afterNetwork] = calls.map((c) => c.partial.timings);
	expect(afterInput.transform).toBeGreaterThan(0);
	expect(afterInput.network).toBe(0);
	expect(afterNetwork.network).toBeGreaterThan(0);
	expect(final.timings.total).toBeGreaterThanOrEqual(final.timings.network + final.timings.boxHead);
});

test.skipIf(!have)("a partial's dispose frees nothing: the final trace's maps stay readable", async () => {
	const before = tf.memory().numTensors;
	calls.forEach((c) => c.partial.dispose());
	expect(tf.memory().numTensors).toBe(before);
	const p2 = await final.features.p[0].read();
	expect(p2.shape).toEqual([1, 64, 64, 64]);
});
