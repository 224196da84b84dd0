// Editing a scene's shapes by hand: place, move, resize, delete, all as pure functions that return a new spec, so
// the drawing canvas stays a thin view and renderScene (src/lib/scenes) draws exactly what the model then sees.
import type { Rgb, SceneSpec, ShapeClass, ShapeSpec } from '$lib/scenes';

export const MIN_SHAPE = 12;
export const DEFAULT_SHAPE = 96;

/** Saturated colours far from each other; a new shape takes the one furthest from the background and its neighbours. */
const PALETTE: Rgb[] = [
	[220, 40, 40],
	[40, 160, 60],
	[40, 80, 220],
	[240, 200, 30],
	[200, 60, 200],
	[30, 200, 210],
	[250, 130, 20],
	[250, 250, 250],
	[20, 20, 20]
];

const dist = (a: Rgb, b: Rgb) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);

export function maxShapeSize(spec: Pick<SceneSpec, 'width' | 'height'>): number {
	return Math.round(1.05 * Math.min(spec.width, spec.height));
}

function clamp(v: number, lo: number, hi: number): number {
	return Math.min(hi, Math.max(lo, v));
}

/** Quarter-pixel grid, like the generator: specs stay short and exactly reproducible. */
const q = (v: number) => Math.round(v * 4) / 4;

export function pickColor(spec: SceneSpec): Rgb {
	const bg = spec.background;
	const mid: Rgb = [0, 1, 2].map((k) => (bg.colorA[k] + bg.colorB[k]) / 2) as Rgb;
	let best = PALETTE[0];
	let bestScore = -1;
	for (const c of PALETTE) {
		const score = Math.min(dist(c, mid) * 1.5, ...spec.shapes.map((s) => dist(c, s.color)));
		if (score > bestScore) [best, bestScore] = [c, score];
	}
	return [...best] as Rgb;
}

export function addShape(
	spec: SceneSpec,
	cls: ShapeClass,
	cx: number,
	cy: number,
	size = DEFAULT_SHAPE
): SceneSpec {
	const shape: ShapeSpec = {
		cls,
		cx: q(clamp(cx, 0, spec.width)),
		cy: q(clamp(cy, 0, spec.height)),
		size: q(clamp(size, MIN_SHAPE, maxShapeSize(spec))),
		rotation: 0,
		color: pickColor(spec)
	};
	return { ...spec, shapes: [...spec.shapes, shape] };
}

function update(spec: SceneSpec, i: number, patch: Partial<ShapeSpec>): SceneSpec {
	if (i < 0 || i >= spec.shapes.length) return spec;
	return { ...spec, shapes: spec.shapes.map((s, k) => (k === i ? { ...s, ...patch } : s)) };
}

/** Centre moves anywhere inside the image (a shape may hang over the border: the model sees clipped objects too). */
export function moveShape(spec: SceneSpec, i: number, cx: number, cy: number): SceneSpec {
	return update(spec, i, { cx: q(clamp(cx, 0, spec.width)), cy: q(clamp(cy, 0, spec.height)) });
}

export function resizeShape(spec: SceneSpec, i: number, size: number): SceneSpec {
	return update(spec, i, { size: q(clamp(size, MIN_SHAPE, maxShapeSize(spec))) });
}

export function rotateShape(spec: SceneSpec, i: number, degrees: number): SceneSpec {
	return update(spec, i, { rotation: q(((degrees % 360) + 360) % 360) });
}

export function removeShape(spec: SceneSpec, i: number): SceneSpec {
	if (i < 0 || i >= spec.shapes.length) return spec;
	return { ...spec, shapes: spec.shapes.filter((_, k) => k !== i) };
}

/** The topmost shape whose circumscribed circle holds (x, y), or -1. Later shapes are drawn on top, so search back. */
export function shapeAt(spec: SceneSpec, x: number, y: number): number {
	for (let i = spec.shapes.length - 1; i >= 0; i--) {
		const s = spec.shapes[i];
		if ((x - s.cx) ** 2 + (y - s.cy) ** 2 <= (s.size / 2) ** 2) return i;
	}
	return -1;
}
