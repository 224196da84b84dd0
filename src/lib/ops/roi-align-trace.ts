// Everything a picture of RoIAlign needs for ONE RoI, built from roi-align.ts's own geometry, sample precompute and
// channel accumulation.
import { ensureSampleBuffer, sampleValue, samplePoint, type SamplePoint } from './bilinear';
import { checkRoiInput, checkTraceBox } from './roi-boxes';
import {
	alignChannels,
	binStart,
	precomputeSamples,
	resolveRoiAlignOptions,
	roiAlignGeometry,
	samplesPerBin,
	type RoiAlignOptions
} from './roi-align';
import type { Tensor } from './tensor';

export interface RoiAlignTrace {
	batchIndex: number;
	/** sw, sh, ew, eh (after the aligned −0.5 offset if aligned), float32 feature coordinates */
	scaledBox: [number, number, number, number];
	/** after the legacy max(., 1) clamp when !aligned */
	roiWidth: number;
	roiHeight: number;
	binWidth: number;
	binHeight: number;
	/** sampling grid per bin (adaptive resolved); <= 0 means no samples (aligned, empty/reversed box, adaptive) */
	gridH: number;
	gridW: number;
	/** max(gridH*gridW, 1): the divisor of 'avg' */
	count: number;
	outH: number;
	outW: number;
	channels: number;
	aggregation: 'avg' | 'max';
	/** row-major over (ph, pw) */
	bins: RoiAlignBin[];
}

export interface RoiAlignBin {
	ph: number;
	pw: number;
	/** the bin's float extent in feature coordinates */
	y0: number;
	x0: number;
	y1: number;
	x1: number;
	/** row-major over (iy, ix) */
	samples: SamplePoint[];
	/** per channel: the output value (== roiAlign output) */
	value: Float32Array;
}

/** RoIAlign of one box `[batchIndex, x1, y1, x2, y2]` (image coordinates, rounded to float32 as a torch box would be). */
export function roiAlignTrace(input: Tensor, box: ArrayLike<number>, opts: RoiAlignOptions): RoiAlignTrace {
	const op = 'roiAlignTrace';
	const o = resolveRoiAlignOptions(op, opts);
	checkRoiInput(op, input);
	checkTraceBox(op, box);
	const [n, c, h, w] = input.shape;
	const plane = h * w;
	const nBins = o.outH * o.outW;
	const g = roiAlignGeometry(op, 'box', box, 0, n, o);
	const perBin = samplesPerBin(g);
	const buf = ensureSampleBuffer(null, perBin * nBins);
	precomputeSamples(g, o.outH, o.outW, h, w, buf, 0);
	const inOff = g.batchIndex * c * plane;
	const values = new Float32Array(c * nBins); // [C, bins], as the op lays out one RoI
	alignChannels(
		buf,
		0,
		nBins,
		perBin,
		g.count,
		o.aggregation === 'max',
		input.data,
		inOff,
		plane,
		c,
		values,
		0
	);
	const gw = Math.max(g.gridW, 0);
	const bins: RoiAlignBin[] = [];
	for (let b = 0; b < nBins; b++) {
		const ph = Math.floor(b / o.outW);
		const pw = b % o.outW;
		const samples: SamplePoint[] = [];
		for (let k = 0; k < perBin; k++) {
			const i = b * perBin + k;
			const v = new Float32Array(c);
			for (let ch = 0; ch < c; ch++) v[ch] = sampleValue(buf, i, input.data, inOff + ch * plane);
			samples.push(samplePoint(buf, i, Math.floor(k / gw), k % gw, w, v));
		}
		const value = new Float32Array(c);
		for (let ch = 0; ch < c; ch++) value[ch] = values[ch * nBins + b];
		bins.push({
			ph,
			pw,
			y0: binStart(g.sh, ph, g.binHeight),
			x0: binStart(g.sw, pw, g.binWidth),
			y1: binStart(g.sh, ph + 1, g.binHeight),
			x1: binStart(g.sw, pw + 1, g.binWidth),
			samples,
			value
		});
	}
	return {
		batchIndex: g.batchIndex,
		scaledBox: [g.sw, g.sh, g.ew, g.eh],
		roiWidth: g.roiWidth,
		roiHeight: g.roiHeight,
		binWidth: g.binWidth,
		binHeight: g.binHeight,
		gridH: g.gridH,
		gridW: g.gridW,
		count: g.count,
		outH: o.outH,
		outW: o.outW,
		channels: c,
		aggregation: o.aggregation,
		bins
	};
}
