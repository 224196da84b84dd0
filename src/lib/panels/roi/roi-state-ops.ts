// A RoI panel state (URL units: box in pixels, stride) → its feature map and the ops' traces. The one place that maps
// the state onto the ops' options, shared by the panels and by the tutorials' live answers, so a question can never
// compute something other than what the panel beside it shows.
import { roiAlignTrace, roiPoolTrace, type RoiAlignTrace, type RoiPoolTrace } from '$lib/ops';
import { messageOf } from '$lib/ui/errors';
import { roiViewBox, type View } from '$lib/ui/roi-view';
import { featureMap, type FeatureMap } from './feature-maps';
import type { RoiState } from './roi-state';

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

/** What a RoI panel draws: the state's map, its size in cells, the figure's view, and one op's trace — or the
 * op's named error (a bad box or size), which the panel shows in place. */
export function figureOf<T>(
	roi: Readonly<RoiState>,
	traceOf: (roi: Readonly<RoiState>, fm: FeatureMap) => T
): { fm: FeatureMap; H: number; W: number; view: View; trace: T | null; error: string | null } {
	const fm = mapOf(roi);
	const [, , H, W] = fm.tensor.shape;
	const view = roiViewBox(H, W, roi.stride, roi.box);
	try {
		return { fm, H, W, view, trace: traceOf(roi, fm), error: null };
	} catch (e) {
		return { fm, H, W, view, trace: null, error: messageOf(e) };
	}
}
