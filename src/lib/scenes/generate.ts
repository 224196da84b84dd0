/**
 * generateScene(seed): a random SceneSpec (background, 1..maxShapes shapes with log-uniform sizes, random
 * rotations/colours, overlaps) rendered by renderScene. Shapes that end up mostly hidden are removed from the
 * spec *before* rendering, so no unlabeled fragment of a dropped shape stays in the image.
 */
import { mulberry32, type Rng } from './prng';
import { rasterizeShapes, renderScene, visibility } from './render';
import {
	SHAPE_CLASSES,
	type BackgroundSpec,
	type Rgb,
	type Scene,
	type SceneSpec,
	type ShapeSpec,
	type Texture
} from './types';

export interface GenerateOptions {
	width?: number;
	height?: number;
	maxShapes?: number;
	minSize?: number;
	/** Largest circumscribed diameter, px. Default 1.05 × min(width, height). */
	maxSize?: number;
	/** Drop an instance whose visible part is below this fraction of its full area… */
	minVisibleFraction?: number;
	/** …or below this many pixels. */
	minVisiblePixels?: number;
}

const TEXTURES: Texture[] = ['none', 'stripes', 'checker', 'noise'];

const randomColor = (rng: Rng): Rgb => [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
const dist = (a: Rgb, b: Rgb) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);

function randomBackground(rng: Rng): BackgroundSpec {
	const colorA = randomColor(rng);
	const shift = (): number => rng.int(-70, 70);
	const colorB: Rgb = [
		Math.min(255, Math.max(0, colorA[0] + shift())),
		Math.min(255, Math.max(0, colorA[1] + shift())),
		Math.min(255, Math.max(0, colorA[2] + shift()))
	];
	return {
		colorA,
		colorB,
		angle: rng.int(0, 359),
		texture: TEXTURES[rng.int(0, TEXTURES.length - 1)],
		texturePeriod: rng.int(4, 40),
		textureAmp: rng.range(0, 18),
		noise: rng.range(0, 14),
		seed: rng.int(0, 0x7fffffff)
	};
}

export function randomSpec(seed: number, opts: GenerateOptions = {}): SceneSpec {
	const width = opts.width ?? 512;
	const height = opts.height ?? 512;
	const maxShapes = opts.maxShapes ?? 9;
	const minSize = opts.minSize ?? 12;
	const maxSize = opts.maxSize ?? 1.05 * Math.min(width, height);
	if (!(minSize > 0 && maxSize >= minSize))
		throw new Error(`generateScene: need 0 < minSize <= maxSize, got ${minSize}, ${maxSize}`);
	const rng = mulberry32(seed);
	const background = randomBackground(rng);
	const bgMid: Rgb = [0, 1, 2].map((k) => (background.colorA[k] + background.colorB[k]) / 2) as Rgb;
	const n = rng.int(1, maxShapes);
	// One scene in six gets a large shape first, so the top FPN levels (P4/P5) see enough objects.
	const big = rng.next() < 1 / 6;
	const logMin = Math.log(minSize); // Math.log only feeds random sizes; the spec stores the numbers it produced
	const shapes: ShapeSpec[] = [];
	for (let i = 0; i < n; i++) {
		let size = Math.exp(logMin + rng.next() * (Math.log(maxSize) - logMin));
		if (big && i === 0) size = rng.range(0.55, 1) * maxSize;
		size = Math.round(size * 4) / 4;
		const place = (extent: number): number => {
			const lo = Math.min(size / 4, extent / 2);
			const hi = Math.max(extent - size / 4, extent / 2);
			return Math.round(rng.range(lo, hi) * 4) / 4;
		};
		const cx = place(width);
		const cy = place(height);
		let color = randomColor(rng);
		for (let t = 0; t < 20; t++) {
			if (dist(color, bgMid) >= 120 && shapes.every((s) => dist(s.color, color) >= 90)) break;
			color = randomColor(rng);
		}
		shapes.push({
			cls: SHAPE_CLASSES[rng.int(0, SHAPE_CLASSES.length - 1)],
			cx,
			cy,
			size,
			rotation: rng.int(0, 359 * 4) / 4,
			color
		});
	}
	return { width, height, background, shapes };
}

export function generateScene(seed: number, opts: GenerateOptions = {}): Scene {
	const minFrac = opts.minVisibleFraction ?? 0.3;
	const minPx = opts.minVisiblePixels ?? 40;
	const spec = randomSpec(seed, opts);
	let rasters = rasterizeShapes(spec);
	// Removing a shape only uncovers others, so one pruning pass leaves every survivor above the thresholds.
	const { visible } = visibility(spec, rasters);
	const keep = rasters.map((r, i) => visible[i] >= minPx && visible[i] >= minFrac * r.fullArea);
	spec.shapes = spec.shapes.filter((_, i) => keep[i]);
	rasters = rasters.filter((_, i) => keep[i]);
	return renderScene(spec, rasters);
}
