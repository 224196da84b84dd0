// A precomputed trace (static/weights/<model>/traces/<id>/, format in trace-format.ts) replayed into a ModelTrace without tfjs or
// weights: the stored network outputs go through the same glue functions runModel uses (glue.ts), so the page
// shows at once what a live run computes, and features.bin is fetched only when a feature map is read.
import { topkPerLevel, type Tensor } from '$lib/ops';
import { DEFAULT_MODEL } from './default-model';
import { decodeFloat16 } from './float16';
import { concat, detectionsOf, maskLogitsShape, masksOf, proposalsOf, rpnOf, transformInput } from './glue';
import { sha256Hex } from './sha256';
import type { FeatureMap, ModelTrace } from './trace';
import { TraceDraft } from './trace-draft';
import { FEATURE_NAMES, parseTraceHeader, type StoredTensor, type TraceHeader } from './trace-format';

export { checkTraceWeights, weightsFingerprint } from './trace-format';

/** The scene's RGB bytes, as generateScene(seed) returns them (the caller regenerates the scene from the seed). */
/**
 * Where a preset's stored run lives, under its model's weights (`static/weights/<model>/traces/<id>/`): a stored run
 * belongs to the weights that made it (trace.json carries their fingerprint), so each model has its own.
 */
export function storedRunPath(id: string, model: string = DEFAULT_MODEL): string {
	return `/weights/${model}/traces/${id}`;
}

export interface PrecomputedImage {
	data: Uint8Array;
	width: number;
	height: number;
}

/**
 * Loads `${baseUrl}/trace.json` and `trace.bin` and replays them on `image`. Bad or stale files throw an Error that
 * names the file and what is wrong; weights other than the shipped ones do not (see checkTraceWeights).
 */
