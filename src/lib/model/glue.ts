// Everything between the network's calls, tfjs-free: the image transform, anchors, RPN filtering, FPN level choice,
// box-head post-processing, mask probabilities and pasting, exactly in torchvision's eval order. runModel (run.ts)
// calls these on what the GPU returns, and the precomputed loader (precomputed.ts) on stored network outputs, so a
// replay is by construction what a live run computes from the same outputs.
import {
	anchorLevels,
	assignFpnLevels,
	filterProposals,
	generateAnchors,
	imageFromBytes,
	pasteMasks,
	postprocessDetections,
	rescaleBoxes,
	sigmoid32,
	softmaxPlanes,
	transformImage,
	type Tensor,
	type TransformedImage
} from '$lib/ops';
import { roundHalfEven } from '$lib/ops/float32';
import type { ArchitectureConfig } from './manifest';
import type { ModelTrace } from './trace';

export interface ImageInput {
	/** RGB or RGBA bytes, row-major (ImageData.data works as is) */
	data: ArrayLike<number>;
	height: number;
	width: number;
	channels: 3 | 4;
}

/** The architecture fields the glue reads (a precomputed trace.json must carry these). */
export type GlueConfig = Pick<
	ArchitectureConfig,
	| 'image_size'
	| 'classes'
	| 'image_mean'
	| 'image_std'
	| 'anchor_sizes'
	| 'aspect_ratios'
	| 'mask_roi_output'
	| 'rpn'
	| 'roi_heads'
	| 'mask_activation'
>;

/** Box-head thresholds a run may override (RunOptions has the same fields). */
export interface HeadThresholds {
	scoreThresh?: number;
	nmsThresh?: number;
}

/** torchvision's MultiScaleRoIAlign scale inference: 2^round(log2(featureH / imageH)), height only, float32. */
export function inferLevelRange(featureHeights: number[], imageHeight: number): [number, number] {
	const levels = featureHeights.map((fh) => {
		const approx = Math.fround(fh / imageHeight);
		return -roundHalfEven(Math.fround(Math.log2(approx))); // torch.round: half to even
	});
	return [levels[0], levels[levels.length - 1]];
}

/** normalize → resize to `inputSize` (default the config's) → pad to ×32. */
export function transformInput(image: ImageInput, cfg: GlueConfig, inputSize?: number): TransformedImage {
	const size = inputSize ?? cfg.image_size;
	return transformImage(imageFromBytes(image.data, image.height, image.width, image.channels), {
		minSize: size,
		maxSize: size,
		mean: cfg.image_mean,
		std: cfg.image_std
	});
}

/** Anchors for the pyramid's grid sizes, and the RPN head's per-level outputs concatenated in torchvision order. */
export function rpnOf(
	cfg: GlueConfig,
	input: TransformedImage,
	featureSizes: [number, number][],
	logitParts: Float32Array[],
	deltaParts: Float32Array[]
): ModelTrace['rpn'] {
	const anchorOpts = {
		imageSize: input.paddedSize,
		featureSizes,
		sizes: cfg.anchor_sizes.map((s) => [s]),
		aspectRatios: cfg.anchor_sizes.map(() => cfg.aspect_ratios)
	};
	return {
		levels: anchorLevels(anchorOpts),
		anchors: generateAnchors(anchorOpts),
		logits: concat(logitParts),
		deltas: concat(deltaParts)
	};
}

export interface ProposalStage {
	proposals: ModelTrace['proposals'];
	proposalLevels: Int32Array;
	/** the pooled levels [min, max] (2..5), inferred from P2–P5's heights as MultiScaleRoIAlign does */
	levelRange: [number, number];
}

