// Data for the anchors stage: which anchors sit at a point of the image on each level, and how many anchors each level
// has. Anchors are read from the model's own list (torchvision order), never regenerated; only the "what if the input
// were another size" counts call the ops' anchorLevels with other feature sizes.
import { anchorLevels, type AnchorLevel } from '$lib/ops';

export type Box4 = [number, number, number, number];

export interface AnchorAt {
	/** row in the concatenated anchor list (the index the RPN's logits and deltas use) */
	index: number;
	box: Box4;
	size: number;
	ratio: number;
}

export interface Location {
	row: number;
	col: number;
	/** the anchors' common centre in padded-image pixels: the cell's top-left corner (x·stride, y·stride) */
	cx: number;
	cy: number;
}

/**
 * The grid location of `level` whose anchors are centred nearest the point (x, y). torchvision shifts each level's
 * zero-centred anchors by (col·stride, row·stride), so the centres sit on cell corners, not cell centres.
 */
export function locationAt(level: AnchorLevel, x: number, y: number): Location {
	const [gh, gw] = level.gridSize;
	const [sy, sx] = level.stride;
	const row = Math.min(Math.max(Math.round(y / sy), 0), gh - 1);
	const col = Math.min(Math.max(Math.round(x / sx), 0), gw - 1);
	return { row, col, cx: col * sx, cy: row * sy };
}

/** The anchors at one location of one level, read from `anchors` (cell anchors are ratio-major, size-minor). */
export function anchorsAt(
	anchors: Float32Array,
	level: AnchorLevel,
	loc: Pick<Location, 'row' | 'col'>,
	sizes: readonly number[],
	ratios: readonly number[]
): AnchorAt[] {
	const a = level.anchorsPerLocation;
	const first = level.offset + (loc.row * level.gridSize[1] + loc.col) * a;
	return Array.from({ length: a }, (_, k) => {
		const i = first + k;
		return {
			index: i,
			box: [anchors[4 * i], anchors[4 * i + 1], anchors[4 * i + 2], anchors[4 * i + 3]],
			size: sizes[k % sizes.length],
			ratio: ratios[Math.floor(k / sizes.length)]
		};
	});
}

export interface CountRow {
	name: string;
	grid: [number, number];
	stride: [number, number];
	perLocation: number;
	count: number;
}

/** One row per level (P2, P3, …) and the total. */
export function anchorCounts(levels: readonly AnchorLevel[]): { rows: CountRow[]; total: number } {
	const rows = levels.map((l, i) => ({
		name: `P${i + 2}`,
		grid: l.gridSize,
		stride: l.stride,
		perLocation: l.anchorsPerLocation,
		count: l.count
	}));
	return { rows, total: rows.reduce((s, r) => s + r.count, 0) };
}

/**
 * Feature-map sizes of P2..P(1+n) for a padded input (a multiple of 32): the stem and the stages halve the size, and
 * P6 is a stride-2 max-pool of P5 — each step ⌈s/2⌉, as the convolutions with padding give.
 */
export function featureSizesFor(padded: [number, number], n: number): [number, number][] {
	const out: [number, number][] = [];
	let h = Math.ceil(padded[0] / 4);
	let w = Math.ceil(padded[1] / 4);
	for (let i = 0; i < n; i++) {
		out.push([h, w]);
		h = Math.ceil(h / 2);
		w = Math.ceil(w / 2);
	}
	return out;
}

/** Anchor counts the same generator would produce for a square padded input of `side` pixels. */
export function anchorCountsIf(
	side: number,
	sizes: readonly number[],
	ratios: readonly number[]
): { rows: CountRow[]; total: number } {
	const levels = anchorLevels({
		imageSize: [side, side],
		featureSizes: featureSizesFor([side, side], sizes.length),
		sizes: sizes.map((s) => [s]),
		aspectRatios: sizes.map(() => [...ratios])
	});
	return anchorCounts(levels);
}

/** Unrounded width and height of an anchor of side `size` and ratio h/w = `ratio` (area stays size²). */
export function anchorShape(size: number, ratio: number): { w: number; h: number } {
	const r = Math.sqrt(ratio);
	return { w: size / r, h: size * r };
}