export async function loadPrecomputedTrace(
	baseUrl: string,
	image: PrecomputedImage,
	fetchFn: typeof fetch = fetch
): Promise<ModelTrace> {
	const root = baseUrl.endsWith('/') ? baseUrl : baseUrl + '/';
	const jsonUrl = root + 'trace.json';
	const header = parseTraceHeader(await json(fetchFn, jsonUrl), jsonUrl);
	const binUrl = root + 'trace.bin';
	const bin = await bytes(fetchFn, binUrl, header.files.trace.byteLength);
	await checkImage(header, image, jsonUrl);

	const t0 = performance.now();
	const cfg = header.architecture;
	const stored = new Map(header.files.trace.tensors.map((t) => [t.name, t]));
	const f32 = (name: string) => float32At(bin, stored.get(name)!);
	const fail = (name: string, what: string): never => {
		throw new Error(`${binUrl} ${name}: ${what} (stale files? regenerate with npm run traces)`);
	};

	const input = transformInput({ ...image, channels: 3 }, cfg, header.run.inputSize);
	const draft = new TraceDraft({
		source: 'precomputed',
		precomputed: { url: root, model: header.model, seed: header.seed, weights: header.weights },
		input,
		architecture: cfg,
		backend: 'precomputed'
	});
	const tm = draft.timings;
	let last = t0;
	const lap = (key: 'transform' | 'proposals' | 'boxHead' | 'paste') => {
		const t = performance.now();
		tm[key] = t - last;
		tm.total = t - t0;
		last = t;
	};
	lap('transform');
	draft.done('input');

	const features = lazyFeatures(fetchFn, root + 'features.bin', header, bin);
	const p = features.p;
	const [hp, wp] = input.paddedSize;
	if (p[0].shape[1] * 4 !== hp || p[0].shape[2] * 4 !== wp)
		fail('P2', `a ${p[0].shape[1]}×${p[0].shape[2]} grid does not fit the ${hp}×${wp} padded input`);
	const a = cfg.aspect_ratios.length;
	const logitParts = p.map((m, i) => {
		const got = f32(`rpn.logits.${i}`);
		const want = m.shape[1] * m.shape[2] * a;
		if (got.length !== want) fail(`rpn.logits.${i}`, `${got.length} values, its grid needs ${want}`);
		return got;
	});
	// Only the top-k candidates' deltas are stored (all that filterProposals decodes); the others are NaN, so
	// anything that ever read one would show it rather than a plausible zero.
	const storedCandidates: number[] = [];
	let offset = 0;
	const deltaParts = logitParts.map((logits, i) => {
		const idx = f32(`rpn.candidates.${i}`);
		const rows = f32(`rpn.deltas.${i}`);
		if (rows.length !== 4 * idx.length)
			fail(`rpn.deltas.${i}`, `${rows.length} values, expected 4 × ${idx.length} candidates`);
		const full = new Float32Array(4 * logits.length).fill(NaN);
		idx.forEach((a, j) => {
			if (!Number.isInteger(a) || a < 0 || a >= logits.length)
				fail(`rpn.candidates.${i}`, `index ${a} is outside the level's ${logits.length} anchors`);
			full.set(rows.subarray(4 * j, 4 * j + 4), 4 * a);
			storedCandidates.push(offset + a);
		});
		offset += logits.length;
		return full;
	});
	// the anchors filterProposals will decode (top-k per level of the logits) must be the ones stored
	const picked = topkPerLevel(
		concat(logitParts),
		logitParts.map((l) => l.length),
		cfg.rpn.pre_nms_top_n_test
	);
	if (picked.length !== storedCandidates.length || picked.some((a, j) => a !== storedCandidates[j]))
		fail('rpn.candidates', 'the replay picks other top-k anchors than the stored ones');
	const sizes = p.map((m) => [m.shape[1], m.shape[2]] as [number, number]);
	const rpn = rpnOf(cfg, input, sizes, logitParts, deltaParts);
	draft.set({ features, rpn });
	draft.done('network');

	const stage = proposalsOf(
		cfg,
		input,
		rpn,
		p.slice(0, 4).map((m) => m.shape[1])
	);
	const k = stage.proposals.scores.length;
	if (k !== header.counts.proposals)
		fail('proposals', `the replay gives ${k} proposals, trace.json says ${header.counts.proposals}`);
	draft.set({ proposals: stage.proposals, proposalLevels: stage.proposalLevels });
	lap('proposals');
	draft.done('proposals');

	const classes = cfg.classes.length;
	const classLogits = f32('boxHead.classLogits');
	const boxDeltas = f32('boxHead.boxDeltas');
	if (classLogits.length !== k * classes)
		fail(
			'boxHead.classLogits',
			`${classLogits.length} values, ${k} proposals × ${classes} classes need ${k * classes}`
		);
	if (boxDeltas.length !== 4 * k * classes)
		fail('boxHead.boxDeltas', `${boxDeltas.length} values, expected ${4 * k * classes}`);
	const heads = detectionsOf(cfg, input, stage, classLogits, boxDeltas, header.run);
	const d = heads.detections.scores.length;
	if (d !== header.counts.detections)
		fail('detections', `the replay gives ${d} detections, trace.json says ${header.counts.detections}`);
	draft.set(heads);
	lap('boxHead');
	draft.done('boxHead');

	const shape = maskLogitsShape(cfg, d);
	const logits: Tensor = { shape, data: f32('masks.logits') };
	const want = shape.reduce((x, y) => x * y, 1);
	if (logits.data.length !== want)
		fail('masks.logits', `${logits.data.length} values, [${shape.join(', ')}] needs ${want}`);
	draft.set({ masks: masksOf(cfg, input, heads.detections, logits) });
	lap('paste');
	draft.done('maskHead');
	return draft.snapshot();
}

