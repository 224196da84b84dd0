// What a heatmap's "numbers" view lists: the whole grid when it is small enough to read as a table, otherwise its
// range and its largest cells. Pure, so the picture and its text alternative come from the same array.

/** Grids up to this many cells a side are listed whole (a 28×28 mask plane is); larger ones by their largest cells. */
export const FULL_TABLE_SIDE = 32;
/** How many cells a large grid lists. */
export const TOP_CELLS = 10;

export interface Cell {
	row: number;
	col: number;
	value: number;
}

export type NumbersView =
	| { kind: 'full'; width: number; height: number; rows: number[][] }
	| { kind: 'top'; width: number; height: number; min: number; max: number; cells: Cell[] };

/**
 * The view of a width × height row-major grid: whole rows when both sides are at most FULL_TABLE_SIDE, else the
 * finite minimum and maximum and the `top` largest cells, largest first (ties in reading order). NaN cells are
 * never among the largest.
 */
export function numbersView(
	values: ArrayLike<number>,
	width: number,
	height: number,
	top = TOP_CELLS
): NumbersView {
	if (!Number.isInteger(width) || width <= 0)
		throw new Error(`numbersView: width must be a positive integer, got ${width}`);
	if (!Number.isInteger(height) || height <= 0)
		throw new Error(`numbersView: height must be a positive integer, got ${height}`);
	if (values.length !== width * height)
		throw new Error(
			`numbersView: values has ${values.length} entries, expected width × height = ${width * height}`
		);
	if (width <= FULL_TABLE_SIDE && height <= FULL_TABLE_SIDE) {
		const rows: number[][] = [];
		for (let y = 0; y < height; y++)
			rows.push(Array.from({ length: width }, (_, x) => values[y * width + x]));
		return { kind: 'full', width, height, rows };
	}
	let min = Infinity;
	let max = -Infinity;
	// a running top-k (k is small): insertion into a sorted list, strictly greater to keep reading order on ties
	const cells: Cell[] = [];
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (Number.isNaN(v)) continue;
		if (v < min) min = v;
		if (v > max) max = v;
		if (cells.length === top && v <= cells[top - 1].value) continue;
		let j = cells.length;
		while (j > 0 && cells[j - 1].value < v) j--;
		cells.splice(j, 0, { row: Math.floor(i / width), col: i % width, value: v });
		if (cells.length > top) cells.pop();
	}
	return { kind: 'top', width, height, min, max, cells };
}
