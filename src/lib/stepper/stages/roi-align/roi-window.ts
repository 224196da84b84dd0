// Which part of a real FPN map the RoIAlign stage draws, and the one-channel slices it draws. A P2 map of a 512 px
// input is 128×128 cells: drawn whole, one cell would be a few pixels, so the stage shows a window around the RoI.
import type { Tensor } from '$lib/ops';

/** A rectangle of whole cells: rows y0 … y0+h−1, columns x0 … x0+w−1. */
export interface CellWindow {
	y0: number;
	x0: number;
	h: number;
	w: number;
}

export interface WindowOptions {
	/** cells shown around the RoI's own cells on every side */
	margin?: number;
	/** the smallest window side in cells (a tiny RoI still gets some context), if the map is that big */
	minCells?: number;
}

/** One axis: the cells [lo, hi) grown to `min` around their centre, then shifted (not shrunk) to fit [0, size). */
function fitAxis(lo: number, hi: number, size: number, min: number): [number, number] {
	let a = Math.max(lo, 0);
	let b = Math.min(hi, size);
	if (b <= a) {
		// the box lies outside the map: show the nearest edge
		a = Math.min(Math.max(lo, 0), size - 1);
		b = a + 1;
	}
	const want = Math.min(Math.max(min, b - a), size);
	const grow = want - (b - a);
	a -= Math.floor(grow / 2);
	b = a + want;
	if (a < 0) [a, b] = [0, want];
	if (b > size) [a, b] = [size - want, size];
	return [a, b];
}

/**
 * The window around `box` ([x1, y1, x2, y2] in image pixels) on a `mapH`×`mapW` map at `stride`. It holds every
 * cell either kernel reads: RoIAlign's samples (up to one cell past the scaled box when the box is under a cell,
 * because aligned=False forces its size to ≥ 1) and RoIPool's rounded box (up to half a cell past it, inclusive).
 */
export function roiWindow(
	box: ArrayLike<number>,
	stride: number,
	mapH: number,
	mapW: number,
	opts: WindowOptions = {}
): CellWindow {
	if (!(stride > 0)) throw new Error(`stride must be positive, got ${stride}`);
	if (!(mapH > 0 && mapW > 0)) throw new Error(`map size must be positive, got ${mapH}×${mapW}`);
	const margin = opts.margin ?? 2;
	const minCells = opts.minCells ?? 12;
	const axis = (a: number, b: number, size: number) => {
		const s = a / stride;
		const e = Math.max(b / stride, s + 1);
		return fitAxis(Math.floor(s) - margin, Math.ceil(e) + 1 + margin, size, minCells);
	};
	const [x0, x1] = axis(box[0], box[2], mapW);
	const [y0, y1] = axis(box[1], box[3], mapH);
	return { y0, x0, h: y1 - y0, w: x1 - x0 };
}

/** Channel `c` of an NCHW map (batch 0) as a [1, 1, H, W] tensor that shares the map's memory. */
export function channelPlane(map: Tensor, c: number): Tensor {
	const [, channels, h, w] = map.shape;
	if (!Number.isInteger(c) || c < 0 || c >= channels)
		throw new Error(`channel must be an integer in [0, ${channels - 1}], got ${c}`);
	return { shape: [1, 1, h, w], data: map.data.subarray(c * h * w, (c + 1) * h * w) };
}

/** The cells of a [1, 1, H, W] plane inside `win`, copied into a [1, 1, h, w] tensor. */
export function cropWindow(plane: Tensor, win: CellWindow): Tensor {
	const [, , h, w] = plane.shape;
	if (win.y0 < 0 || win.x0 < 0 || win.y0 + win.h > h || win.x0 + win.w > w)
		throw new Error(`window ${JSON.stringify(win)} is not inside the ${h}×${w} map`);
	const out = new Float32Array(win.h * win.w);
	for (let i = 0; i < win.h; i++)
		out.set(plane.data.subarray((win.y0 + i) * w + win.x0, (win.y0 + i) * w + win.x0 + win.w), i * win.w);
	return { shape: [1, 1, win.h, win.w], data: out };
}

/**
 * The channel with the largest mean |value| inside `win`: a starting channel that shows the RoI's content rather
 * than a near-blank map (a display choice; the user can pick any other).
 */
export function liveliestChannel(map: Tensor, win: CellWindow): number {
	const [, channels] = map.shape;
	let best = 0;
	let bestScore = -1;
	for (let c = 0; c < channels; c++) {
		const crop = cropWindow(channelPlane(map, c), win).data;
		let s = 0;
		for (let i = 0; i < crop.length; i++) s += Math.abs(crop[i]);
		if (s > bestScore) [best, bestScore] = [c, s];
	}
	return best;
}

/** The largest |a[i] − b[i]| (the two outputs of one RoI under two conventions). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
	if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
	let m = 0;
	for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
	return m;
}
