// Colour lookup tables for mask planes: probabilities on a light→dark sequential ramp (0 stays near white, so a
// thresholded outline on top is easy to see), signed values (logits, differences) on a diverging ramp around 0.
// A 256-entry table keeps drawing a 500×500 pasted mask to one array lookup per pixel.
import { interpolateBlues, interpolatePuOr } from 'd3';
import { lutOf } from './raster';

export type PlaneScale = 'prob' | 'signed';

const PROB = lutOf((t) => interpolateBlues(0.03 + 0.92 * t));
const SIGNED = lutOf((t) => interpolatePuOr(1 - t)); // negative → orange, positive → purple

/** LUT index of a value: probabilities map [0,1]; signed values map [−range, range] with 0 in the middle. */
export function lutIndex(v: number, scale: PlaneScale, range: number): number {
	const t = scale === 'prob' ? v : 0.5 + v / (2 * (range || 1));
	return Math.max(0, Math.min(255, Math.round(t * 255)));
}

export function lutFor(scale: PlaneScale): Uint8Array {
	return scale === 'prob' ? PROB : SIGNED;
}

/** Largest |v|: the symmetric range of a signed plane. */
export function absMax(values: ArrayLike<number>): number {
	let m = 0;
	for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
	return m;
}

/** SVG path of the boundary between pixels ≥ t and < t (unit cells), for drawing a thresholded mask's outline. */
export function thresholdOutline(
	values: ArrayLike<number>,
	width: number,
	height: number,
	t: number
): string {
	const inside = (x: number, y: number) =>
		x >= 0 && y >= 0 && x < width && y < height && values[y * width + x] >= t;
	const parts: string[] = [];
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			const a = inside(x, y);
			if (a !== inside(x + 1, y)) parts.push(`M${x + 1} ${y}v1`);
			if (a !== inside(x, y + 1)) parts.push(`M${x} ${y + 1}h1`);
			if (x === 0 && a) parts.push(`M0 ${y}v1`);
			if (y === 0 && a) parts.push(`M${x} 0h1`);
		}
	return parts.join('');
}
