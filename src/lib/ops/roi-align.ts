// RoIAlign equal to torchvision 0.14's CPU kernel (float32), plus a 'max' aggregation variant.
// The per-RoI geometry and sample precompute here are also what roiAlignTrace uses, so pictures and op agree.
import { bilinearRule, ensureSampleBuffer, sampleValue, type SampleBuffer } from './bilinear';
import { resolveOutputSize } from './output-size';
import { checkBoxesTensor, checkRoiBox, checkRoiInput } from './roi-boxes';
import type { Tensor } from './tensor';
import { assertBoolean, assertInteger, assertOneOf, assertPositiveFinite, formatValue } from './validate';

const f = Math.fround;

export interface RoiAlignOptions {
	outputSize: number | [number, number];
	spatialScale: number;
	/** Samples per bin along each axis; <= 0: adaptive, ceil(roi size / output size) per RoI. */
	samplingRatio: number;
	/** true: detectron2's ROIAlignV2 (−0.5 pixel shift, no size clamp); torchvision's Mask R-CNN uses false. */
	aligned: boolean;
	/** 'avg' (torchvision) or 'max' over each bin's sample points. */
	aggregation?: 'avg' | 'max';
}

export interface ResolvedRoiAlignOptions {
	outH: number;
	outW: number;
	/** float32 spatial scale, as the kernel receives it */
	scale: number;
	samplingRatio: number;
	aligned: boolean;
	aggregation: 'avg' | 'max';
}

export function resolveRoiAlignOptions(op: string, opts: RoiAlignOptions): ResolvedRoiAlignOptions {
	if (typeof opts !== 'object' || opts === null)
		throw new Error(`${op}: opts must be an object, got ${formatValue(opts)}`);
	const [outH, outW] = resolveOutputSize(`${op}: opts.outputSize`, opts.outputSize);
	assertPositiveFinite(`${op}: opts.spatialScale`, opts.spatialScale);
	assertInteger(`${op}: opts.samplingRatio`, opts.samplingRatio);
	assertBoolean(`${op}: opts.aligned`, opts.aligned);
	const aggregation = opts.aggregation ?? 'avg';
	assertOneOf(`${op}: opts.aggregation`, aggregation, ['avg', 'max'] as const);
	return {
		outH,
		outW,
		scale: f(opts.spatialScale),
		samplingRatio: opts.samplingRatio,
		aligned: opts.aligned,
		aggregation
	};
}

/** One RoI's float32 geometry, exactly as the kernel derives it. */
export interface RoiAlignGeometry {
	batchIndex: number;
	/** start/end in feature coordinates after the aligned −0.5 offset */
	sw: number;
	sh: number;
	ew: number;
	eh: number;
	/** after the legacy max(., 1) clamp when !aligned */
	roiWidth: number;
	roiHeight: number;
	binWidth: number;
	binHeight: number;
	/** sampling grid per bin; can be <= 0 for aligned reversed/empty boxes with adaptive sampling (no samples) */
	gridH: number;
	gridW: number;
	/** divisor of the average: max(gridH*gridW, 1) */
	count: number;
}

/** Refuse grids whose pre_calc would not fit comfortably in memory (adaptive sampling on an enormous box). */
const MAX_SAMPLES_PER_ROI = 1 << 21;
/**
 * Samples precomputed per chunk of RoIs (3 MB of positions and weights; ~330 RoIs of 7×7 bins × 2×2 samples) and
 * channels processed per pass. Measured on a 256×200×272 map with 1000 RoIs: larger chunks re-read each feature
 * plane fewer times, smaller ones fall out of cache less; 2^16 was fastest.
 */
const CHUNK_SAMPLES = 1 << 16;
const CHANNEL_BLOCK = 4;

