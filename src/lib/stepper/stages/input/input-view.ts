// Stage 1 data: what the transform did to this image, read from trace.input (computed by ops/image-transform.ts).
// Nothing here recomputes the transform: sizes come from the trace or from the ops' own size functions, values
// are looked up in the trace's tensors.
import {
	bilinearAxis,
	paddedSizeOf,
	resizeScale,
	resizedSize,
	type Tensor,
	type TransformedImage
} from '$lib/ops';

export interface TransformSummary {
	original: [number, number];
	scale: number;
	resized: [number, number];
	padded: [number, number];
	/** rows added at the bottom, columns at the right */
	padBottom: number;
	padRight: number;
	/** share of the network input that is padding */
	paddingShare: number;
}

export function transformSummary(input: TransformedImage): TransformSummary {
	const [h, w] = input.imageSize;
	const [hp, wp] = input.paddedSize;
	return {
		original: input.originalSize,
		scale: input.scale,
		resized: [h, w],
		padded: [hp, wp],
		padBottom: hp - h,
		padRight: wp - w,
		paddingShare: 1 - (h * w) / (hp * wp)
	};
}

/** The same transform for an image of another size: the "what if the photo were…" control. */
export function whatIfSize(height: number, width: number, target: number, multiple = 32): TransformSummary {
	const scale = resizeScale(height, width, target, target);
	const [h, w] = resizedSize(height, width, target, target);
	const [hp, wp] = paddedSizeOf(h, w, multiple);
	return {
		original: [height, width],
		scale,
		resized: [h, w],
		padded: [hp, wp],
		padBottom: hp - h,
		padRight: wp - w,
		paddingShare: 1 - (h * w) / (hp * wp)
	};
}

export interface PixelSteps {
	x: number;
	y: number;
	/** the bytes of the original pixel */
	rgb: [number, number, number];
	/** normalized values (x/255 − mean)/std, read from trace.input.normalized */
	normalized: [number, number, number];
}

/** The original pixel (x, y) before and after normalization. */
export function pixelSteps(
	image: { data: Uint8Array; width: number; height: number },
	normalized: Tensor,
	x: number,
	y: number
): PixelSteps {
	const { width: w, height: h } = image;
	const xi = Math.min(w - 1, Math.max(0, Math.floor(x)));
	const yi = Math.min(h - 1, Math.max(0, Math.floor(y)));
	const o = (yi * w + xi) * 3;
	const plane = normalized.shape[1] * normalized.shape[2];
	const at = (c: number) => normalized.data[c * plane + yi * normalized.shape[2] + xi];
	return {
		x: xi,
		y: yi,
		rgb: [image.data[o], image.data[o + 1], image.data[o + 2]],
		normalized: [at(0), at(1), at(2)]
	};
}

export interface ResizeTap {
	/** source rows/columns of the original the resized pixel blends, and their weights */
	y0: number;
	y1: number;
	x0: number;
	x1: number;
	wy0: number;
	wy1: number;
	wx0: number;
	wx1: number;
}

/** Which four original pixels the resized pixel (x, y) blends (torch's bilinear tables, from ops). */
export function resizeTap(input: TransformedImage, x: number, y: number): ResizeTap {
	const [H, W] = input.originalSize;
	const [h, w] = input.imageSize;
	const ay = bilinearAxis(H, h);
	const ax = bilinearAxis(W, w);
	const yi = Math.min(h - 1, Math.max(0, Math.floor(y)));
	const xi = Math.min(w - 1, Math.max(0, Math.floor(x)));
	return {
		y0: ay.i0[yi],
		y1: ay.i1[yi],
		x0: ax.i0[xi],
		x1: ax.i1[xi],
		wy0: ay.l0[yi],
		wy1: ay.l1[yi],
		wx0: ax.l0[xi],
		wx1: ax.l1[xi]
	};
}

/**
 * A normalized [3, H, W] (or [1, 3, H, W]) image as RGBA bytes for a canvas: the inverse of the normalization, so
 * the student sees the network input as a picture. Padding (0 after normalization) comes out as the mean colour.
 */
export function denormalizedRgba(
	t: Tensor,
	mean: readonly number[],
	std: readonly number[]
): Uint8ClampedArray {
	const s = t.shape;
	const h = s[s.length - 2];
	const w = s[s.length - 1];
	const plane = h * w;
	const out = new Uint8ClampedArray(plane * 4);
	for (let p = 0; p < plane; p++) {
		for (let c = 0; c < 3; c++) out[4 * p + c] = Math.round((t.data[c * plane + p] * std[c] + mean[c]) * 255);
		out[4 * p + 3] = 255;
	}
	return out;
}

/** One channel of a [3, H, W] tensor as a plane (for the per-channel heatmaps). */
export function channelOf(t: Tensor, c: number): Float32Array {
	const s = t.shape;
	const plane = s[s.length - 2] * s[s.length - 1];
	return t.data.subarray(c * plane, (c + 1) * plane);
}
