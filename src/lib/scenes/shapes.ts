/**
 * Shape outlines as closed polygons ("contours", even-odd fill) in fixed point: integer units of 1/64 px.
 * Vertices come from the deterministic sinCosDeg and are rounded to the 1/64 grid, so the rasterizer sees
 * the same integers in every engine.
 */
import { sinCosDeg } from './trig';
import type { ShapeSpec } from './types';

/** Fixed-point subdivisions per pixel for vertex coordinates. */
export const FIX = 64;

/** A closed contour: flat [x0, y0, x1, y1, …] in 1/64 px. */
export type Contour = number[];

const CIRCLE_VERTICES = 64;
const STAR_INNER = 0.45;
const RING_INNER = 0.55;

/** Unit outlines (circumradius 1, angle 0 pointing up) as lists of [radius, angleDeg]. */
function polar(cls: ShapeSpec['cls']): Array<Array<[number, number]>> {
	const regular = (n: number, r: number, offset: number): Array<[number, number]> =>
		Array.from({ length: n }, (_, k): [number, number] => [r, offset + (360 * k) / n]);
	switch (cls) {
		case 'circle':
			return [regular(CIRCLE_VERTICES, 1, 0)];
		case 'square':
			return [regular(4, 1, 45)];
		case 'triangle':
			return [regular(3, 1, 0)];
		case 'star':
			return [Array.from({ length: 10 }, (_, k): [number, number] => [k % 2 ? STAR_INNER : 1, 36 * k])];
		case 'ring':
			return [regular(CIRCLE_VERTICES, 1, 0), regular(CIRCLE_VERTICES, RING_INNER, 0)];
	}
}

export function shapeContours(s: ShapeSpec): Contour[] {
	for (const [k, v] of [
		['cx', s.cx],
		['cy', s.cy],
		['size', s.size],
		['rotation', s.rotation]
	] as const) {
		if (!Number.isFinite(v)) throw new Error(`shapeContours: ${k} must be finite, got ${v}`);
	}
	if (!(s.size > 0)) throw new Error(`shapeContours: size must be > 0, got ${s.size}`);
	const half = s.size / 2;
	return polar(s.cls).map((ring) => {
		const out: number[] = [];
		for (const [r, a] of ring) {
			const [sin, cos] = sinCosDeg(a + s.rotation);
			// Angle 0 points up (−y), rotation is clockwise on screen.
			out.push(Math.round((s.cx + r * half * sin) * FIX), Math.round((s.cy - r * half * cos) * FIX));
		}
		return out;
	});
}
