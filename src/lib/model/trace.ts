// The typed trace of one forward pass: every stage a panel may draw, with its coordinate frame in the comments.
import type * as tf from '@tensorflow/tfjs';
import type { AnchorLevel, DetectionTrace, ProposalTrace, Tensor, TransformedImage } from '$lib/ops';

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

export interface ModelTrace {
	/** normalize → resize → pad; `padded` [1,3,Hp,Wp] is the network input (CPU copy) */
	input: TransformedImage;
	/** C2..C5 and P2..P6 as NHWC tfjs tensors, left on the backend (GPU) until a panel reads one: see readFeature */
	features: { c: tf.Tensor4D[]; p: tf.Tensor4D[] };
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
	backend: string;
	timings: StageTimings;
	/** Frees the feature tensors; the trace's typed arrays stay valid. */
	dispose(): void;
}
