// The overview's arrows: from each node to the next, straight when they sit side by side, an elbow through the gap
// when the row wraps (a phone). Rectangles are in the container's pixels, measured after layout.
import { path as d3path } from 'd3';

export interface Rect {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** SVG path data for the edge a → b. */
export function edgePath(a: Rect, b: Rect): string {
	const p = d3path();
	const ay = a.y + a.h / 2;
	const by = b.y + b.h / 2;
	const sameRow = Math.abs(ay - by) < Math.min(a.h, b.h) / 2 && b.x >= a.x + a.w - 1;
	if (sameRow) {
		p.moveTo(a.x + a.w, ay);
		p.lineTo(b.x, by);
		return p.toString();
	}
	// wrapped: down from a's bottom, along the gap between the rows, down into b's top
	const gapY = (a.y + a.h + b.y) / 2;
	const ax = a.x + a.w / 2;
	const bx = b.x + b.w / 2;
	p.moveTo(ax, a.y + a.h);
	p.lineTo(ax, gapY);
	p.lineTo(bx, gapY);
	p.lineTo(bx, b.y);
	return p.toString();
}

/** Edges between consecutive rectangles. */
export function chainEdges(rects: Rect[]): string[] {
	const out: string[] = [];
	for (let i = 0; i + 1 < rects.length; i++) out.push(edgePath(rects[i], rects[i + 1]));
	return out;
}
