// The pixels of the comparison figures: a model's shown masks over the scene, and the disagreement map over a
// greyed scene. Fixed colours (a picture, not text): RoIAlign's blue and RoIPool's orange of the site's tokens.
import type { ModelTrace } from '$lib/model/lite';
import type { Scene } from '$lib/scenes';
import { classColor } from '$lib/ui/colors';
import { overlayMasks } from '$lib/ui/mask-overlay';
import { rgbToRgba } from '$lib/ui/raster';
import { SHOWN_SCORE, type Disagreement, type ModelOnScene } from './compare';

export const CHOSEN_RGB = [29, 78, 216] as const;
export const ABLATED_RGB = [194, 65, 12] as const;

export function masksPixels(scene: Scene, trace: ModelTrace, judged: ModelOnScene): Uint8ClampedArray {
	const rgba = rgbToRgba(scene.image, scene.width, scene.height);
	const labels = trace.detections.labels;
	// smallest on top, so a small object inside a big one stays visible
	const order = [...judged.shown].reverse();
	return overlayMasks(rgba, trace.masks.pasted.data, scene.width, scene.height, order, SHOWN_SCORE, (d) =>
		classColor(labels[d])
	);
}

export function disagreementPixels(scene: Scene, d: Disagreement): Uint8ClampedArray {
	const rgba = rgbToRgba(scene.image, scene.width, scene.height);
	for (let p = 0; p < d.map.length; p++) {
		const j = 4 * p;
		const grey = (rgba[j] * 0.3 + rgba[j + 1] * 0.59 + rgba[j + 2] * 0.11) * 0.35 + 166;
		const c = d.map[p] === 1 ? CHOSEN_RGB : d.map[p] === 2 ? ABLATED_RGB : null;
		rgba[j] = c ? c[0] : grey;
		rgba[j + 1] = c ? c[1] : grey;
		rgba[j + 2] = c ? c[2] : grey;
	}
	return rgba;
}
