/**
 * Background pixels: gradient + texture, as floats (only + − × ÷, floor, round: deterministic), RGB HWC.
 * Per-pixel noise is added later over the whole composed image (see render.ts).
 */
import { mulberry32 } from './prng';
import { sinCosDeg } from './trig';
import type { BackgroundSpec } from './types';

export function renderBackground(bg: BackgroundSpec, width: number, height: number): Float32Array {
	if (!(bg.texturePeriod >= 2))
		throw new Error(`renderBackground: texturePeriod must be >= 2, got ${bg.texturePeriod}`);
	const out = new Float32Array(width * height * 3);
	const [s, c] = sinCosDeg(bg.angle);
	// Project pixel centres onto the gradient direction, normalised to t in [0, 1] over the image.
	const corners = [0, width].flatMap((x) => [0, height].map((y) => x * c + y * s));
	const tMin = Math.min(...corners);
	const span = Math.max(...corners) - tMin || 1;
	const p = bg.texturePeriod;
	// Value noise: random lattice every `p` px, bilinear in between.
	const gw = Math.ceil(width / p) + 2;
	const gh = Math.ceil(height / p) + 2;
	const lattice = new Float32Array(gw * gh);
	const rng = mulberry32(bg.seed ^ 0x9e3779b9);
	for (let i = 0; i < lattice.length; i++) lattice[i] = rng.next() * 2 - 1;
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const t = ((x + 0.5) * c + (y + 0.5) * s - tMin) / span;
			let tex = 0;
			if (bg.texture === 'stripes') tex = Math.floor(((x + 0.5) * c + (y + 0.5) * s) / p) % 2 ? 1 : -1;
			else if (bg.texture === 'checker') tex = (Math.floor(x / p) + Math.floor(y / p)) % 2 ? 1 : -1;
			else if (bg.texture === 'noise') {
				const gx = x / p;
				const gy = y / p;
				const ix = Math.floor(gx);
				const iy = Math.floor(gy);
				const fx = gx - ix;
				const fy = gy - iy;
				const l = (yy: number, xx: number) => lattice[yy * gw + xx];
				tex =
					(l(iy, ix) * (1 - fx) + l(iy, ix + 1) * fx) * (1 - fy) +
					(l(iy + 1, ix) * (1 - fx) + l(iy + 1, ix + 1) * fx) * fy;
			}
			const o = (y * width + x) * 3;
			for (let k = 0; k < 3; k++) {
				out[o + k] = bg.colorA[k] + (bg.colorB[k] - bg.colorA[k]) * t + bg.textureAmp * tex;
			}
		}
	}
	return out;
}
