// The picture of stage 7's "on a real object": a crop of the scene around one object, greyed, with the pixels only
// the model's own mask covers in blue, only the other pooler's in orange, both in a light tint, and the ground-truth
// object's outline in black. Fixed colours: a picture, not text.
import type { Scene } from '$lib/scenes';

export const OWN_RGB = [29, 78, 216] as const;
export const OTHER_RGB = [194, 65, 12] as const;

export interface Crop {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The box (original-image px) grown by a quarter of its size (at least 4 px) on every side, clipped to the scene. */
export function cropAround(box: ArrayLike<number>, scene: Scene): Crop {
	const pad = Math.max(4, Math.round(0.25 * Math.max(box[2] - box[0], box[3] - box[1])));
	const x = Math.max(0, Math.floor(box[0] - pad));
	const y = Math.max(0, Math.floor(box[1] - pad));
	const x2 = Math.min(scene.width, Math.ceil(box[2] + pad));
	const y2 = Math.min(scene.height, Math.ceil(box[3] + pad));
	return { x, y, width: Math.max(1, x2 - x), height: Math.max(1, y2 - y) };
}

export const BOTH_RGB = [96, 110, 140] as const;

/** How many canvas pixels per image pixel: enough for a thin outline on a small object, at most 12. */
export function zoomFor(crop: Crop): number {
	return Math.max(1, Math.min(12, Math.floor(360 / Math.max(crop.width, crop.height))));
}

/**
 * RGBA of the crop at `zoom` canvas pixels per image pixel. The truth outline is one canvas pixel wide, on the
 * inside of the object's border, so the mask pixels under it stay visible.
 */
export function misalignmentPixels(
	scene: Scene,
	crop: Crop,
	own: Float32Array,
	other: Float32Array,
	object: number,
	zoom = zoomFor(crop)
): Uint8ClampedArray {
	const w = crop.width * zoom;
	const out = new Uint8ClampedArray(w * crop.height * zoom * 4);
	const gt = object >= 0 ? scene.instances[object].mask : null;
	const inGt = (x: number, y: number) =>
		gt !== null && x >= 0 && y >= 0 && x < scene.width && y < scene.height && gt[y * scene.width + x] >= 0.5;
	for (let cy = 0; cy < crop.height; cy++)
		for (let cx = 0; cx < crop.width; cx++) {
			const x = crop.x + cx;
			const y = crop.y + cy;
			const p = y * scene.width + x;
			const a = own[p] >= 0.5;
			const b = other[p] >= 0.5;
			let rgb: readonly number[];
			if (a && b) rgb = BOTH_RGB;
			else if (a) rgb = OWN_RGB;
			else if (b) rgb = OTHER_RGB;
			else {
				const g =
					(scene.image[3 * p] * 0.3 + scene.image[3 * p + 1] * 0.59 + scene.image[3 * p + 2] * 0.11) * 0.3;
				rgb = [g + 175, g + 175, g + 175];
			}
			const inside = inGt(x, y);
			// which sides of this pixel face the outside of the object: the outline runs along them
			const [l, r, t, bo] = [!inGt(x - 1, y), !inGt(x + 1, y), !inGt(x, y - 1), !inGt(x, y + 1)];
			for (let sy = 0; sy < zoom; sy++)
				for (let sx = 0; sx < zoom; sx++) {
					const line =
						inside &&
						((l && sx === 0) || (r && sx === zoom - 1) || (t && sy === 0) || (bo && sy === zoom - 1));
					const j = 4 * ((cy * zoom + sy) * w + cx * zoom + sx);
					out[j] = line ? 0 : rgb[0];
					out[j + 1] = line ? 0 : rgb[1];
					out[j + 2] = line ? 0 : rgb[2];
					out[j + 3] = 255;
				}
		}
	return out;
}
