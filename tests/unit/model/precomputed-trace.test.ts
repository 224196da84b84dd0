// Each shipped precomputed trace (static/weights/<model>/traces, `npm run traces`, tools/traces/model-traces.ts)
// equals a live run of its scene on the weights beside it (tfjs in Node, tests/helpers/node-backend.ts): proposals and detections within model-parity.test.ts's tolerances, features within
// float16 rounding, and the weights fingerprint equals the manifest's, so a retrain without regenerating the
// traces fails here. Each preset still meets the rule it was chosen by (every detection at score ≥ 0.5 right).
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
	checkTraceWeights,
	DEFAULT_MODEL,
	loadPrecomputedTrace,
	MaskRcnnModel,
	storedRunPath,
	TRACE_PRESETS,
	type ModelTrace
} from '../../../src/lib/model';
import { parseManifest } from '../../../src/lib/model/manifest';
import { MODELS } from '../../../src/lib/model/models';
import { boxIou } from '../../../src/lib/ops';
import { generateScene } from '../../../src/lib/scenes';
import { matchScene } from '../../../tools/traces/scene-match';
import { haveWeights as have, maxAbsDiff } from '../../helpers/cpu-model';
import { fileFetch } from '../../helpers/file-fetch';
import { useNodeBackend } from '../../helpers/node-backend';

// One CPU forward pass of the 512 px model per preset: ~15–30 s each on a busy 2-core machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const manifestOf = (id: string) =>
	parseManifest(JSON.parse(readFileSync(`static/weights/${id}/manifest.json`, 'utf8')));
const loaded = new Map<string, MaskRcnnModel>();
/** Each model of the switcher is loaded once, when its first stored run is checked. */
async function modelOf(id: string): Promise<MaskRcnnModel> {
	let m = loaded.get(id);
	if (!m) {
		await useNodeBackend();
		m = await MaskRcnnModel.load(`/${id}`, { fetch: fileFetch('static/weights'), cacheName: null });
		loaded.set(id, m);
	}
	return m;
}
afterAll(() => loaded.forEach((m) => m.dispose()));

// every model's stored runs: the shipped model's presets, and the switcher's other models on the scenes models.ts lists
const RUNS = MODELS.flatMap((m) =>
	TRACE_PRESETS.filter((p) => m.storedRuns.includes(p.id)).map((preset) => ({ model: m.id, preset }))
);

/** Half a float16 ulp at x (2^-25 below the normals): features.bin's largest rounding error. */
function halfUlp16(x: number): number {
	const a = Math.abs(x);
	return a < 2 ** -14 ? 2 ** -25 : 2 ** (Math.floor(Math.log2(a)) - 11);
}

test('there are 3–5 presets, the landing scene first, and their files exist', () => {
	expect(TRACE_PRESETS.length).toBeGreaterThanOrEqual(3);
	expect(TRACE_PRESETS.length).toBeLessThanOrEqual(5);
	for (const p of TRACE_PRESETS) {
		for (const f of ['trace.json', 'trace.bin', 'features.bin'])
			expect(existsSync(`static${storedRunPath(p.id)}/${f}`), `${p.id}/${f}`).toBe(true);
		// not a training (0..2499) or held-out evaluation (1000000..1000299) scene
		expect(p.seed >= 2500 && (p.seed < 1_000_000 || p.seed >= 1_000_300), `${p.id} seed`).toBe(true);
	}
	expect(new Set(TRACE_PRESETS.flatMap((p) => p.levels))).toEqual(new Set([2, 3, 4, 5]));
});

test('every model of the switcher lists stored runs that exist, the landing scene first', () => {
	for (const m of MODELS) {
		expect(m.storedRuns[0], m.id).toBe(TRACE_PRESETS[0].id);
		for (const id of m.storedRuns) {
			expect(TRACE_PRESETS.some((p) => p.id === id)).toBe(true);
			for (const f of ['trace.json', 'trace.bin', 'features.bin'])
				expect(existsSync(`static${storedRunPath(id, m.id)}/${f}`), `${m.id}/${id}/${f}`).toBe(true);
		}
	}
});

