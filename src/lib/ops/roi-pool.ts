// RoIPool (Fast R-CNN) equal to torchvision 0.14's CPU kernel (float32). The per-RoI geometry and bin bounds here
// are also what roiPoolTrace uses, so pictures and op agree.
import { cRound } from './c-round';
import { resolveOutputSize } from './output-size';
import { checkBoxesTensor, checkRoiBox, checkRoiInput } from './roi-boxes';
import type { Tensor } from './tensor';
import { assertPositiveFinite, formatValue } from './validate';

const f = Math.fround;
const NEG_FLT_MAX = -3.4028234663852886e38; // the kernel's initial maximum: an all −inf/NaN bin returns −FLT_MAX

export interface RoiPoolOptions {
	outputSize: number | [number, number];
	spatialScale: number;
}

export interface ResolvedRoiPoolOptions {
	outH: number;
	outW: number;
	/** float32 spatial scale, as the kernel receives it */
	scale: number;
}

export function resolveRoiPoolOptions(op: string, opts: RoiPoolOptions): ResolvedRoiPoolOptions {
	if (typeof opts !== 'object' || opts === null)
		throw new Error(`${op}: opts must be an object, got ${formatValue(opts)}`);
	const [outH, outW] = resolveOutputSize(`${op}: opts.outputSize`, opts.outputSize);
	assertPositiveFinite(`${op}: opts.spatialScale`, opts.spatialScale);
	return { outH, outW, scale: f(opts.spatialScale) };
}

export interface RoiPoolGeometry {
	batchIndex: number;
	/** f(x1*ss), f(y1*ss), f(x2*ss), f(y2*ss) */
	scaledBox: [number, number, number, number];
	/** C round (half away from zero) of scaledBox: sw, sh, ew, eh — the first quantization */
	roundedBox: [number, number, number, number];
	/** max(ew-sw+1, 1), max(eh-sh+1, 1) (integers) */
	roiWidth: number;
	roiHeight: number;
	/** f(roiWidth/outW), f(roiHeight/outH) */
	binWidth: number;
	binHeight: number;
}

export function roiPoolGeometry(
	op: string,
	label: string,
	box: ArrayLike<number>,
	off: number,
	batchSize: number,
	o: ResolvedRoiPoolOptions
): RoiPoolGeometry {
	const batchIndex = checkRoiBox(op, label, box, off, batchSize);
	const s = o.scale;
	const scaledBox: [number, number, number, number] = [
		f(f(box[off + 1]) * s),
		f(f(box[off + 2]) * s),
		f(f(box[off + 3]) * s),
		f(f(box[off + 4]) * s)
	];
	const [sw, sh, ew, eh] = scaledBox.map(cRound);
	const roiWidth = Math.max(ew - sw + 1, 1); // "+1": the end pixel is inclusive
	const roiHeight = Math.max(eh - sh + 1, 1);
	return {
		batchIndex,
		scaledBox,
		roundedBox: [sw, sh, ew, eh],
		roiWidth,
		roiHeight,
		binWidth: f(roiWidth / o.outW),
		binHeight: f(roiHeight / o.outH)
	};
}

/**
 * Half-open cell ranges of every bin, 4 per bin in (ph, pw) order: hstart, hend, wstart, wend — floor/ceil of the
 * float32 bin edges, shifted by the rounded box start and clamped to [0, H] / [0, W] (the second quantization).
 */
export function poolBinBounds(
	g: RoiPoolGeometry,
	outH: number,
	outW: number,
	h: number,
	w: number,
	bounds: Int32Array
): Int32Array {
	const sw = g.roundedBox[0];
	const sh = g.roundedBox[1];
	let i = 0;
	for (let ph = 0; ph < outH; ph++) {
		const hs = Math.min(Math.max(Math.floor(f(ph * g.binHeight)) + sh, 0), h);
		const he = Math.min(Math.max(Math.ceil(f((ph + 1) * g.binHeight)) + sh, 0), h);
		for (let pw = 0; pw < outW; pw++) {
			bounds[i++] = hs;
			bounds[i++] = he;
			bounds[i++] = Math.min(Math.max(Math.floor(f(pw * g.binWidth)) + sw, 0), w);
			bounds[i++] = Math.min(Math.max(Math.ceil(f((pw + 1) * g.binWidth)) + sw, 0), w);
		}
	}
	return bounds;
}

/**
 * Row-major scan of one bin of the plane at `off`: flat index h*W + w of the first maximum (strict '>', so the
 * first of equal values wins and NaN is never chosen), or −1 for an empty bin or one holding only −inf/NaN/−FLT_MAX.
 */
export function binArgmax(
	data: Float32Array,
	off: number,
	w: number,
	hs: number,
	he: number,
	ws: number,
	we: number
): number {
	let best = NEG_FLT_MAX;
	let arg = -1;
	for (let y = hs; y < he; y++) {
		for (let x = ws; x < we; x++) {
			const v = data[off + y * w + x];
			if (v > best) {
				best = v;
				arg = y * w + x;
			}
		}
	}
	return arg;
}

/** The pooled value for an argmax from binArgmax: the cell, else 0 for an empty bin, else −FLT_MAX. */
export function binValue(data: Float32Array, off: number, argmax: number, empty: boolean): number {
	return argmax >= 0 ? data[off + argmax] : empty ? 0 : NEG_FLT_MAX;
}

/**
 * RoIPool over `input` [N,C,H,W] for `boxes` [K,5] = (batchIndex, x1, y1, x2, y2) in image coordinates.
 * Returns [K, C, outH, outW], equal to torchvision 0.14's CPU `roi_pool`.
 */
export function roiPool(input: Tensor, boxes: Tensor, opts: RoiPoolOptions): Tensor {
	const op = 'roiPool';
	const o = resolveRoiPoolOptions(op, opts);
	checkRoiInput(op, input);
	const k = checkBoxesTensor(op, boxes);
	const [n, c, h, w] = input.shape;
	const nBins = o.outH * o.outW;
	const plane = h * w;
	const out = new Float32Array(k * c * nBins);
	const bounds = new Int32Array(4 * nBins);
	const data = input.data;
	for (let r = 0; r < k; r++) {
		const g = roiPoolGeometry(op, `boxes[${r}]`, boxes.data, 5 * r, n, o);
		poolBinBounds(g, o.outH, o.outW, h, w, bounds);
		for (let ch = 0; ch < c; ch++) {
			const off = (g.batchIndex * c + ch) * plane;
			const ob = (r * c + ch) * nBins;
			for (let b = 0; b < nBins; b++) {
				const hs = bounds[4 * b];
				const he = bounds[4 * b + 1];
				const ws = bounds[4 * b + 2];
				const we = bounds[4 * b + 3];
				const arg = binArgmax(data, off, w, hs, he, ws, we);
				out[ob + b] = binValue(data, off, arg, he <= hs || we <= ws);
			}
		}
	}
	return { shape: [k, c, o.outH, o.outW], data: out };
}
