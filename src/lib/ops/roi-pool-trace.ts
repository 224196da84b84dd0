// Everything a picture of RoIPool needs for ONE RoI, built from roi-pool.ts's own geometry, bin bounds and bin scan.
import { checkRoiInput, checkTraceBox } from './roi-boxes';
import {
	binArgmax,
	binValue,
	poolBinBounds,
	resolveRoiPoolOptions,
	roiPoolGeometry,
	type RoiPoolGeometry,
	type RoiPoolOptions
} from './roi-pool';
import type { Tensor } from './tensor';

/** The RoI's geometry (roi-pool.ts) plus every bin. */
export interface RoiPoolTrace extends RoiPoolGeometry {
	outH: number;
	outW: number;
	channels: number;
	/** row-major over (ph, pw) */
	bins: RoiPoolBin[];
}

export interface RoiPoolBin {
	ph: number;
	pw: number;
	/** clamped half-open cell ranges — the second quantization */
	hstart: number;
	hend: number;
	wstart: number;
	wend: number;
	empty: boolean;
	/** per channel: flat index h*W + w in the feature map, or −1 (empty bin, or only −inf/NaN cells) */
	argmax: Int32Array;
	/** per channel: the output value (== roiPool output) */
	value: Float32Array;
}

/** RoIPool of one box `[batchIndex, x1, y1, x2, y2]` (image coordinates, rounded to float32 as a torch box would be). */
export function roiPoolTrace(input: Tensor, box: ArrayLike<number>, opts: RoiPoolOptions): RoiPoolTrace {
	const op = 'roiPoolTrace';
	const o = resolveRoiPoolOptions(op, opts);
	checkRoiInput(op, input);
	checkTraceBox(op, box);
	const [n, c, h, w] = input.shape;
	const g = roiPoolGeometry(op, 'box', box, 0, n, o);
	const bounds = poolBinBounds(g, o.outH, o.outW, h, w, new Int32Array(4 * o.outH * o.outW));
	const bins: RoiPoolBin[] = [];
	for (let b = 0; b < o.outH * o.outW; b++) {
		const [hstart, hend, wstart, wend] = bounds.subarray(4 * b, 4 * b + 4);
		const empty = hend <= hstart || wend <= wstart;
		const argmax = new Int32Array(c);
		const value = new Float32Array(c);
		for (let ch = 0; ch < c; ch++) {
			const off = (g.batchIndex * c + ch) * h * w;
			argmax[ch] = binArgmax(input.data, off, w, hstart, hend, wstart, wend);
			value[ch] = binValue(input.data, off, argmax[ch], empty);
		}
		bins.push({
			ph: Math.floor(b / o.outW),
			pw: b % o.outW,
			hstart,
			hend,
			wstart,
			wend,
			empty,
			argmax,
			value
		});
	}
	return { ...g, outH: o.outH, outW: o.outW, channels: c, bins };
}
