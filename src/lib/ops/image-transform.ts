// GeneralizedRCNNTransform (eval) step by step: bytes / 255 → normalize per channel → resize so the short side is
// minSize unless the long side would exceed maxSize → pad bottom/right with ZEROS (of normalized space, i.e. the
// mean colour) to a multiple of 32. Postprocess maps boxes back with float32 size ratios.
import { f } from './float32';
import { resizeBilinear } from './interpolate';
import { sizeOf, type Tensor } from './tensor';
import { assertPositiveFinite, assertPositiveInt, assertTensor, formatValue } from './validate';
import { assertBoxes, assertImageSize } from './validate-boxes';

/** ImageNet statistics used by torchvision's detection models. */
export const IMAGE_MEAN: [number, number, number] = [0.485, 0.456, 0.406];
export const IMAGE_STD: [number, number, number] = [0.229, 0.224, 0.225];

/**
 * An RGB(A) byte buffer (row-major, `channels` bytes per pixel, e.g. ImageData.data with 4) as a float [3, H, W]
 * image in [0, 1]: a true division by 255 in float32, as torchvision's presets do (x·(1/255) differs for half the bytes).
 */
export function imageFromBytes(data: ArrayLike<number>, height: number, width: number, channels = 4): Tensor {
	assertPositiveInt('height', height);
	assertPositiveInt('width', width);
	if (channels !== 3 && channels !== 4)
		throw new Error(`channels must be 3 or 4, got ${formatValue(channels)}`);
	if (data === null || typeof data !== 'object' || data.length !== height * width * channels)
		throw new Error(
			`data.length must be height·width·channels = ${height * width * channels}, got ${formatValue(data?.length)}`
		);
	const plane = height * width;
	const out = new Float32Array(3 * plane);
	for (let p = 0; p < plane; p++)
		for (let c = 0; c < 3; c++) out[c * plane + p] = f(data[p * channels + c] / 255);
	return { shape: [3, height, width], data: out };
}

function channelsOf(name: string, img: Tensor): { c: number; plane: number } {
	assertTensor(name, img);
	const s = img.shape;
	if (s.length !== 3 && s.length !== 4)
		throw new Error(`${name}.shape must be [C, H, W] or [N, C, H, W], got ${formatValue(s)}`);
	return { c: s[s.length - 3], plane: s[s.length - 2] * s[s.length - 1] };
}

/** (x − mean[c]) / std[c] per channel in float32 — a division, as torchvision does (not a reciprocal multiply). */
export function normalizeImage(
	image: Tensor,
	mean: readonly number[] = IMAGE_MEAN,
	std: readonly number[] = IMAGE_STD
): Tensor {
	const { c, plane } = channelsOf('image', image);
	if (!Array.isArray(mean) || mean.length !== c || !mean.every(Number.isFinite))
		throw new Error(`mean must be ${c} finite numbers (one per channel), got ${formatValue(mean)}`);
	if (!Array.isArray(std) || std.length !== c || !std.every((s) => Number.isFinite(s) && s !== 0))
		throw new Error(`std must be ${c} finite nonzero numbers (one per channel), got ${formatValue(std)}`);
	const out = new Float32Array(image.data.length);
	for (let i = 0; i < out.length; i++) {
		const ch = Math.floor(i / plane) % c;
		out[i] = f(f(image.data[i] - f(mean[ch])) / f(std[ch]));
	}
	return { shape: [...image.shape], data: out };
}

/**
 * The float32 resize factor min(minSize / short side, maxSize / long side) as torch computes it: `800.0 / tensor` is
 * `tensor.reciprocal() * 800.0` in torch, i.e. f(f(1/side)·size) — not f(size/side) (they differ for 1 side in 3).
 */
export function resizeScale(height: number, width: number, minSize = 800, maxSize = 1333): number {
	assertPositiveInt('height', height);
	assertPositiveInt('width', width);
	assertPositiveFinite('minSize', minSize);
	assertPositiveFinite('maxSize', maxSize);
	const short = f(Math.min(height, width));
	const long = f(Math.max(height, width));
	return Math.min(f(f(1 / short) * f(minSize)), f(f(1 / long) * f(maxSize)));
}

