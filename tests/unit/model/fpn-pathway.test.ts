// The stepper's top-down pathway maps must be the ones P2–P5 were made from: M = lateral + up(M above),
// the top-down term is M of the level above copied into 2×2 blocks, and the FPN's 3×3 layer on M gives the run's P.
// tfjs CPU backend on the shipped weights.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import {
	readFeature,
	readFpnPathway,
	type FpnPathwayMaps,
	type MaskRcnnModel,
	type ModelTrace
} from '../../../src/lib/model';
import { conv } from '../../../src/lib/model/layers';
import { cpuModelOnScene, haveWeights as have, maxAbsDiff } from '../../helpers/cpu-model';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let model: MaskRcnnModel;
let trace: ModelTrace;
const paths: FpnPathwayMaps[] = [];

beforeAll(async () => {
	if (!have) return;
	({ model, trace } = await cpuModelOnScene(11));
	for (let level = 2; level <= 5; level++) paths.push(await readFpnPathway(model.network, trace, level));
});

afterAll(() => {
	trace?.dispose();
	model?.dispose();
});

test.skipIf(!have)('M = lateral + top-down, and the top level has no top-down term', () => {
	for (const g of paths) {
		if (g.level === 5) {
			expect(g.topDown).toBeNull();
			expect(maxAbsDiff(g.merged.data, g.lateral.data)).toBe(0);
			continue;
		}
		const sum = g.lateral.data.map((v, i) => Math.fround(v + g.topDown!.data[i]));
		expect(maxAbsDiff(g.merged.data, sum)).toBe(0);
	}
});

test.skipIf(!have)('the top-down term is M of the level above, each cell copied into 2×2', () => {
	for (const g of paths.filter((p) => p.level < 5)) {
		const above = paths.find((p) => p.level === g.level + 1)!.merged;
		const [, ch, h, w] = g.topDown!.shape;
		const [, , ha, wa] = above.shape;
		expect([ha * 2, wa * 2]).toEqual([h, w]); // the input is padded to ×32, so sizes halve exactly
		let worst = 0;
		for (let c = 0; c < ch; c++)
			for (let y = 0; y < h; y++)
				for (let x = 0; x < w; x++) {
					const v = g.topDown!.data[(c * h + y) * w + x];
					const u = above.data[(c * ha + (y >> 1)) * wa + (x >> 1)];
					worst = Math.max(worst, Math.abs(v - u));
				}
		expect(worst).toBe(0);
	}
});

test.skipIf(!have)(
	"the FPN's 3×3 layer on M gives the run's P (the pathway is the one P was made from)",
	async () => {
		for (const g of paths) {
			const i = g.level - 2;
			const [, ch, h, w] = g.merged.shape;
			const m = tf.tensor4d(g.merged.data, [1, ch, h, w]).transpose([0, 2, 3, 1]) as tf.Tensor4D;
			// the network's own parameters (private: the site never needs them outside network.ts)
			const params = (model.network as unknown as { p: Parameters<typeof conv>[0] }).p;
			const p = conv(params, `backbone.fpn.layer_blocks.${i}.0`, m, 1, 1);
			const mine = await readFeature(p);
			const run = await readFeature(trace.features.p[i]);
			tf.dispose([m, p]);
			expect(maxAbsDiff(mine.data, run.data)).toBeLessThanOrEqual(1e-5);
		}
	}
);

test.skipIf(!have)('a bad level is named, and the GPU tensors are freed after reading', async () => {
	expect(() =>
		model.network.fpnPathway(
			trace.features.c.map((f) => f.tensor!),
			6
		)
	).toThrow(/level must be an integer from 2 to 5, got 6/);
	const before = tf.memory().numTensors;
	await readFpnPathway(model.network, trace, 3);
	expect(tf.memory().numTensors).toBe(before);
});
