// The precomputed trace files of static/weights/<model>/traces/<id>/ (written by tools/traces/make-traces.ts), tfjs-free:
//   trace.json    this header: format, version, model, the weights' fingerprint, the architecture, the scene, and
//                 for each binary file its length and every tensor's name, shape and byte range
//   trace.bin     float32 little-endian: the network's outputs (RPN logits and deltas per level, box-head class
//                 logits and deltas, mask logits) and each feature map's preview channel
//   features.bin  C2–C5, P2–P6 as NCHW float16 (float16.ts), fetched only when a FeatureMap is read
// Anchors, proposals, detections, probabilities and pasted masks are not stored: the glue recomputes them.
import type { ArchitectureConfig } from './manifest';
import type { WeightsFingerprint } from './trace';

export const TRACE_FORMAT = 'mask-rcnn-explainer/trace';
/** 2: RPN deltas of the top-k candidates only (with their indices); 1 stored every anchor's. */
export const TRACE_FORMAT_VERSION = 2;
export const FEATURE_NAMES = ['C2', 'C3', 'C4', 'C5', 'P2', 'P3', 'P4', 'P5', 'P6'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface StoredTensor {
	name: string;
	shape: number[];
	byteOffset: number;
	byteLength: number;
	/** preview.* only: which channel of the map it is */
	channel?: number;
}

export interface StoredFile {
	path: 'trace.bin' | 'features.bin';
	dtype: 'float32' | 'float16';
	byteLength: number;
	tensors: StoredTensor[];
}

export interface TraceHeader {
	format: typeof TRACE_FORMAT;
	formatVersion: number;
	model: string;
	/** the manifest's shards when the trace was made: a retrain without regenerating the traces shows here */
	weights: WeightsFingerprint;
	architecture: ArchitectureConfig;
	seed: number;
	/** the original image (generateScene(seed)); sha256 of its RGB bytes */
	image: { width: number; height: number; sha256: string };
	run: { inputSize: number; scoreThresh: number; nmsThresh: number };
	/** what the replay must reproduce (a check, and a summary for people reading the file) */
	counts: { proposals: number; detections: number };
	files: { trace: StoredFile; features: StoredFile };
}

/** Names of trace.bin's tensors, in file order, for `levels` pyramid levels. */
export function traceTensorNames(levels: number): string[] {
	const per = (kind: string) => Array.from({ length: levels }, (_, i) => `rpn.${kind}.${i}`);
	return [
		...per('logits'),
		...per('candidates'),
		...per('deltas'),
		'boxHead.classLogits',
		'boxHead.boxDeltas',
		'masks.logits',
		...FEATURE_NAMES.map((n) => `preview.${n}`)
	];
}

const BYTES = { float32: 4, float16: 2 } as const;

/** Checks what the loader relies on; every error names the file and the field that is wrong. */
export function parseTraceHeader(json: unknown, source = 'trace.json'): TraceHeader {
	const fail = (what: string): never => {
		throw new Error(`${source}: ${what}`);
	};
	if (typeof json !== 'object' || json === null) fail('is not a JSON object');
	const h = json as Partial<TraceHeader>;
	if (h.format !== TRACE_FORMAT) fail(`format is ${JSON.stringify(h.format)}, expected ${TRACE_FORMAT}`);
	if (h.formatVersion !== TRACE_FORMAT_VERSION)
		fail(
			`formatVersion ${JSON.stringify(h.formatVersion)} is not supported (expected ${TRACE_FORMAT_VERSION})`
		);
	if (typeof h.model !== 'string') fail('model is missing');
	if (!Array.isArray(h.weights) || h.weights.some((w) => typeof w?.sha256 !== 'string'))
		fail('weights must list the shards as {path, sha256}');
	if (!Number.isInteger(h.seed)) fail(`seed must be an integer, got ${JSON.stringify(h.seed)}`);
	const img = h.image;
	if (!img || !(img.width > 0) || !(img.height > 0) || typeof img.sha256 !== 'string')
		fail('image must be {width, height, sha256}');
	const run = h.run;
	if (
		!run ||
		!(run.inputSize > 0) ||
		typeof run.scoreThresh !== 'number' ||
		typeof run.nmsThresh !== 'number'
	)
		fail('run must be {inputSize, scoreThresh, nmsThresh}');
	if (!h.counts || !Number.isInteger(h.counts.proposals) || !Number.isInteger(h.counts.detections))
		fail('counts must be {proposals, detections}');
	checkArchitecture(h.architecture, fail);
	const levels = h.architecture!.anchor_sizes.length;
	checkFile(h.files?.trace, 'trace', 'trace.bin', 'float32', traceTensorNames(levels), fail);
	checkFile(h.files?.features, 'features', 'features.bin', 'float16', [...FEATURE_NAMES], fail);
	return h as TraceHeader;
}

function checkArchitecture(a: ArchitectureConfig | undefined, fail: (what: string) => never): void {
	if (!a || typeof a !== 'object') fail('architecture is missing');
	const num = (path: string, v: unknown) => {
		if (typeof v !== 'number' || !Number.isFinite(v)) fail(`architecture.${path} must be a number`);
	};
	const nums = (path: string, v: unknown, n?: number) => {
		if (!Array.isArray(v) || v.length === 0 || (n !== undefined && v.length !== n))
			fail(`architecture.${path} must be a list of ${n ?? 'some'} numbers`);
		(v as unknown[]).forEach((x, i) => num(`${path}[${i}]`, x));
	};
	const arch = a!;
	num('image_size', arch.image_size);
	if (!Array.isArray(arch.classes) || arch.classes.length < 2)
		fail('architecture.classes must list the classes');
	nums('image_mean', arch.image_mean, 3);
	nums('image_std', arch.image_std, 3);
	nums('anchor_sizes', arch.anchor_sizes);
	nums('aspect_ratios', arch.aspect_ratios);
	num('mask_roi_output', arch.mask_roi_output);
	if (!arch.rpn || !arch.roi_heads) fail('architecture.rpn and architecture.roi_heads are required');
	num('rpn.pre_nms_top_n_test', arch.rpn.pre_nms_top_n_test);
	num('rpn.post_nms_top_n_test', arch.rpn.post_nms_top_n_test);
	num('rpn.nms_thresh', arch.rpn.nms_thresh);
	num('roi_heads.box_score_thresh', arch.roi_heads.box_score_thresh);
	num('roi_heads.box_nms_thresh', arch.roi_heads.box_nms_thresh);
	num('roi_heads.box_detections_per_img', arch.roi_heads.box_detections_per_img);
}

function checkFile(
	f: StoredFile | undefined,
	key: string,
	path: StoredFile['path'],
	dtype: StoredFile['dtype'],
	names: string[],
	fail: (what: string) => never
): void {
	if (!f || f.path !== path) fail(`files.${key} must describe ${path}`);
	const file = f!;
	if (file.dtype !== dtype) fail(`files.${key}.dtype is ${JSON.stringify(file.dtype)}, expected ${dtype}`);
	if (!Number.isInteger(file.byteLength) || file.byteLength < 0)
		fail(`files.${key}.byteLength must be a whole number`);
	if (!Array.isArray(file.tensors)) fail(`files.${key}.tensors is missing`);
	const got = file.tensors.map((t) => t?.name);
	if (got.join() !== names.join())
		fail(`files.${key}.tensors must be [${names.join(', ')}] in that order, got [${got.join(', ')}]`);
	for (const t of file.tensors) {
		const what = `${path} tensor ${t.name}`;
		if (!Array.isArray(t.shape) || t.shape.some((d) => !Number.isInteger(d) || d < 0))
			fail(`${what}: shape must be whole numbers`);
		const n = t.shape.reduce((a, b) => a * b, 1);
		if (t.byteLength !== n * BYTES[dtype])
			fail(`${what}: byteLength ${t.byteLength} does not hold shape [${t.shape.join(', ')}] of ${dtype}`);
		if (!Number.isInteger(t.byteOffset) || t.byteOffset % BYTES[dtype] !== 0 || t.byteOffset < 0)
			fail(`${what}: byteOffset ${t.byteOffset} is not a multiple of ${BYTES[dtype]}`);
		if (t.byteOffset + t.byteLength > file.byteLength)
			fail(
				`${what}: bytes ${t.byteOffset}..${t.byteOffset + t.byteLength} run past the file's ${file.byteLength}`
			);
		if (t.name.startsWith('preview.') && !Number.isInteger(t.channel))
			fail(`${what}: the preview's channel is missing`);
	}
}

/** The shards of a weights manifest as a trace records them. */
export function weightsFingerprint(manifest: {
	shards: { path: string; sha256: string }[];
}): WeightsFingerprint {
	return manifest.shards.map((s) => ({ path: s.path, sha256: s.sha256 }));
}

/**
 * Throws when a precomputed trace was made with other weights than `manifest`'s (a retrain without `npm run traces`).
 * Kept apart from loading so a page can still show such a trace while the tests fail on it.
 */
export function checkTraceWeights(
	trace: { precomputed: { url: string; model: string; weights: WeightsFingerprint } | null },
	manifest: { modelName: string; shards: { path: string; sha256: string }[] }
): void {
	const origin = trace.precomputed;
	if (!origin) throw new Error('checkTraceWeights: the trace is a live run, not a precomputed one');
	const want = weightsFingerprint(manifest);
	const same =
		origin.model === manifest.modelName &&
		origin.weights.length === want.length &&
		origin.weights.every((w, i) => w.path === want[i].path && w.sha256 === want[i].sha256);
	if (!same)
		throw new Error(
			`${origin.url}trace.json: made with weights ${describe(origin.model, origin.weights)}, but the manifest is ` +
				`${describe(manifest.modelName, want)}: regenerate the traces (npm run traces)`
		);
}

const describe = (model: string, w: WeightsFingerprint) =>
	`${model} [${w.map((s) => `${s.path} ${s.sha256.slice(0, 12)}`).join(', ')}]`;