export function roiAlignGeometry(
	op: string,
	label: string,
	box: ArrayLike<number>,
	off: number,
	batchSize: number,
	o: ResolvedRoiAlignOptions
): RoiAlignGeometry {
	const batchIndex = checkRoiBox(op, label, box, off, batchSize);
	const offset = o.aligned ? 0.5 : 0;
	const s = o.scale;
	const sw = f(f(f(box[off + 1]) * s) - offset);
	const sh = f(f(f(box[off + 2]) * s) - offset);
	const ew = f(f(f(box[off + 3]) * s) - offset);
	const eh = f(f(f(box[off + 4]) * s) - offset);
	let roiWidth = f(ew - sw);
	let roiHeight = f(eh - sh);
	if (!o.aligned) {
		roiWidth = Math.max(roiWidth, 1);
		roiHeight = Math.max(roiHeight, 1);
	}
	const binHeight = f(roiHeight / o.outH);
	const binWidth = f(roiWidth / o.outW);
	const gridH = o.samplingRatio > 0 ? o.samplingRatio : Math.ceil(binHeight) + 0; // + 0: no −0
	const gridW = o.samplingRatio > 0 ? o.samplingRatio : Math.ceil(binWidth) + 0;
	if (gridH * gridW < 0) {
		// torchvision sizes its pre_calc vector with this negative product and throws
		// "cannot create std::vector larger than max_size()"; we say why instead.
		throw new Error(
			`${op}: ${label} = ${formatValue(Array.from({ length: 5 }, (_, j) => box[off + j]))} is reversed, so with ` +
				`aligned=true and adaptive sampling (opts.samplingRatio=${o.samplingRatio}) its sampling grid is ` +
				`${gridH}×${gridW} (negative); torchvision crashes on this input`
		);
	}
	const nSamples = Math.max(gridH, 0) * Math.max(gridW, 0) * o.outH * o.outW;
	if (nSamples > MAX_SAMPLES_PER_ROI)
		throw new Error(
			`${op}: ${label} needs a ${gridH}×${gridW} sampling grid per bin (${nSamples} samples); ` +
				`use a positive opts.samplingRatio for such a large box`
		);
	return {
		batchIndex,
		sw,
		sh,
		ew,
		eh,
		roiWidth,
		roiHeight,
		binWidth,
		binHeight,
		gridH,
		gridW,
		count: Math.max(gridH * gridW, 1)
	};
}

/** Samples per bin actually visited (the kernel's loops do not run for a grid size <= 0). */
export function samplesPerBin(g: RoiAlignGeometry): number {
	return (Math.max(g.gridH, 0) * Math.max(g.gridW, 0)) | 0; // <= MAX_SAMPLES_PER_ROI, checked in roiAlignGeometry
}

/** Where bin `index` starts along an axis: f(start + f(index · binSize)), the kernel's expression. */
export function binStart(start: number, index: number, binSize: number): number {
	return f(start + f(index * binSize));
}

/**
 * torchvision's pre_calc: every sample of every bin, in (ph, pw, iy, ix) order, positions and weights, written to
 * `buf` from sample index `start` on (samplesPerBin(g) * outH * outW samples; the caller sizes the buffer).
 */
export function precomputeSamples(
	g: RoiAlignGeometry,
	outH: number,
	outW: number,
	h: number,
	w: number,
	buf: SampleBuffer,
	start: number
): void {
	const gh = Math.max(g.gridH, 0);
	const gw = Math.max(g.gridW, 0);
	let i = start;
	for (let ph = 0; ph < outH; ph++) {
		const y0 = binStart(g.sh, ph, g.binHeight);
		for (let pw = 0; pw < outW; pw++) {
			const x0 = binStart(g.sw, pw, g.binWidth);
			for (let iy = 0; iy < gh; iy++) {
				const y = f(y0 + f(f((iy + 0.5) * g.binHeight) / g.gridH));
				for (let ix = 0; ix < gw; ix++) {
					const x = f(x0 + f(f((ix + 0.5) * g.binWidth) / g.gridW));
					bilinearRule(buf, i++, y, x, h, w);
				}
			}
		}
	}
}

