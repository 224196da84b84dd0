import { roiAlign, SEED_BOX, SEED_MAP, SEED_SPATIAL_SCALE } from '$lib/ops';

/**
 * The top-left RoIAlign output of the torchvision seed example (6×6 map, box 10,10,124,124, stride 32, 2×2, sampling 1).
 * The landing page calls this in the browser so that the number on screen is proof the op runs there.
 */
export function seedRoiAlignTopLeft(): number {
	const boxes = { shape: [1, 5], data: Float32Array.from(SEED_BOX) };
	const out = roiAlign(SEED_MAP, boxes, {
		outputSize: 2,
		spatialScale: SEED_SPATIAL_SCALE,
		samplingRatio: 1,
		aligned: false
	});
	return out.data[0];
}
