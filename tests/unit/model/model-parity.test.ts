// The golden test of the whole model: tfjs (WASM backend in Node, tests/helpers/node-backend.ts) against torchvision's MaskRCNN on the shipped weights,
// scene by scene and stage by stage, so a failure names the stage that differs. Fixture: tools/parity/. Every model
// of the switcher has its own fixture, tests/fixtures/model-parity[-<variant>].json, named by its `weights`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { MaskRcnnModel, readFeature, type ModelTrace } from '../../../src/lib/model';
import { MODELS } from '../../../src/lib/model/models';
import { boxIou } from '../../../src/lib/ops';
import { generateScene } from '../../../src/lib/scenes';
import { fileFetch } from '../../helpers/file-fetch';
import { useNodeBackend } from '../../helpers/node-backend';

interface Stats {
	shape: number[];
	mean: number;
	std: number;
	min: number;
	max: number;
	absmean: number;
}
interface Case {
	seed: number;
	rgbSha256: string;
	size: [number, number];
	featureStats: { c: Stats[]; p: Stats[] };
	proposals: number[];
	proposalCount: number;
	boxes: number[];
	labels: number[];
	scores: number[];
	/** base64 little-endian uint16 of round(p × 65535), one 28×28 mask per detection */
	maskProbs28Q16: string[];
	pastedRuns: number[][];
}
interface Fixture {
	weights: string;
	cases: Case[];
}

const WEIGHTS_ROOT = process.env.MODEL_WEIGHTS_ROOT ?? 'static/weights';
const FIXTURE_FILES = process.env.MODEL_PARITY_FIXTURE
	? [process.env.MODEL_PARITY_FIXTURE]
	: readdirSync('tests/fixtures')
			.filter((f) => /^model-parity(-[\w-]+)?\.json$/.test(f))
			.map((f) => `tests/fixtures/${f}`);
const FIXTURES: Fixture[] = FIXTURE_FILES.filter(existsSync).map((f) => JSON.parse(readFileSync(f, 'utf8')));

// A CPU-backend forward pass of the 512 px model takes ~10–60 s on a busy 2-core machine.
vi.setConfig({ testTimeout: 300_000 });

/** The worst agreement seen over all scenes, per model, printed at the end for the docs. */
const worstOf = new Map<string, typeof WORST_START>();
const WORST_START = { proposalIou: 1, boxIou: 1, score: 0, maskProb: 0, pastedIou: 1, detections: 0 };
afterAll(() => {
	for (const [weights, worst] of worstOf)
		console.info(`parity (${weights}), worst over all scenes:`, JSON.stringify(worst));
});

async function traceOf(model: MaskRcnnModel, traces: Map<number, ModelTrace>, c: Case): Promise<ModelTrace> {
	let t = traces.get(c.seed);
	if (!t) {
		const scene = generateScene(c.seed, { width: c.size[1], height: c.size[0] });
		const sha = createHash('sha256').update(scene.image).digest('hex');
		expect(sha, `scene ${c.seed}: TS scene pixels differ from the PNG torchvision saw`).toBe(c.rgbSha256);
		t = await model.run({ data: scene.image, height: scene.height, width: scene.width, channels: 3 });
		traces.set(c.seed, t);
	}
	return t;
}

function decodeQ16(b64: string): Float64Array {
	const bytes = Buffer.from(b64, 'base64');
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return Float64Array.from({ length: bytes.byteLength / 2 }, (_, i) => view.getUint16(2 * i, true) / 65535);
}

function runsToMask(runs: number[], n: number): Uint8Array {
	const m = new Uint8Array(n);
	let o = 0;
	runs.forEach((len, i) => {
		if (i % 2 === 1) m.fill(1, o, o + len);
		o += len;
	});
	return m;
}

function maskIou(a: Uint8Array, b: Uint8Array): number {
	let inter = 0;
	let union = 0;
	for (let i = 0; i < a.length; i++) {
		inter += a[i] & b[i];
		union += a[i] | b[i];
	}
	return union === 0 ? 1 : inter / union;
}

/** Greedy one-to-one matching of our detections to torchvision's: same label, best box IoU. */
function matchDetections(t: ModelTrace, c: Case): { ours: number; iou: number }[] {
	const used = new Set<number>();
	return c.labels.map((label, j) => {
		const ref = Float32Array.from(c.boxes.slice(4 * j, 4 * j + 4));
		let best = { ours: -1, iou: 0 };
		for (let i = 0; i < t.detections.labels.length; i++) {
			if (used.has(i) || t.detections.labels[i] !== label) continue;
			const iou = boxIou(ref, t.detections.boxesOriginal.subarray(4 * i, 4 * i + 4))[0];
			if (iou > best.iou) best = { ours: i, iou };
		}
		if (best.ours >= 0) used.add(best.ours);
		return best;
	});
}

