// Box utilities of torchvision.ops.boxes in float32: no "+1" in widths (continuous coordinates), every operation
// rounded to float32 as the CPU tensors do.
import { f } from './float32';
import { assertBoxes, assertImageSize } from './validate-boxes';
import { assertFinite } from './validate';

/** Areas f((x2−x1)·(y2−y1)) of [x1,y1,x2,y2] rows (`box_area`; inverted rows give negative areas, as in torch). */
export function boxArea(boxes: Float32Array): Float32Array {
	const n = assertBoxes('boxes', boxes);
	const out = new Float32Array(n);
	for (let i = 0; i < n; i++) {
		const o = i * 4;
		out[i] = f(f(boxes[o + 2] - boxes[o]) * f(boxes[o + 3] - boxes[o + 1]));
	}
	return out;
}

/**
 * IoU of box i of `a` and box j of `b`, given their areas — the exact float32 formula shared by `box_iou` and the
 * NMS kernel: inter / ((areaA + areaB) − inter), widths clamped at 0.
 */
export function iou32(
	a: ArrayLike<number>,
	i: number,
	areaI: number,
	b: ArrayLike<number>,
	j: number,
	areaJ: number
): number {
	const ai = i * 4;
	const bj = j * 4;
	const w = Math.max(0, f(Math.min(a[ai + 2], b[bj + 2]) - Math.max(a[ai], b[bj])));
	const h = Math.max(0, f(Math.min(a[ai + 3], b[bj + 3]) - Math.max(a[ai + 1], b[bj + 1])));
	const inter = f(w * h);
	return f(inter / f(f(areaI + areaJ) - inter));
}

/** Pairwise IoU matrix [N·M], row-major (`torchvision.ops.box_iou`). */
export function boxIou(a: Float32Array, b: Float32Array): Float32Array {
	const n = assertBoxes('a', a);
	const m = assertBoxes('b', b);
	const areaA = boxArea(a);
	const areaB = boxArea(b);
	const out = new Float32Array(n * m);
	for (let i = 0; i < n; i++)
		for (let j = 0; j < m; j++) out[i * m + j] = iou32(a, i, areaA[i], b, j, areaB[j]);
	return out;
}

/** Clamp x to [0, width] and y to [0, height] (`clip_boxes_to_image`; size = the resized, UNPADDED image). */
export function clipBoxesToImage(boxes: Float32Array, imageSize: [number, number]): Float32Array {
	assertBoxes('boxes', boxes);
	assertImageSize('imageSize', imageSize);
	const hMax = f(imageSize[0]);
	const wMax = f(imageSize[1]);
	const out = new Float32Array(boxes.length);
	for (let i = 0; i < boxes.length; i++) {
		const hi = (i & 1) === 0 ? wMax : hMax;
		out[i] = Math.min(Math.max(boxes[i], 0), hi);
	}
	return out;
}

/** Indices (ascending) of boxes whose width AND height are >= minSize (`remove_small_boxes`: `>=`, in float32). */
export function removeSmallBoxes(boxes: Float32Array, minSize: number): Int32Array {
	const n = assertBoxes('boxes', boxes);
	assertFinite('minSize', minSize);
	const m = f(minSize); // the python float is cast to the tensor's dtype for the comparison
	const keep: number[] = [];
	for (let i = 0; i < n; i++) {
		const o = i * 4;
		if (f(boxes[o + 2] - boxes[o]) >= m && f(boxes[o + 3] - boxes[o + 1]) >= m) keep.push(i);
	}
	return Int32Array.from(keep);
}