/**
 * All bins of `channels` consecutive channels of one RoI whose samples start at index `first` of `buf`:
 * out[outOff + ch*nBins + bin] for the plane at inOff + ch*plane. The op and roiAlignTrace both call this.
 * 'avg' is the kernel's float32 running sum divided by count. 'max' takes the largest sample; zeroed samples count
 * as value-0 samples, exactly what they add to torchvision's sum (and what the paper's max-RoIAlign over the same
 * bilinear samples would see); a bin with no samples gives 0.
 */
export function alignChannels(
	buf: SampleBuffer,
	first: number,
	nBins: number,
	perBin: number,
	count: number,
	max: boolean,
	data: Float32Array,
	inOff: number,
	plane: number,
	channels: number,
	out: Float32Array,
	outOff: number
): void {
	let ch = 0;
	// Four channels per pass share each sample's positions and weights: the same float32 operations per channel,
	// fewer loads and more independent work per iteration (part of what keeps the op at torchvision's speed).
	if (!max)
		for (; ch + 4 <= channels; ch += 4)
			avg4(buf, first, nBins, perBin, count, data, inOff + ch * plane, plane, out, outOff + ch * nBins);
	for (; ch < channels; ch++) {
		if (max) max1(buf, first, nBins, perBin, data, inOff + ch * plane, out, outOff + ch * nBins);
		else avg1(buf, first, nBins, perBin, count, data, inOff + ch * plane, out, outOff + ch * nBins);
	}
}

/** 'max' for one channel: the largest sample of each bin (0 for a bin without samples). */
function max1(
	buf: SampleBuffer,
	first: number,
	nBins: number,
	perBin: number,
	data: Float32Array,
	o: number,
	out: Float32Array,
	ob: number
): void {
	let s = first;
	for (let b = 0; b < nBins; b++) {
		let m = -Infinity;
		for (let k = 0; k < perBin; k++) {
			const v = sampleValue(buf, s++, data, o);
			if (v > m) m = v;
		}
		out[ob + b] = perBin > 0 ? m : 0;
	}
}

/** 'avg' for one channel: the kernel's float32 running sum of sampleValue, divided by count. */
function avg1(
	buf: SampleBuffer,
	first: number,
	nBins: number,
	perBin: number,
	count: number,
	d: Float32Array,
	o: number,
	out: Float32Array,
	ob: number
): void {
	const p = buf.pos;
	const w = buf.w;
	let j = 4 * first;
	for (let b = 0; b < nBins; b++) {
		let a = 0;
		for (let k = 0; k < perBin; k++, j += 4)
			a = f(
				a +
					f(
						f(f(f(w[j] * d[o + p[j]]) + f(w[j + 1] * d[o + p[j + 1]])) + f(w[j + 2] * d[o + p[j + 2]])) +
							f(w[j + 3] * d[o + p[j + 3]])
					)
			);
		out[ob + b] = a / count; // the Float32Array store rounds to float32
	}
}

/** 'avg' for four channels at planes o0, o0+plane, ...: sampleValue's float32 formula, written out inline. */
function avg4(
	buf: SampleBuffer,
	first: number,
	nBins: number,
	perBin: number,
	count: number,
	d: Float32Array,
	o0: number,
	plane: number,
	out: Float32Array,
	ob: number
): void {
	const p = buf.pos;
	const w = buf.w;
	const o1 = o0 + plane;
	const o2 = o1 + plane;
	const o3 = o2 + plane;
	let j = 4 * first;
	for (let b = 0; b < nBins; b++) {
		let a0 = 0;
		let a1 = 0;
		let a2 = 0;
		let a3 = 0;
		for (let k = 0; k < perBin; k++, j += 4) {
			const w1 = w[j];
			const w2 = w[j + 1];
			const w3 = w[j + 2];
			const w4 = w[j + 3];
			const p1 = p[j];
			const p2 = p[j + 1];
			const p3 = p[j + 2];
			const p4 = p[j + 3];
			const v0 = f(f(f(f(w1 * d[o0 + p1]) + f(w2 * d[o0 + p2])) + f(w3 * d[o0 + p3])) + f(w4 * d[o0 + p4]));
			const v1 = f(f(f(f(w1 * d[o1 + p1]) + f(w2 * d[o1 + p2])) + f(w3 * d[o1 + p3])) + f(w4 * d[o1 + p4]));
			const v2 = f(f(f(f(w1 * d[o2 + p1]) + f(w2 * d[o2 + p2])) + f(w3 * d[o2 + p3])) + f(w4 * d[o2 + p4]));
			const v3 = f(f(f(f(w1 * d[o3 + p1]) + f(w2 * d[o3 + p2])) + f(w3 * d[o3 + p3])) + f(w4 * d[o3 + p4]));
			a0 = f(a0 + v0);
			a1 = f(a1 + v1);
			a2 = f(a2 + v2);
			a3 = f(a3 + v3);
		}
		out[ob + b] = a0 / count;
		out[ob + nBins + b] = a1 / count;
		out[ob + 2 * nBins + b] = a2 / count;
		out[ob + 3 * nBins + b] = a3 / count;
	}
}

