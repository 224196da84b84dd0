// The weights manifest written by tools/train/export.py: architecture config + tfjs-style weightsManifest + shard hashes.

/** Architecture of a torchvision-style Mask R-CNN, as `tools/train/model.py` builds it (snake_case keys are Python's). */
export interface ArchitectureConfig {
	name: string;
	image_size: number;
	classes: string[];
	image_mean: [number, number, number];
	image_std: [number, number, number];
	backbone: {
		block: 'BasicBlock';
		stem_width: number;
		stem_kernel: number;
		widths: number[];
		depths: number[];
	};
	fpn_channels: number;
	anchor_sizes: number[];
	aspect_ratios: number[];
	box_roi_output: number;
	mask_roi_output: number;
	sampling_ratio: number;
	box_head_dim: number;
	mask_head_channels: number;
	mask_head_layers: number;
	rpn: {
		pre_nms_top_n_test: number;
		post_nms_top_n_test: number;
		nms_thresh: number;
	};
	roi_heads: {
		box_score_thresh: number;
		box_nms_thresh: number;
		box_detections_per_img: number;
	};
	/** the heads' pooling (the paper's Table 2c ablation); absent in older manifests = roi_align */
	pooler?: Pooler;
	/** per-class sigmoid masks, or a softmax over the classes at each pixel (Table 2b); absent = sigmoid */
	mask_activation?: MaskActivation;
}

export const POOLERS = ['roi_align', 'roi_pool'] as const;
export type Pooler = (typeof POOLERS)[number];
export const MASK_ACTIVATIONS = ['sigmoid', 'softmax'] as const;
export type MaskActivation = (typeof MASK_ACTIVATIONS)[number];

/** Bytes per stored value: float16 shards (formatVersion 2) are widened to float32 by the loader. */
export const DTYPE_BYTES = { float32: 4, float16: 2 } as const;
export type WeightDtype = keyof typeof DTYPE_BYTES;

export interface WeightEntry {
	name: string;
	shape: number[];
	dtype: WeightDtype;
	shard: number;
	byteOffset: number;
	byteLength: number;
}

export interface ShardInfo {
	path: string;
	byteLength: number;
	sha256: string;
}

export interface WeightsManifest {
	format: 'mask-rcnn-explainer/weights';
	formatVersion: number;
	modelName: string;
	architecture: ArchitectureConfig;
	classNames: string[];
	weightsManifest: { paths: string[]; weights: WeightEntry[] }[];
	shards: ShardInfo[];
	totalBytes: number;
	paramCount: number;
	evaluation?: unknown;
	training?: unknown;
}

/** A shard larger than this is refused before anything is allocated (the shipped ones are under 4 MiB). */
export const MAX_SHARD_BYTES = 64 * 1024 * 1024;
/** All shards together may not exceed this. */
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const show = (v: unknown): string => {
	const s = JSON.stringify(v) ?? String(v);
	return s.length > 40 ? s.slice(0, 40) + '…' : s;
};

/**
 * Checks every part of a manifest the loader and the network rely on — shapes, types, sizes — so a broken or hostile
 * file gives an error naming the file and the field, never a TypeError from deep inside, and no size is trusted
 * before it is checked (a shard `byteLength` goes straight into an allocation).
 */