/** C2–C5 and P2–P6: shapes from the header, previews from trace.bin, values from features.bin on first read. */
function lazyFeatures(
	fetchFn: typeof fetch,
	url: string,
	header: TraceHeader,
	bin: ArrayBuffer
): { c: FeatureMap[]; p: FeatureMap[] } {
	let file: Promise<ArrayBuffer> | null = null;
	const load = () =>
		(file ??= bytes(fetchFn, url, header.files.features.byteLength).catch((e: unknown) => {
			file = null; // a failed fetch may be retried by the next read
			throw e;
		}));
	const previews = new Map(header.files.trace.tensors.map((t) => [t.name, t]));
	const maps = header.files.features.tensors.map((t): FeatureMap => {
		const [n, ch, h, w] = t.shape;
		if (t.shape.length !== 4 || n !== 1) throw new Error(`${url} ${t.name}: shape must be [1, C, H, W]`);
		const pv = previews.get(`preview.${t.name}`)!;
		const channel = pv.channel!;
		if (pv.shape.join() !== [1, 1, h, w].join() || channel < 0 || channel >= ch)
			throw new Error(`${url} preview.${t.name}: its shape or channel does not fit [${t.shape.join(', ')}]`);
		const preview = { channel, map: { shape: [1, 1, h, w], data: float32At(bin, pv) } };
		let read: Promise<Tensor> | null = null;
		return {
			shape: [1, h, w, ch],
			tensor: null,
			// one decode per map, shared by every reader: do not write into the returned data
			read: () =>
				(read ??= load().then(
					(buf) => ({ shape: t.shape.slice(), data: decodeFloat16(float16At(buf, t)) }),
					(e: unknown) => {
						read = null;
						throw e;
					}
				)),
			preview: async () => preview
		};
	});
	if (maps.length !== FEATURE_NAMES.length) throw new Error(`${url}: expected ${FEATURE_NAMES.length} maps`);
	return { c: maps.slice(0, 4), p: maps.slice(4) };
}

async function get(fetchFn: typeof fetch, url: string): Promise<Response> {
	const res = await fetchFn(url).catch((e: unknown) => {
		throw new Error(`${url}: could not be fetched (${e instanceof Error ? e.message : String(e)})`);
	});
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return res;
}

async function json(fetchFn: typeof fetch, url: string): Promise<unknown> {
	const body = await (await get(fetchFn, url)).text();
	try {
		return JSON.parse(body);
	} catch {
		throw new Error(`${url}: is not JSON`);
	}
}

async function bytes(fetchFn: typeof fetch, url: string, expected: number): Promise<ArrayBuffer> {
	const buf = await (await get(fetchFn, url)).arrayBuffer();
	if (buf.byteLength !== expected)
		throw new Error(`${url}: ${buf.byteLength} bytes, trace.json says ${expected} (truncated or stale)`);
	return buf;
}

/** The stored trace belongs to this picture: same size and the same RGB bytes (a changed scene generator shows). */
async function checkImage(header: TraceHeader, image: PrecomputedImage, source: string): Promise<void> {
	const { width, height, sha256 } = header.image;
	if (image.width !== width || image.height !== height)
		throw new Error(`${source}: made for a ${width}×${height} image, got ${image.width}×${image.height}`);
	if (image.data.length !== width * height * 3)
		throw new Error(
			`image.data: ${image.data.length} bytes, an RGB ${width}×${height} image has ${width * height * 3}`
		);
	const got = await sha256Hex(image.data);
	if (got !== sha256)
		throw new Error(
			`${source}: image sha256 ${sha256.slice(0, 12)}… differs from the scene passed in (${got.slice(0, 12)}…): ` +
				`the scene generator changed, or this is not scene ${header.seed}`
		);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The files are little-endian; every browser is, so the typed-array view is the fast path. */
function float32At(buf: ArrayBuffer, t: StoredTensor): Float32Array {
	const n = t.byteLength / 4;
	if (LITTLE_ENDIAN) return new Float32Array(buf, t.byteOffset, n);
	const v = new DataView(buf, t.byteOffset, t.byteLength);
	return Float32Array.from({ length: n }, (_, i) => v.getFloat32(4 * i, true));
}

function float16At(buf: ArrayBuffer, t: StoredTensor): Uint16Array {
	const n = t.byteLength / 2;
	if (LITTLE_ENDIAN) return new Uint16Array(buf, t.byteOffset, n);
	const v = new DataView(buf, t.byteOffset, t.byteLength);
	return Uint16Array.from({ length: n }, (_, i) => v.getUint16(2 * i, true));
}
