// How far RoIPool's two roundings move the box and the bins, measured against the unrounded box split evenly.
// (Drawing frame: cell i is the square [i, i+1), so a rounded range of cells [s, e] covers [s, e + 1).)
import type { RoiPoolTrace } from '$lib/ops';

export interface EdgeShift {
	name: 'left' | 'top' | 'right' | 'bottom';
	/** Rounded edge minus float edge, in cells (positive: right/down). */
	cells: number;
}

export interface PoolMisalignment {
	/** 1st quantization: each edge of the box. */
	edges: EdgeShift[];
	/** 2nd quantization included: the largest |shift| of any bin edge from its ideal position, in cells. */
	worstBinEdge: number;
	/** Columns per bin along the first row, rows per bin along the first column. */
	binWidths: number[];
	binHeights: number[];
}

export function poolMisalignment(t: RoiPoolTrace): PoolMisalignment {
	const [sx1, sy1, sx2, sy2] = t.scaledBox;
	const [rx1, ry1, rx2, ry2] = t.roundedBox;
	const edges: EdgeShift[] = [
		{ name: 'left', cells: rx1 - sx1 },
		{ name: 'top', cells: ry1 - sy1 },
		{ name: 'right', cells: rx2 + 1 - sx2 },
		{ name: 'bottom', cells: ry2 + 1 - sy2 }
	];
	const bw = (sx2 - sx1) / t.outW;
	const bh = (sy2 - sy1) / t.outH;
	let worst = 0;
	for (const b of t.bins) {
		if (b.empty) continue;
		worst = Math.max(
			worst,
			Math.abs(b.wstart - (sx1 + b.pw * bw)),
			Math.abs(b.wend - (sx1 + (b.pw + 1) * bw)),
			Math.abs(b.hstart - (sy1 + b.ph * bh)),
			Math.abs(b.hend - (sy1 + (b.ph + 1) * bh))
		);
	}
	const binWidths = t.bins.filter((b) => b.ph === 0).map((b) => b.wend - b.wstart);
	const binHeights = t.bins.filter((b) => b.pw === 0).map((b) => b.hend - b.hstart);
	return { edges, worstBinEdge: worst, binWidths, binHeights };
}