describe.skipIf(!have)('each precomputed trace equals a live run of its scene', () => {
	for (const { model: modelId, preset } of RUNS) {
		describe(`${modelId}: ${preset.id}`, () => {
			let live: ModelTrace;
			let pre: ModelTrace;
			const scene = generateScene(preset.seed);
			beforeAll(async () => {
				const image = { data: scene.image, width: scene.width, height: scene.height };
				pre = await loadPrecomputedTrace(storedRunPath(preset.id, modelId), image, fileFetch('static'));
				live = await (await modelOf(modelId)).run({ ...image, channels: 3 });
			});
			afterAll(() => live?.dispose());

			test('made with the weights it is stored beside', () => {
				expect(pre.precomputed?.seed).toBe(preset.seed);
				expect(() => checkTraceWeights(pre, manifestOf(modelId))).not.toThrow();
			});

			test('proposals: same count, the top 50 matched with IoU ≥ 0.999', () => {
				expect(pre.proposals.scores.length).toBe(live.proposals.scores.length);
				const n = Math.min(50, live.proposals.scores.length);
				for (let j = 0; j < n; j++) {
					const ref = live.proposals.boxes.subarray(4 * j, 4 * j + 4);
					let best = 0;
					for (let i = 0; i < Math.min(pre.proposals.scores.length, n + 20); i++)
						best = Math.max(best, boxIou(ref, pre.proposals.boxes.subarray(4 * i, 4 * i + 4))[0]);
					expect(best, `proposal ${j}`).toBeGreaterThanOrEqual(0.999);
				}
			});

			test('detections: labels, box IoU ≥ 0.99, |Δscore| ≤ 1e-4; masks within 1e-3', () => {
				const d = live.detections;
				expect(pre.detections.labels).toEqual(d.labels);
				for (let i = 0; i < d.scores.length; i++) {
					const iou = boxIou(
						d.boxesOriginal.subarray(4 * i, 4 * i + 4),
						pre.detections.boxesOriginal.subarray(4 * i, 4 * i + 4)
					)[0];
					expect(iou, `detection ${i} box IoU`).toBeGreaterThanOrEqual(0.99);
					expect(
						Math.abs(pre.detections.scores[i] - d.scores[i]),
						`detection ${i} score`
					).toBeLessThanOrEqual(1e-4);
				}
				expect(maxAbsDiff(pre.masks.probs.data, live.masks.probs.data)).toBeLessThanOrEqual(1e-3);
			});

			// The traces were written from a CPU-backend run; the live run here may use another float32 backend
			// (WASM), whose sums differ in the last float32 bits, so a value on a float16 rounding boundary may round
			// the other way: allow that float32 noise on top (1e-5, relative above 1; the largest seen on WASM is 5e-6).
			const slack = (v: number) => halfUlp16(v) + 1e-5 * Math.max(1, Math.abs(v));
			test('features: read() within float16 rounding of the live maps; previews equal', async () => {
				const maps = (t: ModelTrace) => [...t.features.c, ...t.features.p];
				const [pm, lm] = [maps(pre), maps(live)];
				expect(pm.map((m) => m.shape)).toEqual(lm.map((m) => m.shape));
				for (let i = 0; i < lm.length; i++) {
					const [a, b] = await Promise.all([pm[i].read(), lm[i].read()]);
					let bad = 0;
					b.data.forEach((v, j) => {
						if (!(Math.abs(a.data[j] - v) <= slack(v))) bad++;
					});
					expect(bad, `map ${i}: values off by more than float16 rounding`).toBe(0);
					const [pp, lp] = await Promise.all([pm[i].preview(), lm[i].preview()]);
					expect(pp.channel, `map ${i} preview channel`).toBe(lp.channel);
					expect(maxAbsDiff(pp.map.data, lp.map.data), `map ${i} preview`).toBeLessThanOrEqual(1e-5);
				}
			});

			// the scenes were chosen for the shipped model; another model is shown as it does on them
			test.skipIf(modelId !== DEFAULT_MODEL)(
				'still the rule it was chosen by: detections at ≥ 0.5 match the scene one to one',
				() => {
					const m = matchScene(live.detections, scene.instances, live.classNames);
					expect(m.problems).toEqual([]);
					expect(m.shown).toBe(preset.detections);
					const levels = [...new Set(live.detections.levels.subarray(0, m.shown))].sort();
					expect(levels).toEqual(preset.levels);
				}
			);
		});
	}
});