describe.each(FIXTURES.map((f) => [f.weights, f] as const))(
	'tfjs Mask R-CNN equals torchvision on %s',
	(_, fixture) => {
		let model: MaskRcnnModel;
		const traces = new Map<number, ModelTrace>();
		const worst = { ...WORST_START };
		worstOf.set(fixture.weights, worst);
		beforeAll(async () => {
			await useNodeBackend();
			model = await MaskRcnnModel.load(fixture.weights, { fetch: fileFetch(WEIGHTS_ROOT), cacheName: null });
		}, 120_000);
		afterAll(() => {
			traces.forEach((t) => t.dispose());
			model?.dispose();
		});
		const traceOfCase = (c: Case) => traceOf(model, traces, c);
		for (const c of fixture.cases) {
			describe(`scene seed ${c.seed}`, () => {
				test('stage 1: backbone and FPN features (per-level statistics)', async () => {
					const t = await traceOfCase(c);
					const all = [...t.features.c, ...t.features.p];
					const ref = [...c.featureStats.c, ...c.featureStats.p];
					for (let l = 0; l < all.length; l++) {
						const f = await readFeature(all[l]);
						expect(f.shape, `level ${l} shape`).toEqual(ref[l].shape);
						let s = 0;
						let mn = Infinity;
						let mx = -Infinity;
						for (const v of f.data) {
							s += v;
							mn = Math.min(mn, v);
							mx = Math.max(mx, v);
						}
						const scale = Math.max(1, ref[l].absmean);
						expect(Math.abs(s / f.data.length - ref[l].mean), `level ${l} mean`).toBeLessThan(1e-4 * scale);
						expect(Math.abs(mn - ref[l].min), `level ${l} min`).toBeLessThan(1e-3 * scale);
						expect(Math.abs(mx - ref[l].max), `level ${l} max`).toBeLessThan(1e-3 * scale);
					}
				});

				test('stage 2: RPN proposals (top 50 matched with IoU >= 0.999)', async () => {
					const t = await traceOfCase(c);
					expect(t.proposals.scores.length).toBe(c.proposalCount);
					const n = c.proposals.length / 4;
					let w = 1;
					for (let j = 0; j < n; j++) {
						const ref = Float32Array.from(c.proposals.slice(4 * j, 4 * j + 4));
						let best = 0;
						for (let i = 0; i < Math.min(t.proposals.scores.length, n + 20); i++)
							best = Math.max(best, boxIou(ref, t.proposals.boxes.subarray(4 * i, 4 * i + 4))[0]);
						w = Math.min(w, best);
					}
					worst.proposalIou = Math.min(worst.proposalIou, w);
					expect(w).toBeGreaterThanOrEqual(0.999);
				});

				test('stage 3: detections (label, box IoU >= 0.99, |Δscore| <= 1e-4)', async () => {
					const t = await traceOfCase(c);
					expect(t.detections.labels.length).toBe(c.labels.length);
					const m = matchDetections(t, c);
					worst.detections += m.length;
					m.forEach(({ ours, iou }, j) => {
						worst.boxIou = Math.min(worst.boxIou, iou);
						if (ours >= 0)
							worst.score = Math.max(worst.score, Math.abs(t.detections.scores[ours] - c.scores[j]));
						expect(
							ours,
							`torchvision detection ${j} (label ${c.labels[j]}) has no match`
						).toBeGreaterThanOrEqual(0);
						expect(iou, `detection ${j} box IoU`).toBeGreaterThanOrEqual(0.99);
						expect(
							Math.abs(t.detections.scores[ours] - c.scores[j]),
							`detection ${j} score`
						).toBeLessThanOrEqual(1e-4);
					});
				});

				test('stage 4: masks (28×28 probabilities within 1e-3, pasted mask IoU >= 0.99)', async () => {
					const t = await traceOfCase(c);
					const [h, w] = c.size;
					const mm = t.masks.probs.shape[2] * t.masks.probs.shape[3];
					matchDetections(t, c).forEach(({ ours }, j) => {
						const got = t.masks.probs.data.subarray(ours * mm, (ours + 1) * mm);
						let d = 0;
						decodeQ16(c.maskProbs28Q16[j]).forEach((v, i) => (d = Math.max(d, Math.abs(v - got[i]))));
						worst.maskProb = Math.max(worst.maskProb, d);
						expect(d, `detection ${j} mask probabilities`).toBeLessThanOrEqual(1e-3);
						const ourMask = Uint8Array.from(
							t.masks.pasted.data.subarray(ours * h * w, (ours + 1) * h * w),
							(v) => (v >= 0.5 ? 1 : 0)
						);
						const iou = maskIou(ourMask, runsToMask(c.pastedRuns[j], h * w));
						worst.pastedIou = Math.min(worst.pastedIou, iou);
						expect(iou, `detection ${j} pasted mask IoU`).toBeGreaterThanOrEqual(0.99);
					});
				});
			});
		}
	}
);

test('every model of the switcher has its parity fixture, of 5 scenes or more', () => {
	if (process.env.MODEL_PARITY_FIXTURE) return; // one fixture chosen by hand
	expect(FIXTURES.map((f) => f.weights).sort()).toEqual(MODELS.map((m) => m.id).sort());
	for (const f of FIXTURES) expect(f.cases.length, f.weights).toBeGreaterThanOrEqual(5);
});