export function parseManifest(json: unknown, source = 'manifest.json'): WeightsManifest {
	const fail = (what: string): never => {
		throw new Error(`${source}: ${what}`);
	};
	if (!isObject(json)) fail('is not a JSON object');
	const m = json as Record<string, unknown>;
	if (m.format !== 'mask-rcnn-explainer/weights')
		fail(`format is ${show(m.format)}, expected mask-rcnn-explainer/weights`);
	if (m.formatVersion !== 1 && m.formatVersion !== 2)
		fail(`formatVersion ${show(m.formatVersion)} is not supported (expected 1 or 2)`);
	const dtypes: string[] = m.formatVersion === 1 ? ['float32'] : ['float32', 'float16'];
	if (!isObject(m.architecture)) fail('has no architecture config');
	checkArchitecture(m.architecture as Record<string, unknown>, fail);
	if (!Array.isArray(m.classNames) || !m.classNames.every((c) => typeof c === 'string'))
		fail('classNames must be an array of strings');
	if (!Array.isArray(m.shards) || m.shards.length === 0) fail('lists no weight shards');
	const shards = m.shards as unknown[];
	let total = 0;
	shards.forEach((s, i) => {
		const at = `shards[${i}]`;
		if (!isObject(s)) fail(`${at} is not an object`);
		const { path, byteLength, sha256 } = s as Record<string, unknown>;
		// A plain file name inside the model folder: nothing that climbs out of it or names another host.
		if (typeof path !== 'string' || !/^[\w-][\w.-]*$/.test(path))
			fail(`${at}.path ${show(path)} is not a plain file name`);
		if (!isCount(byteLength) || byteLength === 0)
			fail(`${at}.byteLength ${show(byteLength)} is not a positive integer`);
		if ((byteLength as number) > MAX_SHARD_BYTES)
			fail(
				`${at}.byteLength ${byteLength} (${path}) is over the ${MAX_SHARD_BYTES} byte limit for one shard`
			);
		if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
			fail(`${at}.sha256 ${show(sha256)} is not 64 lowercase hex digits`);
		total += byteLength as number;
	});
	if (total > MAX_TOTAL_BYTES)
		fail(`shards add up to ${total} bytes, over the ${MAX_TOTAL_BYTES} byte limit`);
	if (!Array.isArray(m.weightsManifest) || m.weightsManifest.length !== 1)
		fail('needs exactly one weightsManifest group');
	const group = (m.weightsManifest as unknown[])[0];
	if (!isObject(group) || !Array.isArray(group.weights))
		fail('weightsManifest[0].weights must be an array of tensor entries');
	const filled = shards.map(() => 0);
	const names = new Set<string>();
	(group as { weights: unknown[] }).weights.forEach((w, i) => {
		const at = `weightsManifest[0].weights[${i}]`;
		if (!isObject(w)) fail(`${at} is not an object`);
		const e = w as Record<string, unknown>;
		if (typeof e.name !== 'string' || e.name === '') fail(`${at}.name ${show(e.name)} is not a tensor name`);
		const t = `tensor ${show(e.name)} (${at})`;
		if (names.has(e.name as string)) fail(`${t} appears twice`);
		names.add(e.name as string);
		if (!dtypes.includes(e.dtype as string))
			fail(
				`${t} has dtype ${show(e.dtype)}; formatVersion ${m.formatVersion as number} allows ${dtypes.join(', ')}`
			);
		const bytes = DTYPE_BYTES[e.dtype as WeightDtype];
		if (!Array.isArray(e.shape) || !e.shape.every(isCount))
			fail(`${t}: shape ${show(e.shape)} is not an array of non-negative integers`);
		if (!isCount(e.shard) || e.shard >= shards.length) fail(`${t} points at missing shard ${show(e.shard)}`);
		const shard = shards[e.shard as number] as ShardInfo;
		if (!isCount(e.byteOffset)) fail(`${t}: byteOffset ${show(e.byteOffset)} is not a non-negative integer`);
		const n = (e.shape as number[]).reduce((a, b) => a * b, 1);
		if (n * bytes !== e.byteLength)
			fail(`${t}: byteLength ${show(e.byteLength)} is not ${bytes} × ${n} (its shape, ${e.dtype as string})`);
		if ((e.byteOffset as number) + n * bytes > shard.byteLength)
			fail(`${t} (shape ${(e.shape as number[]).join('×')}) does not fit its shard ${shard.path}`);
		filled[e.shard as number] += n * bytes;
	});
	filled.forEach((bytes, i) => {
		const s = shards[i] as ShardInfo;
		if (bytes !== s.byteLength)
			fail(`shards[${i}].byteLength ${s.byteLength} (${s.path}) is not the ${bytes} bytes of its tensors`);
	});
	return m as unknown as WeightsManifest;
}

/** The architecture's numbers and lists, each named when wrong: the network is built from them. */
function checkArchitecture(a: Record<string, unknown>, fail: (what: string) => never): void {
	type Obj = Record<string, unknown>;
	const check = (o: Obj, prefix: string, keys: string[], ok: (v: unknown) => boolean, kind: string) => {
		for (const k of keys) if (!ok(o[k])) fail(`architecture.${prefix}${k} ${show(o[k])} is not ${kind}`);
	};
	const positiveInt = (v: unknown) => isCount(v) && v > 0;
	const fraction = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;
	const list = (ok: (v: unknown) => boolean, length?: number) => (v: unknown) =>
		Array.isArray(v) && v.length > 0 && v.every(ok) && (length === undefined || v.length === length);
	const objects = (keys: string[]) => check(a, '', keys, isObject, 'an object');

	check(
		a,
		'',
		['classes'],
		(v) => list((c) => typeof c === 'string')(v) && (v as []).length >= 2,
		'a list of classes'
	);
	check(
		a,
		'',
		['image_size', 'fpn_channels', 'box_roi_output', 'mask_roi_output'],
		positiveInt,
		'a positive integer'
	);
	check(a, '', ['box_head_dim', 'mask_head_channels', 'mask_head_layers'], positiveInt, 'a positive integer');
	// torchvision reads sampling_ratio <= 0 as "adaptive", so any integer is a valid choice
	check(a, '', ['sampling_ratio'], Number.isSafeInteger, 'an integer');
	check(a, '', ['image_mean', 'image_std'], list(isPositive, 3), 'a list of 3 positive numbers');
	check(a, '', ['anchor_sizes', 'aspect_ratios'], list(isPositive), 'a list of positive numbers');
	objects(['backbone', 'rpn', 'roi_heads']);
	const oneOf = (key: string, allowed: readonly string[]) => {
		if (a[key] !== undefined && !allowed.includes(a[key] as string))
			fail(`architecture.${key} ${show(a[key])} is not one of ${allowed.join(', ')}`);
	};
	oneOf('pooler', POOLERS);
	oneOf('mask_activation', MASK_ACTIVATIONS);
	const b = a.backbone as Obj;
	check(b, 'backbone.', ['stem_width', 'stem_kernel'], positiveInt, 'a positive integer');
	check(b, 'backbone.', ['widths'], list(positiveInt), 'a list of positive integers');
	const n = (b.widths as unknown[]).length;
	check(b, 'backbone.', ['depths'], list(positiveInt, n), `a list of ${n} positive integers (one per width)`);
	check(
		a.rpn as Obj,
		'rpn.',
		['pre_nms_top_n_test', 'post_nms_top_n_test'],
		positiveInt,
		'a positive integer'
	);
	check(a.rpn as Obj, 'rpn.', ['nms_thresh'], fraction, 'a number from 0 to 1');
	check(a.roi_heads as Obj, 'roi_heads.', ['box_detections_per_img'], positiveInt, 'a positive integer');
	check(
		a.roi_heads as Obj,
		'roi_heads.',
		['box_score_thresh', 'box_nms_thresh'],
		fraction,
		'a number from 0 to 1'
	);
}
