// The feature maps the RoI panels pool from: torchvision's seed map, a seeded random map, or a downsampled picture.
import { SEED_MAP, type Tensor } from '$lib/ops';
import { mulberry32, normals } from '$lib/scenes';

export type MapKind = 'seed' | 'random' | 'image';

export interface MapSpec {
	map: MapKind;
	seed: number;
	stride: number;
	/** Image width and height in pixels (the seed map ignores it: it is always 6×6 cells). */
	img: readonly [number, number];
}

export interface FeatureMap {
	tensor: Tensor; // [1, 1, H, W]
	/** The image the map covers, in pixels (W·stride × H·stride for the seed map). */
	imageW: number;
	imageH: number;
}

/** Cells per side a map needs to cover `px` pixels at `stride` (a partial cell still gets a cell, as with padding). */
export function cellsFor(px: number, stride: number): number {
	return Math.ceil(px / stride);
}

/**
 * A procedurally drawn grey picture in [0, 1], so pooled values mean something: a big disk, a smaller bright disk,
 * a rectangle with a stripe, on a faint diagonal gradient. Coordinates in pixels; shapes scale with the image.
 */
export function picture(x: number, y: number, w: number, h: number): number {
	const m = Math.min(w, h);
	const inDisk = (cx: number, cy: number, r: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
	if (inDisk(0.75 * w, 0.2 * h, 0.06 * m)) return 1;
	if (inDisk(0.3 * w, 0.35 * h, 0.18 * m)) return 0.85;
	if (x >= 0.52 * w && x <= 0.88 * w && y >= 0.5 * h && y <= 0.84 * h) {
		return y >= 0.64 * h && y <= 0.7 * h ? 0.95 : 0.55;
	}
	return 0.05 + 0.2 * ((x / w + y / h) / 2);
}

/** Average of `picture` over each stride×stride cell (4×4 supersamples); pixels beyond the image count as 0 (padding). */
function pictureMap(w: number, h: number, stride: number): Tensor {
	const H = cellsFor(h, stride);
	const W = cellsFor(w, stride);
	const data = new Float32Array(H * W);
	const n = 4;
	for (let i = 0; i < H; i++) {
		for (let j = 0; j < W; j++) {
			let acc = 0;
			for (let a = 0; a < n; a++) {
				for (let b = 0; b < n; b++) {
					const y = (i + (a + 0.5) / n) * stride;
					const x = (j + (b + 0.5) / n) * stride;
					if (x < w && y < h) acc += picture(x, y, w, h);
				}
			}
			data[i * W + j] = acc / (n * n);
		}
	}
	return { shape: [1, 1, H, W], data };
}

/** A map of standard-normal values from `seed`, one value per cell. */
function randomMap(w: number, h: number, stride: number, seed: number): Tensor {
	const H = cellsFor(h, stride);
	const W = cellsFor(w, stride);
	return { shape: [1, 1, H, W], data: normals(mulberry32(seed).next, H * W) };
}

// A few recent maps, so dragging a box never rebuilds one (and two panels on one page don't evict each other).
const cache = new Map<string, FeatureMap>();
const CACHE_SIZE = 4;

/** The map for a spec (cached). */
export function featureMap(spec: MapSpec): FeatureMap {
	const key =
		spec.map === 'seed'
			? `seed/${spec.stride}`
			: `${spec.map}/${spec.stride}/${spec.img[0]}x${spec.img[1]}/${spec.map === 'random' ? spec.seed : ''}`;
	const hit = cache.get(key);
	if (hit) return hit;
	let value: FeatureMap;
	if (spec.map === 'seed') {
		const [, , H, W] = SEED_MAP.shape;
		value = { tensor: SEED_MAP, imageW: W * spec.stride, imageH: H * spec.stride };
	} else {
		const [w, h] = spec.img;
		const tensor =
			spec.map === 'random' ? randomMap(w, h, spec.stride, spec.seed) : pictureMap(w, h, spec.stride);
		value = { tensor, imageW: w, imageH: h };
	}
	if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
	cache.set(key, value);
	return value;
}
