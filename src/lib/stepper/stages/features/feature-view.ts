// Stage 2 data: the backbone (C2–C5) and pyramid (P2–P6) maps as the picture needs them. Input tensors are NCHW
// [1, C, H, W] copies read from the GPU with readFeature; everything here is lookup and summary, no network math.
import type { Tensor } from '$lib/ops';
import { heatScale, type Heat } from '$lib/ui/heat';

export type FeatureName = `C${2 | 3 | 4 | 5}` | `P${2 | 3 | 4 | 5 | 6}`;

export interface LedgerRow {
	name: FeatureName;
	level: number;
	/** NCHW shape [1, C, H, W] */
	shape: [number, number, number, number];
	/** image pixels per cell: padded input height / map height */
	stride: number;
}

/** Shapes and strides of every map, from the NHWC tensor shapes (no download needed). */
export function featureLedger(
	c: readonly { shape: readonly number[] }[],
	p: readonly { shape: readonly number[] }[],
	paddedHeight: number
): LedgerRow[] {
	const row = (kind: 'C' | 'P', t: { shape: readonly number[] }, i: number): LedgerRow => {
		const [n, h, w, ch] = t.shape;
		return {
			name: `${kind}${i + 2}` as FeatureName,
			level: i + 2,
			shape: [n, ch, h, w],
			stride: paddedHeight / h
		};
	};
	return [...c.map((t, i) => row('C', t, i)), ...p.map((t, i) => row('P', t, i))];
}

/** Channel `ch` of an NCHW [1, C, H, W] map as a row-major H×W plane (a view, not a copy). */
export function channelPlane(t: Tensor, ch: number): Float32Array {
	const [, C, H, W] = t.shape;
	if (!Number.isInteger(ch) || ch < 0 || ch >= C)
		throw new Error(`channel must be in 0..${C - 1}, got ${ch}`);
	return t.data.subarray(ch * H * W, (ch + 1) * H * W);
}

/** Mean |value| over channels at each cell: where the map responds at all, whatever the channel. */
export function meanAbsMap(t: Tensor): Float32Array {
	const [, C, H, W] = t.shape;
	const plane = H * W;
	const out = new Float32Array(plane);
	for (let c = 0; c < C; c++) {
		const o = c * plane;
		for (let i = 0; i < plane; i++) out[i] += Math.abs(t.data[o + i]);
	}
	for (let i = 0; i < plane; i++) out[i] /= C;
	return out;
}

export interface ChannelStat {
	channel: number;
	mean: number;
	/** spatial standard deviation: a channel that varies across the image has found structure */
	std: number;
	min: number;
	max: number;
}

export function channelStats(t: Tensor): ChannelStat[] {
	const [, C, H, W] = t.shape;
	const plane = H * W;
	const out: ChannelStat[] = [];
	for (let c = 0; c < C; c++) {
		let sum = 0;
		let sq = 0;
		let min = Infinity;
		let max = -Infinity;
		for (let i = c * plane; i < (c + 1) * plane; i++) {
			const v = t.data[i];
			sum += v;
			sq += v * v;
			if (v < min) min = v;
			if (v > max) max = v;
		}
		const mean = sum / plane;
		out.push({ channel: c, mean, std: Math.sqrt(Math.max(0, sq / plane - mean * mean)), min, max });
	}
	return out;
}

/** The `k` channels with the most spatial variation (ties: lower index first): good first picks for a student. */
export function liveliestChannels(t: Tensor, k = 6): number[] {
	return channelStats(t)
		.sort((a, b) => b.std - a.std || a.channel - b.channel)
		.slice(0, k)
		.map((s) => s.channel);
}

/**
 * The coarser cell nearest-neighbour upsampling copies into cell (y, x): floor(dst · in / out) per axis, as the
 * model's upsampleNearest (F.interpolate 'nearest') does. With a ×2 step that is (⌊y/2⌋, ⌊x/2⌋).
 */
export function upsampleSource(
	y: number,
	x: number,
	out: readonly [number, number],
	src: readonly [number, number]
): [number, number] {
	return [
		Math.min(src[0] - 1, Math.floor((y * src[0]) / out[0])),
		Math.min(src[1] - 1, Math.floor((x * src[1]) / out[1]))
	];
}

/** The image-pixel square a cell covers at `stride`: [x1, y1, x2, y2] in padded-image pixels. */
export function cellFootprint(y: number, x: number, stride: number): [number, number, number, number] {
	return [x * stride, y * stride, (x + 1) * stride, (y + 1) * stride];
}

/** A level's value at a cell for one channel. */
export function valueAt(t: Tensor, ch: number, y: number, x: number): number {
	const [, , H, W] = t.shape;
	return t.data[(ch * H + y) * W + x];
}

/**
 * One colour scale for several planes (missing ones skipped), from the ends of each plane's range: maps drawn with
 * it compare by eye (one channel on every P level; lateral + top-down = M).
 */
export function sharedHeat(planes: readonly (ArrayLike<number> | null | undefined)[]): Heat {
	const ends: number[] = [];
	for (const pl of planes) {
		if (!pl) continue;
		const h = heatScale(pl);
		ends.push(h.min, h.max);
	}
	return heatScale(ends);
}
