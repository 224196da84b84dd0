// Pixels for a canvas: RGB bytes, heat values or a lookup table turned into the RGBA a canvas wants. Pure, so every
// picture component fills its canvas the same way (RasterCanvas draws the result).
import { rgb } from 'd3';

/** RGB HWC bytes (the scenes, uploads) → RGBA, opaque. */
export function rgbToRgba(rgb: ArrayLike<number>, width: number, height: number): Uint8ClampedArray {
	const out = new Uint8ClampedArray(width * height * 4);
	for (let i = 0, j = 0; i < width * height; i++, j += 4) {
		out[j] = rgb[3 * i];
		out[j + 1] = rgb[3 * i + 1];
		out[j + 2] = rgb[3 * i + 2];
		out[j + 3] = 255;
	}
	return out;
}

/** Values → RGBA through a 256-entry RGB table (`lut[3k..3k+2]`), `index(v)` choosing the entry. */
export function lutToRgba(
	values: ArrayLike<number>,
	lut: ArrayLike<number>,
	index: (v: number) => number
): Uint8ClampedArray {
	const out = new Uint8ClampedArray(values.length * 4);
	for (let i = 0, j = 0; i < values.length; i++, j += 4) {
		const k = 3 * index(values[i]);
		out[j] = lut[k];
		out[j + 1] = lut[k + 1];
		out[j + 2] = lut[k + 2];
		out[j + 3] = 255;
	}
	return out;
}

/** A 256-entry RGB table sampled from a colour function of t ∈ [0, 1] (any CSS colour string d3 can parse). */
export function lutOf(color: (t: number) => string): Uint8Array {
	const lut = new Uint8Array(256 * 3);
	for (let i = 0; i < 256; i++) {
		const c = rgb(color(i / 255));
		lut.set([c.r, c.g, c.b], 3 * i);
	}
	return lut;
}

/** The cell under a pointer in a w×h grid drawn over `rect`, or null outside it. */
export function cellAt(
	clientX: number,
	clientY: number,
	rect: { left: number; top: number; width: number; height: number },
	width: number,
	height: number
): { x: number; y: number } | null {
	const x = Math.floor(((clientX - rect.left) / rect.width) * width);
	const y = Math.floor(((clientY - rect.top) / rect.height) * height);
	return x >= 0 && y >= 0 && x < width && y < height ? { x, y } : null;
}

/**
 * The keyboard cursor's next cell on a width × height grid after `key` (arrows move by `by` cells, Home / End go to
 * the row's ends), clamped to the grid; from no cursor yet, the centre. null for a key that moves nothing.
 */
export function stepCell(
	from: { x: number; y: number } | null,
	key: string,
	by: number,
	width: number,
	height: number
): { x: number; y: number } | null {
	const c = from ?? { x: Math.floor(width / 2), y: Math.floor(height / 2) };
	const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, v));
	switch (key) {
		case 'ArrowLeft':
			return { x: clamp(c.x - by, width), y: c.y };
		case 'ArrowRight':
			return { x: clamp(c.x + by, width), y: c.y };
		case 'ArrowUp':
			return { x: c.x, y: clamp(c.y - by, height) };
		case 'ArrowDown':
			return { x: c.x, y: clamp(c.y + by, height) };
		case 'Home':
			return { x: 0, y: c.y };
		case 'End':
			return { x: width - 1, y: c.y };
		default:
			return null;
	}
}

/**
 * Blends each mask's pixels (probability ≥ threshold) half-and-half with its colour, in place: the detections
 * picture. `masks` holds D planes of width × height, `colorOf(d)` the RGB of mask d.
 */
export function blendMasks(
	rgba: Uint8ClampedArray,
	masks: ArrayLike<number>,
	count: number,
	plane: number,
	threshold: number,
	colorOf: (d: number) => [number, number, number]
): Uint8ClampedArray {
	for (let d = 0; d < count; d++) {
		const [r, g, b] = colorOf(d);
		for (let i = 0; i < plane; i++)
			if (masks[d * plane + i] >= threshold) {
				const j = 4 * i;
				rgba[j] = (rgba[j] + r) >> 1;
				rgba[j + 1] = (rgba[j + 1] + g) >> 1;
				rgba[j + 2] = (rgba[j + 2] + b) >> 1;
			}
	}
	return rgba;
}
