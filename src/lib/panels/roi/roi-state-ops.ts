// A RoI panel state (URL units: box in pixels, stride) → its feature map and the ops' traces. The one place that maps
// the state onto the ops' options, shared by the panels and by the tutorials' live answers, so a question can never
// compute something other than what the panel beside it shows.
import { roiAlignTrace, roiPoolTrace, type RoiAlignTrace, type RoiPoolTrace } from '$lib/ops';
import { featureMap, type FeatureMap } from './feature-maps';
import { type RoiState } from '$lib/panels/roi/roi-state';

export function mapOf(roi: Readonly<RoiState>): FeatureMap {
	return featureMap({ map: roi.map, seed: roi.seed, stride: roi.stride, img: roi.img });
}

/** RoIPool of the state's box (throws the op's named error for a bad box or size). */
export function poolTraceOf(roi: Readonly<RoiState>, fm: FeatureMap = mapOf(roi)): RoiPoolTrace {
	return roiPoolTrace(fm.tensor, [0, ...roi.box], {
		outputSize: [roi.out[0], roi.out[1]],
		spatialScale: 1 / roi.stride
	});
}

/** RoIAlign of the state's box with its sampling ratio, aligned flag and aggregation. */
export function alignTraceOf(roi: Readonly<RoiState>, fm: FeatureMap = mapOf(roi)): RoiAlignTrace {
	return roiAlignTrace(fm.tensor, [0, ...roi.box], {
		outputSize: [roi.out[0], roi.out[1]],
		spatialScale: 1 / roi.stride,
		samplingRatio: roi.sr,
		aligned: roi.aligned,
		aggregation: roi.agg
	});
}
