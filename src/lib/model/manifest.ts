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
}

export interface WeightEntry {
	name: string;
	shape: number[];
	dtype: 'float32';
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

/** Checks the parts of a manifest the loader relies on; names what is wrong so a broken deploy is easy to find. */
export function parseManifest(json: unknown, source = 'manifest.json'): WeightsManifest {
	const fail = (what: string): never => {
		throw new Error(`${source}: ${what}`);
	};
	if (typeof json !== 'object' || json === null) fail('is not a JSON object');
	const m = json as Partial<WeightsManifest>;
	if (m.format !== 'mask-rcnn-explainer/weights')
		fail(`format is ${JSON.stringify(m.format)}, expected mask-rcnn-explainer/weights`);
	if (m.formatVersion !== 1)
		fail(`formatVersion ${JSON.stringify(m.formatVersion)} is not supported (expected 1)`);
	if (!m.architecture || typeof m.architecture !== 'object') fail('has no architecture config');
	if (!Array.isArray(m.shards) || m.shards.length === 0) fail('lists no weight shards');
	if (!Array.isArray(m.weightsManifest) || m.weightsManifest.length !== 1)
		fail('needs exactly one weightsManifest group');
	const group = m.weightsManifest![0];
	for (const w of group.weights) {
		if (w.dtype !== 'float32') fail(`tensor ${w.name} has dtype ${w.dtype}; only float32 is supported`);
		const shard = m.shards![w.shard];
		if (!shard) fail(`tensor ${w.name} points at missing shard ${w.shard}`);
		const n = w.shape.reduce((a, b) => a * b, 1);
		if (n * 4 !== w.byteLength || w.byteOffset + w.byteLength > shard.byteLength)
			fail(`tensor ${w.name} (shape ${w.shape.join('×')}) does not fit its shard ${shard.path}`);
	}
	return m as WeightsManifest;
}
