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

/** The box (original-image px) grown by `pad` on every side, clipped to the scene. */
export function cropAround(box: ArrayLike<number>, scene: Scene, pad = 16): Crop {
	const x = Math.max(0, Math.floor(box[0] - pad));
	const y = Math.max(0, Math.floor(box[1] - pad));
	const x2 = Math.min(scene.width, Math.ceil(box[2] + pad));
	const y2 = Math.min(scene.height, Math.ceil(box[3] + pad));
	return { x, y, width: Math.max(1, x2 - x), height: Math.max(1, y2 - y) };
}

export function misalignmentPixels(
	scene: Scene,
	crop: Crop,
	own: Float32Array,
	other: Float32Array,
	object: number
): Uint8ClampedArray {
	const out = new Uint8ClampedArray(crop.width * crop.height * 4);
	const gt = object >= 0 ? scene.instances[object].mask : null;
	const inGt = (x: number, y: number) =>
		gt !== null && x >= 0 && y >= 0 && x < scene.width && y < scene.height && gt[y * scene.width + x] >= 0.5;
	for (let cy = 0; cy < crop.height; cy++)
		for (let cx = 0; cx < crop.width; cx++) {
			const x = crop.x + cx;
			const y = crop.y + cy;
			const p = y * scene.width + x;
			const j = 4 * (cy * crop.width + cx);
			const a = own[p] >= 0.5;
			const b = other[p] >= 0.5;
			const edge = inGt(x, y) && (!inGt(x - 1, y) || !inGt(x + 1, y) || !inGt(x, y - 1) || !inGt(x, y + 1));
			let rgb: readonly number[];
			if (edge) rgb = [0, 0, 0];
			else if (a && !b) rgb = OWN_RGB;
			else if (b && !a) rgb = OTHER_RGB;
			else {
				const g =
					(scene.image[3 * p] * 0.3 + scene.image[3 * p + 1] * 0.59 + scene.image[3 * p + 2] * 0.11) * 0.35;
				rgb = a ? [g + 140, g + 150, g + 165] : [g + 166, g + 166, g + 166];
			}
			out[j] = rgb[0];
			out[j + 1] = rgb[1];
			out[j + 2] = rgb[2];
			out[j + 3] = 255;
		}
	return out;
}