/** RPN filtering, then the FPN level each proposal is pooled from. `poolHeights`: heights of P2–P5. */
export function proposalsOf(
	cfg: GlueConfig,
	input: TransformedImage,
	rpn: ModelTrace['rpn'],
	poolHeights: number[]
): ProposalStage {
	const proposals = filterProposals(rpn.logits, rpn.deltas, rpn.anchors, {
		levelCounts: rpn.levels.map((l) => l.count),
		imageSize: input.imageSize,
		preNmsTopN: cfg.rpn.pre_nms_top_n_test,
		postNmsTopN: cfg.rpn.post_nms_top_n_test,
		nmsThresh: cfg.rpn.nms_thresh
	});
	const levelRange = inferLevelRange(poolHeights, input.imageSize[0]);
	const proposalLevels = assignFpnLevels(proposals.boxes, {
		minLevel: levelRange[0],
		maxLevel: levelRange[1]
	});
	return { proposals, proposalLevels, levelRange };
}

/** Box-head post-processing (softmax, per-class decode, NMS), each detection's level and its original-image box. */
export function detectionsOf(
	cfg: GlueConfig,
	input: TransformedImage,
	stage: ProposalStage,
	classLogits: Float32Array,
	boxDeltas: Float32Array,
	thresholds: HeadThresholds = {}
): Pick<ModelTrace, 'boxHead' | 'detections'> {
	const det = postprocessDetections(classLogits, boxDeltas, stage.proposals.boxes, {
		imageSize: input.imageSize,
		scoreThresh: thresholds.scoreThresh ?? cfg.roi_heads.box_score_thresh,
		nmsThresh: thresholds.nmsThresh ?? cfg.roi_heads.box_nms_thresh,
		detectionsPerImage: cfg.roi_heads.box_detections_per_img
	});
	const [minLevel, maxLevel] = stage.levelRange;
	return {
		boxHead: { classLogits, boxDeltas, detections: det },
		detections: {
			boxes: det.boxes,
			boxesOriginal: rescaleBoxes(det.boxes, input.imageSize, input.originalSize),
			scores: det.scores,
			labels: det.labels,
			levels: assignFpnLevels(det.boxes, { minLevel, maxLevel }),
			proposalIndex: det.proposalIndex
		}
	};
}

/** The mask head's logits shape for `d` detections: [D, classes, 28, 28] (its ConvTranspose doubles 14 → 28). */
export function maskLogitsShape(cfg: GlueConfig, d: number): [number, number, number, number] {
	const m = 2 * cfg.mask_roi_output;
	return [d, cfg.classes.length, m, m];
}

/**
 * maskrcnn_inference (sigmoid of each detection's predicted class, or for the softmax-trained model the softmax
 * over the classes at each pixel, read at the predicted class: tools/train/ablations.py) and paste_masks_in_image.
 */
export function masksOf(
	cfg: GlueConfig,
	input: TransformedImage,
	detections: ModelTrace['detections'],
	logits: Tensor
): ModelTrace['masks'] {
	const [d, classes, m] = maskLogitsShape(cfg, detections.scores.length);
	const mm = m * m;
	const probs: Tensor = { shape: [d, 1, m, m], data: new Float32Array(d * mm) };
	const softmax = cfg.mask_activation === 'softmax';
	for (let i = 0; i < d; i++) {
		const label = detections.labels[i];
		if (softmax) {
			const all = logits.data.subarray(i * classes * mm, (i + 1) * classes * mm);
			probs.data.set(softmaxPlanes(all, classes).subarray(label * mm, (label + 1) * mm), i * mm);
			continue;
		}
		const src = (i * classes + label) * mm;
		for (let j = 0; j < mm; j++) probs.data[i * mm + j] = sigmoid32(logits.data[src + j]);
	}
	const pasted = pasteMasks(probs, detections.boxesOriginal, input.originalSize);
	return { logits, probs, pasted };
}

/** Joins per-level arrays, level after level (torchvision's order). */
export function concat(parts: Float32Array[]): Float32Array {
	const out = new Float32Array(parts.reduce((a, b) => a + b.length, 0));
	let o = 0;
	for (const part of parts) {
		out.set(part, o);
		o += part.length;
	}
	return out;
}
