// Public surface of the pure-TS reference ops (no DOM, no D3, no tfjs).
export type { Tensor } from './tensor';
export { sizeOf, zeros } from './tensor';
// RoI ops (torchvision 0.14 CPU semantics) and their traces
export { roiPool, type RoiPoolOptions } from './roi-pool';
export { roiAlign, type RoiAlignOptions } from './roi-align';
export { roiPoolTrace, type RoiPoolTrace, type RoiPoolBin } from './roi-pool-trace';
export { roiAlignTrace, type RoiAlignTrace, type RoiAlignBin } from './roi-align-trace';
export { bilinearSample, type SamplePoint } from './bilinear';
export { cRound } from './c-round';
export { SEED_MAP, SEED_BOX, SEED_SPATIAL_SCALE, SEED_OUTPUT_SIZE } from './seed-example';
// Pipeline glue (anchors, box coding, NMS, FPN levels, mask pasting, image transform), torchvision 0.14 CPU semantics
export { sortDescending, sortDescendingStable, topk } from './torch-sort';
export { topkPerLevel } from './rpn-topk';
export { assignFpnLevels, fpnLevelTrace, type FpnLevelOptions, type FpnLevelTrace } from './fpn-levels';
export { cellAnchors, anchorLevels, generateAnchors, type AnchorOptions, type AnchorLevel } from './anchors';
export { decodeBoxes, encodeBoxes, BBOX_XFORM_CLIP, type BoxWeights } from './box-coder';
export { boxArea, boxIou, clipBoxesToImage, removeSmallBoxes } from './boxes';
export { nms, batchedNms, batchedNmsStrategy, nmsTrace, type NmsTrace, type NmsStep } from './nms';
export { resizeBilinear, bilinearAxis, type AxisWeights } from './interpolate';
export { pasteMasks, pasteMaskTrace, type PasteMaskTrace } from './paste-masks';
export {
	imageFromBytes,
	normalizeImage,
	resizeScale,
	resizedSize,
	padToMultiple,
	paddedSizeOf,
	rescaleBoxes,
	transformImage,
	IMAGE_MEAN,
	IMAGE_STD,
	type TransformOptions,
	type TransformedImage
} from './image-transform';
// Stages between the network's heads (used by src/lib/model, re-runnable by the pictures)
export { sigmoid32, softmaxRows, softmaxPlanes } from './activations';
export { filterProposals, type ProposalOptions, type ProposalTrace } from './rpn-proposals';
export { postprocessDetections, type DetectionOptions, type DetectionTrace } from './detections';
// Training losses of the heads, for the training view
export { bceWithLogits, bceWithLogitsPlane, softmaxCrossEntropyPlanes, type PixelLoss } from './mask-loss';
export { crossEntropy, smoothL1, smoothL1Sum } from './head-loss';
// Training targets: anchor / proposal matching, the balanced samplers, RPN and RoI-head targets
export {
	matcher,
	matcherTrace,
	assertMatcherOptions,
	BELOW_LOW_THRESHOLD,
	BETWEEN_THRESHOLDS,
	type MatcherOptions,
	type MatcherTrace
} from './matcher';
export { sampleBalanced, type SamplerOptions, type SampledIndices } from './sampler';
export {
	rpnTargets,
	gatherBoxes,
	RPN_BOX_WEIGHTS,
	RPN_TARGET_DEFAULTS,
	type RpnTargetOptions,
	type RpnTargets
} from './rpn-targets';
export {
	roiTargets,
	ROI_BOX_WEIGHTS,
	ROI_TARGET_DEFAULTS,
	type GroundTruth,
	type RoiTargetOptions,
	type RoiTargets
} from './roi-targets';
export { projectMasksOnBoxes, MASK_TARGET_SIZE } from './mask-targets';
