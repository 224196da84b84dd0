// F.interpolate(mode='bilinear', align_corners=False) of torch 1.13 on the CPU, bit for bit. Per axis the source
// coordinate is (in/out)·(i+0.5)−0.5 with the float32 ratio widened to double, clamped at 0, and the weights are
// λ1 = f(src − i0), λ0 = f(1 − λ1). The kernels combine them differently:
//  • NCHW with C > 1 (e.g. the RGB image): rows then columns, each `fma(v0, λ0, f(v1·λ1))` (this build contracts to
//    FMA);
//  • channels-last, which a contiguous NCHW tensor also is when C == 1 (e.g. a mask) or H·W == 1: four float32 corner
//    weights f(λy·λx); channels in whole AVX2 vectors of 8 use fma(v00,w00, fma(v01,w01, fma(v11,w11, f(v10·w10)))),
//    the remaining C mod 8 channels (so every channel when C == 1) sum the four products in double, rounded once.
import { f, fma32 } from './float32';
import { type Tensor } from './tensor';
import { assertPositiveInt, assertTensor, formatValue } from './validate';

/** Source indices and weights of one output axis (what a picture of the resize needs). */
export interface AxisWeights {
	i0: Int32Array;
	i1: Int32Array;
	l0: Float32Array;
	l1: Float32Array;
}

/** Per-axis interpolation table of torch's `compute_source_index_and_lambda` (align_corners=False). */
export function bilinearAxis(inSize: number, outSize: number): AxisWeights {
	assertPositiveInt('inSize', inSize);
	assertPositiveInt('outSize', outSize);
	const w: AxisWeights = {
		i0: new Int32Array(outSize),
		i1: new Int32Array(outSize),
		l0: new Float32Array(outSize),
		l1: new Float32Array(outSize)
	};
	if (inSize === outSize) {
		for (let i = 0; i < outSize; i++) {
			w.i0[i] = w.i1[i] = i;
			w.l0[i] = 1;
		}
		return w;
	}
	const ratio = f(inSize / outSize);
	for (let i = 0; i < outSize; i++) {
		let src = ratio * (i + 0.5) - 0.5; // double (acc_type<float>)
		if (src < 0) src = 0;
		const i0 = Math.trunc(src);
		w.i0[i] = i0;
		w.i1[i] = i0 + (i0 < inSize - 1 ? 1 : 0);
		w.l1[i] = f(src - i0);
		w.l0[i] = f(1 - w.l1[i]);
	}
	return w;
}

/**
 * Resize one [h, w] plane into `dst` with the channels-last kernel's scalar formula (C mod 8 tail — every channel when
 * C == 1), computing only output rows [r0, r1) and columns [c0, c1); `dst` gets (r1−r0)·(c1−c0) values. Mask pasting
 * uses the window to skip what falls outside the image. `vectorLane` selects the formula of channels that sit in a
 * whole vector of 8.
 */
export function resizePlaneChannelsLast(
	src: Float32Array,
	srcOffset: number,
	inW: number,
	ay: AxisWeights,
	ax: AxisWeights,
	rows: [number, number],
	cols: [number, number],
	dst: Float32Array,
	dstOffset: number,
	vectorLane = false
): void {
	const [r0, r1] = rows;
	const [c0, c1] = cols;
	let o = dstOffset;
	for (let y = r0; y < r1; y++) {
		const top = srcOffset + ay.i0[y] * inW;
		const bottom = srcOffset + ay.i1[y] * inW;
		const ly0 = ay.l0[y];
		const ly1 = ay.l1[y];
		for (let x = c0; x < c1; x++) {
			const x0 = ax.i0[x];
			const x1 = ax.i1[x];
			const w00 = f(ly0 * ax.l0[x]);
			const w01 = f(ly0 * ax.l1[x]);
			const w10 = f(ly1 * ax.l0[x]);
			const w11 = f(ly1 * ax.l1[x]);
			dst[o++] = vectorLane
				? fma32(
						src[top + x0],
						w00,
						fma32(src[top + x1], w01, fma32(src[bottom + x1], w11, f(src[bottom + x0] * w10)))
					)
				: w00 * src[top + x0] + w01 * src[top + x1] + w10 * src[bottom + x0] + w11 * src[bottom + x1];
		}
	}
}

/** Resize one plane with the C > 1 kernel (separable, FMA-contracted). */
function resizePlaneGeneric(
	src: Float32Array,
	srcOffset: number,
	inW: number,
	ay: AxisWeights,
	ax: AxisWeights,
	dst: Float32Array,
	dstOffset: number
): void {
	const outH = ay.i0.length;
	const outW = ax.i0.length;
	let o = dstOffset;
	for (let y = 0; y < outH; y++) {
		const top = srcOffset + ay.i0[y] * inW;
		const bottom = srcOffset + ay.i1[y] * inW;
		const ly0 = ay.l0[y];
		const ly1 = ay.l1[y];
		for (let x = 0; x < outW; x++) {
			const x0 = ax.i0[x];
			const x1 = ax.i1[x];
			const lx0 = ax.l0[x];
			const lx1 = ax.l1[x];
			const t0 = fma32(src[top + x0], lx0, f(src[top + x1] * lx1));
			const t1 = fma32(src[bottom + x0], lx0, f(src[bottom + x1] * lx1));
			dst[o++] = fma32(t0, ly0, f(t1 * ly1));
		}
	}
}

/**
 * Bilinear resize of a [N, C, H, W] (or [C, H, W]) tensor to `size` = [h, w], equal to
 * `F.interpolate(x, size, mode='bilinear', align_corners=False)` in torch 1.13 CPU float32.
 */
export function resizeBilinear(input: Tensor, size: [number, number]): Tensor {
	assertTensor('input', input);
	if (input.shape.length !== 3 && input.shape.length !== 4)
		throw new Error(`input.shape must be [N, C, H, W] or [C, H, W], got ${formatValue(input.shape)}`);
	if (!Array.isArray(size) || size.length !== 2)
		throw new Error(`size must be [h, w], got ${formatValue(size)}`);
	assertPositiveInt('size[0]', size[0]);
	assertPositiveInt('size[1]', size[1]);
	const s = input.shape;
	const [inH, inW] = s.slice(-2);
	const c = s[s.length - 3];
	const planes = s.length === 4 ? s[0] * c : c;
	assertPositiveInt('input height', inH);
	assertPositiveInt('input width', inW);
	const [outH, outW] = size;
	const ay = bilinearAxis(inH, outH);
	const ax = bilinearAxis(inW, outW);
	const out = new Float32Array(planes * outH * outW);
	// torch picks the channels-last kernel whenever the NCHW tensor is also channels-last contiguous
	const channelsLast = c === 1 || inH * inW === 1;
	const vectorChannels = c - (c % 8);
	for (let p = 0; p < planes; p++) {
		const [src, dst] = [p * inH * inW, p * outH * outW];
		if (channelsLast)
			resizePlaneChannelsLast(
				input.data,
				src,
				inW,
				ay,
				ax,
				[0, outH],
				[0, outW],
				out,
				dst,
				p % c < vectorChannels
			);
		else resizePlaneGeneric(input.data, src, inW, ay, ax, out, dst);
	}
	return { shape: [...s.slice(0, -2), outH, outW], data: out };
}