/**
 * Output size [h, w] = floor(side · scale) with the float32 scale widened to double — which is why a 427-pixel short
 * side becomes 799, not 800. Throws when a side would become 0 (torch refuses to resize to 0 too).
 */
export function resizedSize(height: number, width: number, minSize = 800, maxSize = 1333): [number, number] {
	const scale = resizeScale(height, width, minSize, maxSize);
	const size: [number, number] = [Math.floor(height * scale), Math.floor(width * scale)];
	if (size[0] < 1 || size[1] < 1)
		throw new Error(
			`image size [${height}, ${width}] must not resize to an empty image, got [${size}] (scale ${scale})`
		);
	return size;
}

/** Zero-pad bottom/right so H and W are multiples of `multiple` (32: the coarsest FPN stride). */
export function padToMultiple(image: Tensor, multiple = 32): Tensor {
	channelsOf('image', image);
	assertPositiveInt('multiple', multiple);
	const s = image.shape;
	const [h, w] = s.slice(-2);
	const hp = Math.ceil(h / multiple) * multiple;
	const wp = Math.ceil(w / multiple) * multiple;
	const planes = sizeOf(s.slice(0, -2));
	const out = new Float32Array(planes * hp * wp);
	for (let p = 0; p < planes; p++)
		for (let y = 0; y < h; y++)
			out.set(image.data.subarray((p * h + y) * w, (p * h + y + 1) * w), (p * hp + y) * wp);
	return { shape: [...s.slice(0, -2), hp, wp], data: out };
}

/** The [H, W] that padToMultiple gives an [h, w] image (for pictures of the padding without building a tensor). */
export function paddedSizeOf(height: number, width: number, multiple = 32): [number, number] {
	assertPositiveInt('height', height);
	assertPositiveInt('width', width);
	assertPositiveInt('multiple', multiple);
	return [Math.ceil(height / multiple) * multiple, Math.ceil(width / multiple) * multiple];
}

/** Scale boxes from an image of size `from` to size `to` ([h, w] each), with float32 ratios (`resize_boxes`). */
export function rescaleBoxes(
	boxes: Float32Array,
	from: [number, number],
	to: [number, number]
): Float32Array {
	assertBoxes('boxes', boxes);
	assertImageSize('from', from);
	assertImageSize('to', to);
	const rh = f(f(to[0]) / f(from[0]));
	const rw = f(f(to[1]) / f(from[1]));
	const out = new Float32Array(boxes.length);
	for (let i = 0; i < boxes.length; i++) out[i] = f(boxes[i] * ((i & 1) === 0 ? rw : rh));
	return out;
}

export interface TransformOptions {
	minSize?: number; // 800
	maxSize?: number; // 1333
	mean?: readonly number[];
	std?: readonly number[];
	sizeDivisible?: number; // 32
}

export interface TransformedImage {
	normalized: Tensor; // [3, H, W]
	resized: Tensor; // [3, h, w]
	padded: Tensor; // [1, 3, Hp, Wp]: the network input
	scale: number;
	originalSize: [number, number];
	imageSize: [number, number]; // [h, w]: resized, unpadded (clipping uses this)
	paddedSize: [number, number]; // [Hp, Wp] (anchors use this)
}

/** The whole eval transform of one [3, H, W] image in [0, 1] (`GeneralizedRCNNTransform.forward`), all stages kept. */
export function transformImage(image: Tensor, opts: TransformOptions = {}): TransformedImage {
	const { c } = channelsOf('image', image);
	if (image.shape.length !== 3 || c !== 3)
		throw new Error(`image.shape must be [3, H, W], got ${formatValue(image.shape)}`);
	const { minSize = 800, maxSize = 1333, mean = IMAGE_MEAN, std = IMAGE_STD, sizeDivisible = 32 } = opts;
	const [h, w] = image.shape.slice(1);
	const normalized = normalizeImage(image, mean, std);
	const size = resizedSize(h, w, minSize, maxSize);
	const resized = resizeBilinear(normalized, size);
	const padded = padToMultiple(resized, sizeDivisible);
	return {
		normalized,
		resized,
		padded: { shape: [1, ...padded.shape], data: padded.data },
		scale: resizeScale(h, w, minSize, maxSize),
		originalSize: [h, w],
		imageSize: size,
		paddedSize: [padded.shape[1], padded.shape[2]]
	};
}
