// Which input cells one RoIAlign output reads, and with what total weight, summed from the trace's samples.
import type { RoiAlignBin } from '$lib/ops';

export interface CellWeight {
	h: number;
	w: number;
	/** Sum over the bin's samples of the bilinear weight on this cell, divided by `count` (the averaging). */
	weight: number;
}

/**
 * For an average, out = Σ weight·x[h, w] over these cells (zeroed samples add nothing but still divide).
 * For a max, the same cells are read but only one sample's blend wins; the weights then only show who is involved.
 */
export function alignDependencies(bin: RoiAlignBin, count: number, mapW: number): CellWeight[] {
	const acc = new Map<number, number>();
	for (const s of bin.samples) {
		if (s.status === 'zeroed') continue;
		const cells = [
			[s.yLow, s.xLow],
			[s.yLow, s.xHigh],
			[s.yHigh, s.xLow],
			[s.yHigh, s.xHigh]
		];
		cells.forEach(([h, w], k) => {
			const wt = s.weights[k];
			if (wt === 0) return;
			const key = h * mapW + w;
			acc.set(key, (acc.get(key) ?? 0) + wt);
		});
	}
	return [...acc.entries()]
		.sort((a, b) => a[0] - b[0])
		.map(([key, wt]) => ({ h: Math.floor(key / mapW), w: key % mapW, weight: wt / count }));
}
