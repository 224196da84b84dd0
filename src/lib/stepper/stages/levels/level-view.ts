// Data for the FPN-level stage: how many proposals each level receives, and which proposal a click on the picture means.

/** Count of proposals per pyramid level min..max (torchvision pools from P2..P5), as {level, count} rows. */
export function levelHistogram(
	levels: ArrayLike<number>,
	min = 2,
	max = 5
): { level: number; count: number }[] {
	const rows = Array.from({ length: max - min + 1 }, (_, i) => ({ level: min + i, count: 0 }));
	for (let i = 0; i < levels.length; i++) {
		const r = rows[levels[i] - min];
		if (r) r.count++;
	}
	return rows;
}

/**
 * The box a click at (x, y) most likely means: among the boxes containing the point, the one with the smallest area
 * (a big box would otherwise swallow every click inside it). −1 when no box contains the point.
 */
export function boxAtPoint(boxes: ArrayLike<number>, x: number, y: number, limit = Infinity): number {
	let best = -1;
	let bestArea = Infinity;
	const n = Math.min(boxes.length / 4, limit);
	for (let i = 0; i < n; i++) {
		const [x1, y1, x2, y2] = [boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]];
		if (x < x1 || x > x2 || y < y1 || y > y2) continue;
		const a = (x2 - x1) * (y2 - y1);
		if (a < bestArea) {
			best = i;
			bestArea = a;
		}
	}
	return best;
}