/**
 * RoIAlign (Mask R-CNN) over `input` [N,C,H,W] for `boxes` [K,5] = (batchIndex, x1, y1, x2, y2) in image
 * coordinates. Returns [K, C, outH, outW]; equal to torchvision 0.14's CPU `roi_align` when aggregation is 'avg'.
 */
export function roiAlign(input: Tensor, boxes: Tensor, opts: RoiAlignOptions): Tensor {
	const op = 'roiAlign';
	const o = resolveRoiAlignOptions(op, opts);
	checkRoiInput(op, input);
	const k = checkBoxesTensor(op, boxes);
	const [n, c] = input.shape;
	const nBins = o.outH * o.outW;
	const out = new Float32Array(k * c * nBins);
	// All boxes are checked before any work (one small object per RoI, none per sample).
	const geoms: RoiAlignGeometry[] = [];
	for (let r = 0; r < k; r++) geoms.push(roiAlignGeometry(op, `boxes[${r}]`, boxes.data, 5 * r, n, o));
	let buf: SampleBuffer | null = null;
	// Same arithmetic as torchvision (per RoI: pre_calc once, then every channel), but visited in chunks of RoIs,
	// channel-block by channel-block, so one feature plane stays in cache while many RoIs sample it.
	for (let r0 = 0; r0 < k;) {
		let r1 = r0 + 1;
		let total = samplesPerBin(geoms[r0]) * nBins;
		while (r1 < k && total + samplesPerBin(geoms[r1]) * nBins <= CHUNK_SAMPLES)
			total += samplesPerBin(geoms[r1++]) * nBins;
		buf = ensureSampleBuffer(buf, total);
		alignChunk(geoms, r0, r1, o, input, buf, out);
		r0 = r1;
	}
	return { shape: [k, c, o.outH, o.outW], data: out };
}

/** RoIs r0..r1-1: precompute their samples into `buf`, then run every channel block over every RoI of the chunk. */
function alignChunk(
	geoms: RoiAlignGeometry[],
	r0: number,
	r1: number,
	o: ResolvedRoiAlignOptions,
	input: Tensor,
	buf: SampleBuffer,
	out: Float32Array
): void {
	const [, c, h, w] = input.shape;
	const nBins = o.outH * o.outW;
	const plane = h * w;
	const max = o.aggregation === 'max';
	const starts = new Int32Array(r1 - r0);
	let total = 0;
	for (let r = r0; r < r1; r++) {
		starts[r - r0] = total;
		precomputeSamples(geoms[r], o.outH, o.outW, h, w, buf, total);
		total += samplesPerBin(geoms[r]) * nBins;
	}
	for (let ch = 0; ch < c; ch += CHANNEL_BLOCK) {
		const nc = Math.min(CHANNEL_BLOCK, c - ch);
		for (let r = r0; r < r1; r++) {
			const g = geoms[r];
			const inOff = (g.batchIndex * c + ch) * plane;
			const outOff = (r * c + ch) * nBins;
			alignChannels(
				buf,
				starts[r - r0],
				nBins,
				samplesPerBin(g),
				g.count,
				max,
				input.data,
				inOff,
				plane,
				nc,
				out,
				outOff
			);
		}
	}
}
