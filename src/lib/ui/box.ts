// A box, and moving and resizing it with pointer or keyboard: pure geometry, shared by the RoI and FPN panels.

/** x1, y1, x2, y2 in image pixels (torchvision's box format). */
export type Box = [number, number, number, number];

/** Which part of the box a drag holds: the whole box, an edge or a corner. */
export type Handle = 'move' | 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

/** The region a box must stay in: [x0, x1] × [y0, y1]. */
export interface Bounds {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** Translate by (dx, dy), stopping at the bounds (a box larger than the bounds keeps its top-left at the bound). */
export function moveBox(b: Readonly<Box>, dx: number, dy: number, bounds: Bounds): Box {
	const w = b[2] - b[0];
	const h = b[3] - b[1];
	const x = clamp(b[0] + dx, bounds.x0, Math.max(bounds.x0, bounds.x1 - w));
	const y = clamp(b[1] + dy, bounds.y0, Math.max(bounds.y0, bounds.y1 - h));
	return [x, y, x + w, y + h];
}

/** Move the edges named by `handle` by (dx, dy), keeping at least `minSize` and staying within the bounds. */
export function resizeBox(
	b: Readonly<Box>,
	handle: Exclude<Handle, 'move'>,
	dx: number,
	dy: number,
	bounds: Bounds,
	minSize: number
): Box {
	let [x1, y1, x2, y2] = b;
	if (handle.includes('w')) x1 = clamp(x1 + dx, bounds.x0, x2 - minSize);
	if (handle.includes('e')) x2 = clamp(x2 + dx, x1 + minSize, bounds.x1);
	if (handle.includes('n')) y1 = clamp(y1 + dy, bounds.y0, y2 - minSize);
	if (handle.includes('s')) y2 = clamp(y2 + dy, y1 + minSize, bounds.y1);
	return [x1, y1, x2, y2];
}

/** Apply a drag of (dx, dy) on `handle` to the box as it was when the drag started. */
export function dragBox(
	start: Readonly<Box>,
	handle: Handle,
	dx: number,
	dy: number,
	bounds: Bounds,
	minSize: number
): Box {
	return handle === 'move'
		? moveBox(start, dx, dy, bounds)
		: resizeBox(start, handle, dx, dy, bounds, minSize);
}

/** The box spanned by two corners of a new drag, within the bounds. */
export function boxFromCorners(ax: number, ay: number, bx: number, by: number, bounds: Bounds): Box {
	const x1 = clamp(Math.min(ax, bx), bounds.x0, bounds.x1);
	const x2 = clamp(Math.max(ax, bx), bounds.x0, bounds.x1);
	const y1 = clamp(Math.min(ay, by), bounds.y0, bounds.y1);
	const y2 = clamp(Math.max(ay, by), bounds.y0, bounds.y1);
	return [x1, y1, x2, y2];
}

export interface KeyEdit {
	handle: Handle;
	dx: number;
	dy: number;
}

/**
 * What an arrow key does to a focused box. Arrows move it; in resize mode (or with Alt) they move the right/bottom
 * edges instead (→/↓ grow, ←/↑ shrink). Shift takes the big step. Anything else: null (let the browser have it).
 */
export function keyEdit(
	e: { key: string; shiftKey: boolean; altKey: boolean },
	mode: 'move' | 'resize',
	step: number,
	bigStep: number
): KeyEdit | null {
	const s = e.shiftKey ? bigStep : step;
	const d: Record<string, [number, number]> = {
		ArrowLeft: [-s, 0],
		ArrowRight: [s, 0],
		ArrowUp: [0, -s],
		ArrowDown: [0, s]
	};
	const v = d[e.key];
	if (!v) return null;
	const resize = mode === 'resize' || e.altKey;
	if (!resize) return { handle: 'move', dx: v[0], dy: v[1] };
	return { handle: v[0] !== 0 ? 'e' : 's', dx: v[0], dy: v[1] };
}

/** Whole pixels: pointer drags snap so URLs and readouts stay readable. */
export function snapBox(b: Readonly<Box>): Box {
	return b.map((v) => Math.round(v)) as Box;
}

/** An x1,y1,x2,y2 box as SVG rect attributes: `<rect {...rectOf(box)} />`. */
export function rectOf(b: ArrayLike<number>): { x: number; y: number; width: number; height: number } {
	return { x: b[0], y: b[1], width: b[2] - b[0], height: b[3] - b[1] };
}
