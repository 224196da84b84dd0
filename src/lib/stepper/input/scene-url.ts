// A drawn scene in the URL, so a student can share the scene they made: the seed keeps the background, and
// `shapes=` lists every shape as class,cx,cy,size,rotation,colour (hex), separated by ";". Coordinates keep two
// decimals; edits are rounded the same way before rendering, so the link shows exactly the scene on screen.
import { SHAPE_CLASSES, type Rgb, type ShapeClass, type ShapeSpec } from '$lib/scenes';
import { parseNumber } from '$lib/url/grammar';

export const SHAPES_MAX = 40;
/** Scenes are 512 px; allow shapes partly outside, as the editor does. */
const COORD = { min: -512, max: 1024 } as const;
const SIZE = { min: 4, max: 1024 } as const;

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Rounds a shape's numbers the way the URL stores them. */
export function roundShape(s: ShapeSpec): ShapeSpec {
	return { ...s, cx: round2(s.cx), cy: round2(s.cy), size: round2(s.size), rotation: round2(s.rotation) };
}

const hex = (c: Rgb) => c.map((v) => v.toString(16).padStart(2, '0')).join('');
const num = (v: number) => String(round2(v));

export function shapesToParam(shapes: readonly ShapeSpec[]): string {
	return shapes
		.map((s) => [s.cls, num(s.cx), num(s.cy), num(s.size), num(s.rotation), hex(s.color)].join(','))
		.join(';');
}

/** The shapes of a `shapes=` value, or an error message that says what was wrong (plain text). */
export function parseShapesParam(raw: string): { shapes: ShapeSpec[] } | { error: string } {
	if (raw === '') return { shapes: [] };
	const parts = raw.split(';');
	if (parts.length > SHAPES_MAX) return { error: `at most ${SHAPES_MAX} shapes` };
	const shapes: ShapeSpec[] = [];
	for (let i = 0; i < parts.length; i++) {
		const f = parts[i].split(',');
		const where = `shape ${i + 1}`;
		if (f.length !== 6) return { error: `${where} needs class,x,y,size,rotation,colour` };
		const [cls, ...rest] = f;
		if (!(SHAPE_CLASSES as readonly string[]).includes(cls))
			return { error: `${where}: class must be one of ${SHAPE_CLASSES.join(', ')}` };
		const [cx, cy, size, rotation] = rest.slice(0, 4).map(parseNumber);
		if (cx === null || cy === null || cx < COORD.min || cx > COORD.max || cy < COORD.min || cy > COORD.max)
			return { error: `${where}: x and y must be numbers from ${COORD.min} to ${COORD.max}` };
		if (size === null || size < SIZE.min || size > SIZE.max)
			return { error: `${where}: size must be from ${SIZE.min} to ${SIZE.max} px` };
		if (rotation === null || Math.abs(rotation) > 360)
			return { error: `${where}: rotation must be from -360 to 360 degrees` };
		if (!/^[0-9a-f]{6}$/i.test(rest[4])) return { error: `${where}: colour must be six hex digits` };
		const c = rest[4];
		const color: Rgb = [0, 2, 4].map((k) => parseInt(c.slice(k, k + 2), 16)) as Rgb;
		shapes.push({ cls: cls as ShapeClass, cx, cy, size, rotation, color });
	}
	return { shapes };
}
