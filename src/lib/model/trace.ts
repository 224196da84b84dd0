// The typed trace of one forward pass: every stage a panel may draw, with its coordinate frame in the comments.
// tfjs-free at run time (type-only import): a precomputed trace is a ModelTrace too, and pages that show only one
// must not download tfjs.
import type * as tf from '@tensorflow/tfjs';
import type { AnchorLevel, DetectionTrace, ProposalTrace, Tensor, TransformedImage } from '$lib/ops';
import type { ArchitectureConfig } from './manifest';

export interface StageTimings {
	transform: number;
	/** backbone + FPN + RPN head, measured when their results reach the CPU (GPU work is asynchronous) */
	network: number;
	proposals: number;
	boxHead: number;
	maskHead: number;
	paste: number;
	total: number;
}

/** The parts of a run, in the order they complete (RunOptions.onPart reports each). */
export type RunPart = 'input' | 'network' | 'proposals' | 'boxHead' | 'maskHead';
export const RUN_PARTS: readonly RunPart[] = ['input', 'network', 'proposals', 'boxHead', 'maskHead'];

/** One of C2–C5 / P2–P6, wherever its numbers live (on the GPU for a live run, in features.bin when precomputed). */
export interface FeatureMap {
	/** NHWC, as the tfjs tensor's shape was: [1, H, W, C] */
	readonly shape: [number, number, number, number];
	/** the whole map as an NCHW ops Tensor [1,C,H,W] (GPU read for a live run, a lazy fetch for a precomputed one) */
	read(): Promise<Tensor>;
	/** one representative channel [1,1,H,W] for thumbnails: the channel of largest variance (ties: lowest index) */
	preview(): Promise<{ channel: number; map: Tensor }>;
	/** the tfjs tensor for a live run (heads-on-boxes, FPN pathway need it); null for a precomputed trace */
	readonly tensor: tf.Tensor4D | null;
}

/** The weights a trace was made with: the manifest's shards and their sha256, in manifest order. */
export type WeightsFingerprint = { path: string; sha256: string }[];

/** Where a precomputed trace came from (precomputed.ts); checkTraceWeights compares `weights` with a manifest. */
export interface PrecomputedOrigin {
	/** the folder it was loaded from, e.g. …/traces/<id>/ */
	url: string;
	model: string;
	seed: number;
	weights: WeightsFingerprint;
}

export interface ModelTrace {
	/** 'live': computed here by tfjs; 'precomputed': replayed from static/weights/<model>/traces (precomputed.ts) */
	source: 'live' | 'precomputed';
	/** for a precomputed trace, its files' origin and weights fingerprint; null for a live run */
	precomputed: PrecomputedOrigin | null;
	/** the parts complete, in order; a partial trace (RunOptions.onPart) has fewer than all five */
	parts: readonly RunPart[];
	/** normalize → resize → pad; `padded` [1,3,Hp,Wp] is the network input (CPU copy) */
	input: TransformedImage;
	/** C2..C5 and P2..P6 (empty lists until the network part is done) */
	features: { c: FeatureMap[]; p: FeatureMap[] };
	rpn: {
		levels: AnchorLevel[];
		/** all anchors [A*4] in padded-image pixels, torchvision order */
		anchors: Float32Array;
		/** objectness logits [A] and deltas [A*4], levels concatenated */
		logits: Float32Array;
		deltas: Float32Array;
	};
	/** RPN filtering: top-k per level, decode, clip, NMS per level; boxes in resized-image pixels */
	proposals: ProposalTrace;
	/** FPN level k (2..5) each proposal is pooled from (LevelMapper) */
	proposalLevels: Int32Array;
	/** box head outputs for every proposal: logits [P*classes], deltas [P*classes*4], and the postprocess trace */
	boxHead: { classLogits: Float32Array; boxDeltas: Float32Array; detections: DetectionTrace };
	/** final detections: boxes in resized-image pixels and in original-image pixels */
	detections: {
		boxes: Float32Array;
		boxesOriginal: Float32Array;
		scores: Float32Array;
		labels: Int32Array;
		levels: Int32Array;
		proposalIndex: Int32Array;
	};
	/** mask head: logits of every class [D, classes, 28, 28]; sigmoid of the predicted class [D,1,28,28]; pasted [D,1,H,W] */
	masks: { logits: Tensor; probs: Tensor; pasted: Tensor };
	classNames: string[];
	/** the architecture the trace was computed with (a precomputed trace has no loaded model to ask) */
	architecture: ArchitectureConfig;
	/** the tfjs backend ('webgl', 'wasm', 'cpu'), or 'precomputed' */
	backend: string;
	timings: StageTimings;
	/** Frees the feature tensors of a live run; the typed arrays stay valid. A no-op for partials and precomputed. */
	dispose(): void;
}
