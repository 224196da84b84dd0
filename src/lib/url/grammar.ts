// The tiny grammars every URL field is written in: plain decimals (no exponents, Infinity, NaN, hex or spaces),
// integers in a range, `N` or `AxB` pairs, and x1,y1,x2,y2 boxes. Each returns null for anything else.

/** Four numbers x1, y1, x2, y2 (the same shape as ui/box's Box; url/ imports nothing outside itself). */
export type Quad = [number, number, number, number];

const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const INTEGER = /^-?\d+$/;

/** A plain decimal number, or null. */
export function parseNumber(s: string): number | null {
	if (s.length > 32 || !DECIMAL.test(s)) return null;
	const v = Number(s);
	return Number.isFinite(v) ? v : null;
}

/** An integer within [min, max], or null. */
export function parseInteger(s: string, min: number, max: number): number | null {
	if (s.length > 12 || !INTEGER.test(s)) return null;
	const v = Number(s);
	return v >= min && v <= max ? v : null;
}

/** `N` (square) or `AxB`, each an integer within [min, max]. */
export function parsePair(s: string, min: number, max: number): [number, number] | null {
	const parts = s.split('x');
	if (parts.length === 1) {
		const v = parseInteger(parts[0], min, max);
		return v === null ? null : [v, v];
	}
	if (parts.length !== 2) return null;
	const a = parseInteger(parts[0], min, max);
	const b = parseInteger(parts[1], min, max);
	return a === null || b === null ? null : [a, b];
}

/** `x1,y1,x2,y2` with |v| ≤ limit, x1 ≤ x2 and y1 ≤ y2 (strict when `strict`), or null. */
export function parseBox(s: string, limit: number, strict = false): Quad | null {
	const parts = s.split(',');
	if (parts.length !== 4) return null;
	const v = parts.map(parseNumber);
	if (v.some((x) => x === null || Math.abs(x) > limit)) return null;
	const [x1, y1, x2, y2] = v as number[];
	if (strict ? x2 <= x1 || y2 <= y1 : x2 < x1 || y2 < y1) return null;
	return [x1, y1, x2, y2];
}

/** Shortest decimal for a coordinate (at most 2 decimals: the UI moves in whole pixels). */
export function fmtCoord(v: number): string {
	const r = Math.round(v * 100) / 100;
	return String(Object.is(r, -0) ? 0 : r);
}

export function boxToString(b: readonly number[]): string {
	return b.map(fmtCoord).join(',');
}

export function boxesToString(boxes: readonly (readonly number[])[]): string {
	return boxes.map(boxToString).join(';');
}

export function pairToString(v: readonly number[]): string {
	return v[0] === v[1] ? String(v[0]) : `${v[0]}x${v[1]}`;
}

/** At most 40 characters of a rejected value, for a notice (shown as text, never as HTML). */
export function clip(s: string): string {
	return s.length > 40 ? s.slice(0, 40) + '…' : s;
}
