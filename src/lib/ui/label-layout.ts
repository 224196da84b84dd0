// Where each detection's label goes so that no two labels overlap and every label stays inside the picture. A small
// greedy layout: labels come in priority order (the caller's: highest score first), and each takes the first free
// spot of: just above its box, just below it, inside its top-left corner; else the free spot nearest the box, joined
// to it by a leader line; else none (the legend beside the picture still lists it). Pure and deterministic, so the
// same picture at the same size always gets the same labels.

export type Quad = readonly [number, number, number, number];

export interface LabelRect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface LabelRequest {
	/** the detection's box x1, y1, x2, y2, in the picture's units */
	box: Quad;
	/** the label's size, in the same units */
	width: number;
	height: number;
}

export type Placement = 'above' | 'below' | 'inside' | 'stacked';

export interface PlacedLabel extends LabelRect {
	placement: Placement;
	/** from the label's nearest point to the box's, for a stacked label away from its box; null when they touch */
	leader: [number, number, number, number] | null;
}

export interface LayoutOptions {
	/** space between a label and its box, and between two labels (default 2) */
	gap?: number;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function check(requests: readonly LabelRequest[], frame: { width: number; height: number }, gap: number) {
	if (!(isNum(frame?.width) && frame.width > 0 && isNum(frame.height) && frame.height > 0))
		throw new Error(
			`layoutLabels: frame must have a positive width and height, got ${frame?.width}×${frame?.height}`
		);
	if (!(isNum(gap) && gap >= 0)) throw new Error(`layoutLabels: gap must be a number ≥ 0, got ${gap}`);
	requests.forEach((r, i) => {
		if (!(isNum(r.width) && r.width > 0 && isNum(r.height) && r.height > 0))
			throw new Error(
				`layoutLabels: requests[${i}] must have a positive width and height, got ${r.width}×${r.height}`
			);
		const b = r.box;
		if (!(b?.length === 4 && b.every(isNum) && b[2] >= b[0] && b[3] >= b[1]))
			throw new Error(
				`layoutLabels: requests[${i}].box must be finite x1 ≤ x2, y1 ≤ y2, got ${b?.join(', ')}`
			);
	});
}

/** Whether two rectangles overlap or come closer than `sep`. */
export function rectsOverlap(a: LabelRect, b: LabelRect, sep = 0): boolean {
	return (
		a.x < b.x + b.width + sep &&
		b.x < a.x + a.width + sep &&
		a.y < b.y + b.height + sep &&
		b.y < a.y + a.height + sep
	);
}

/** Closest points of a label and a box along one axis: [label side, box side] (equal where they overlap). */
function nearest(l0: number, l1: number, b0: number, b1: number): [number, number] {
	if (l1 < b0) return [l1, b0];
	if (b1 < l0) return [l0, b1];
	const m = (Math.max(l0, b0) + Math.min(l1, b1)) / 2;
	return [m, m];
}

function leaderOf(r: LabelRect, box: Quad): [number, number, number, number] | null {
	const [lx, bx] = nearest(r.x, r.x + r.width, box[0], box[2]);
	const [ly, by] = nearest(r.y, r.y + r.height, box[1], box[3]);
	return lx === bx && ly === by ? null : [lx, ly, bx, by];
}

/** Candidate spots for a stacked label: rows and columns over the whole picture, nearest the box first. */
function stackSpots(
	req: LabelRequest,
	W: number,
	H: number,
	gap: number,
	clampX: (x: number) => number
): LabelRect[] {
	const { width: w, height: h, box } = req;
	const xs = new Set<number>([clampX(box[0]), clampX(box[2] - w)]);
	const colStep = Math.max(w / 4, 1);
	for (let x = 0; x <= W - w; x += colStep) xs.add(x);
	xs.add(W - w);
	const ys = new Set<number>();
	for (let y = 0; y <= H - h; y += h + gap) ys.add(y);
	ys.add(H - h);
	const spots: { r: LabelRect; d: number; a: number }[] = [];
	for (const y of ys)
		for (const x of xs) {
			const [lx, bx] = nearest(x, x + w, box[0], box[2]);
			const [ly, by] = nearest(y, y + h, box[1], box[3]);
			// distance to the box first; among spots touching it, the one nearest its top-left corner (where a label
			// is read from); then top to bottom, left to right
			spots.push({
				r: { x, y, width: w, height: h },
				d: Math.hypot(lx - bx, ly - by),
				a: Math.hypot(x - box[0], y + h - box[1])
			});
		}
	spots.sort((p, q) => p.d - q.d || p.a - q.a || p.r.y - q.r.y || p.r.x - q.r.x);
	return spots.map((s) => s.r);
}

/**
 * One placed label per request, in the same order (null where none fits). Placed labels never overlap each other
 * (they keep `gap` apart) and lie inside the frame [0, width] × [0, height].
 */
export function layoutLabels(
	requests: readonly LabelRequest[],
	frame: { width: number; height: number },
	opts: LayoutOptions = {}
): (PlacedLabel | null)[] {
	const gap = opts.gap ?? 2;
	check(requests, frame, gap);
	const { width: W, height: H } = frame;
	const placed: LabelRect[] = [];
	const free = (r: LabelRect) => placed.every((p) => !rectsOverlap(r, p, gap));

	return requests.map((req) => {
		const { width: w, height: h, box } = req;
		if (w > W || h > H) return null;
		const clampX = (x: number) => Math.min(W - w, Math.max(0, x));
		const tries: [Placement, LabelRect | null][] = [
			[
				'above',
				box[1] - gap - h >= 0 ? { x: clampX(box[0]), y: box[1] - gap - h, width: w, height: h } : null
			],
			['below', box[3] + gap + h <= H ? { x: clampX(box[0]), y: box[3] + gap, width: w, height: h } : null],
			[
				'inside',
				box[2] - box[0] >= w + 2 * gap && box[3] - box[1] >= h + 2 * gap
					? { x: box[0] + gap, y: box[1] + gap, width: w, height: h }
					: null
			]
		];
		for (const [placement, r] of tries)
			if (r && free(r)) {
				placed.push(r);
				return { ...r, placement, leader: null };
			}
		for (const r of stackSpots(req, W, H, gap, clampX))
			if (free(r)) {
				placed.push(r);
				return { ...r, placement: 'stacked' as const, leader: leaderOf(r, box) };
			}
		return null;
	});
}
