// Named starting points for the RoI panels. Each sets every parameter it cares about, so the result is reproducible.
import { ROI_DEFAULTS, cloneRoi, type RoiState } from './roi-state';

export interface Preset<S = RoiState> {
	label: string;
	apply: (s: S) => void;
}

/** A preset that sets every parameter: the defaults with `patch` on top (so the result never depends on the state). */
function preset(label: string, patch: Partial<RoiState>): Preset {
	return { label, apply: (s) => Object.assign(s, { ...cloneRoi(ROI_DEFAULTS), ...patch }) };
}

/** torchvision's example: seed map, box (10,10,124,124), stride 32, 2×2, sampling ratio 1, aligned=False. */
export const TORCHVISION_EXAMPLE = preset('torchvision example', {});

/**
 * The worked example found in many RoIPool explanations: an 800×800 image, a 665×665 box, stride 32, 7×7 output
 * (there: 665/32 = 20.78 → 20 cells, 20/7 = 2.86 → 2 per bin). The panel shows what torchvision does with it.
 */
export const CLASSIC_EXAMPLE = preset('800×800 image, 665 px box, 7×7', {
	box: [0, 0, 665, 665],
	out: [7, 7],
	sr: 2,
	map: 'image',
	img: [800, 800]
});

/** A box hanging over the top-left corner of the map: clamped and zeroed samples. */
export const BORDER_EXAMPLE = preset('box over the border', { box: [-48, -20, 70, 90], out: [2, 2], sr: 2 });

/** Torchvision Mask R-CNN's mask branch setting: 14×14, sampling ratio 2, on a picture. */
export const MASK_HEAD_EXAMPLE = preset('mask head (14×14, sr 2)', {
	box: [200, 180, 520, 470],
	stride: 16,
	out: [14, 14],
	sr: 2,
	map: 'image'
});
