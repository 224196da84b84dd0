/**
 * Exact, engine-independent polygon coverage: 4×4 subsamples per pixel, even-odd rule, integer vertex
 * coordinates (1/64 px). Each edge's crossing with a subsample row is one correctly-rounded division, and a
 * subsample counts as inside when crossing_a <= x < crossing_b — no transcendental functions anywhere.
 */
import { FIX, type Contour } from './shapes';

export const SUB = 4; // subsamples per pixel per axis
const STEP = FIX / SUB; // 16: subsample spacing in fixed-point units
const HALF = STEP / 2; // subsample centre offset

export interface Raster {
	/** Clipped to the image: pixel bbox [x0, y0) .. [x0+w, y0+h). */
	x0: number;
	y0: number;
	w: number;
	h: number;
	/** w*h, covered subsamples per pixel, 0..SUB². */
	coverage: Uint8Array;
	/** Covered subsamples over the whole (unclipped) shape / SUB²: the shape's area in px if it were alone. */
	fullArea: number;
}

export function rasterize(contours: Contour[], width: number, height: number): Raster {
	let ymin = Infinity;
	let ymax = -Infinity;
	let xmin = Infinity;
	let xmax = -Infinity;
	for (const c of contours) {
		for (let i = 0; i < c.length; i += 2) {
			xmin = Math.min(xmin, c[i]);
			xmax = Math.max(xmax, c[i]);
			ymin = Math.min(ymin, c[i + 1]);
			ymax = Math.max(ymax, c[i + 1]);
		}
	}
	// Subsample rows r with sample y = r*STEP + HALF in [ymin, ymax).
	const r0 = Math.ceil((ymin - HALF) / STEP);
	const r1 = Math.ceil((ymax - HALF) / STEP); // exclusive
	const rows: number[][] = Array.from({ length: Math.max(0, r1 - r0) }, () => []);
	for (const c of contours) {
		const n = c.length / 2;
		for (let i = 0; i < n; i++) {
			const xa = c[2 * i];
			const ya = c[2 * i + 1];
			const xb = c[(2 * i + 2) % c.length];
			const yb = c[(2 * i + 3) % c.length];
			if (ya === yb) continue;
			const lo = Math.min(ya, yb);
			const hi = Math.max(ya, yb);
			const ra = Math.ceil((lo - HALF) / STEP);
			const rb = Math.ceil((hi - HALF) / STEP);
			for (let r = ra; r < rb; r++) {
				const y = r * STEP + HALF;
				rows[r - r0].push(xa + ((y - ya) * (xb - xa)) / (yb - ya));
			}
		}
	}
	const px0 = Math.max(0, Math.floor(xmin / FIX));
	const py0 = Math.max(0, Math.floor(ymin / FIX));
	const px1 = Math.min(width, Math.ceil(xmax / FIX) + 1);
	const py1 = Math.min(height, Math.ceil(ymax / FIX) + 1);
	const w = Math.max(0, px1 - px0);
	const h = Math.max(0, py1 - py0);
	const coverage = new Uint8Array(w * h);
	const cMin = px0 * SUB;
	const cMax = px1 * SUB; // exclusive subsample column bounds inside the image
	let total = 0;
	for (let r = r0; r < r1; r++) {
		const xs = rows[r - r0].sort((a, b) => a - b);
		const py = Math.floor(r / SUB);
		const inImage = py >= py0 && py < py1;
		const rowBase = (py - py0) * w;
		for (let k = 0; k + 1 < xs.length; k += 2) {
			const ca = Math.ceil((xs[k] - HALF) / STEP);
			const cb = Math.ceil((xs[k + 1] - HALF) / STEP); // exclusive
			if (cb <= ca) continue;
			total += cb - ca;
			if (!inImage) continue;
			const s = Math.max(ca, cMin);
			const e = Math.min(cb, cMax);
			for (let col = s; col < e; col++) coverage[rowBase + (col >> 2) - px0]++;
		}
	}
	return { x0: px0, y0: py0, w, h, coverage, fullArea: total / (SUB * SUB) };
}
