/**
 * renderScene: explicit spec → image + instance annotations. Used by generateScene and by any UI that lets a
 * student place shapes, so both produce the same pixels. Occlusion: later shapes cover earlier ones; an
 * instance's mask is its *visible* pixels (pixel coverage >= 50%, not covered by a later shape).
 */
import { renderBackground } from './background';
import { mulberry32 } from './prng';
import { rasterize, SUB, type Raster } from './raster';
import { shapeContours } from './shapes';
import { CLASS_NAMES, SHAPE_CLASSES, type Instance, type Scene, type SceneSpec } from './types';

const FULL = SUB * SUB;
const MASK_MIN_COVERAGE = FULL / 2;

export function rasterizeShapes(spec: SceneSpec): Raster[] {
	return spec.shapes.map((s) => {
		if (!SHAPE_CLASSES.includes(s.cls)) throw new Error(`renderScene: unknown shape class ${String(s.cls)}`);
		return rasterize(shapeContours(s), spec.width, spec.height);
	});
}

/** Instance map (0 = none, i+1 = shape i on top) and visible pixel counts per shape. */
export function visibility(spec: SceneSpec, rasters: Raster[]): { map: Uint16Array; visible: number[] } {
	const map = new Uint16Array(spec.width * spec.height);
	rasters.forEach((r, i) => {
		for (let y = 0; y < r.h; y++) {
			for (let x = 0; x < r.w; x++) {
				if (r.coverage[y * r.w + x] >= MASK_MIN_COVERAGE) map[(r.y0 + y) * spec.width + r.x0 + x] = i + 1;
			}
		}
	});
	const visible = new Array<number>(rasters.length).fill(0);
	for (let i = 0; i < map.length; i++) if (map[i]) visible[map[i] - 1]++;
	return { map, visible };
}

function checkSpec(spec: SceneSpec): void {
	for (const k of ['width', 'height'] as const) {
		const v = spec[k];
		if (!Number.isInteger(v) || v < 1 || v > 4096)
			throw new Error(`renderScene: ${k} must be an integer in [1, 4096], got ${v}`);
	}
}

export function renderScene(spec: SceneSpec, rasters: Raster[] = rasterizeShapes(spec)): Scene {
	checkSpec(spec);
	const { width: W, height: H } = spec;
	const acc = renderBackground(spec.background, W, H);
	// Composite with integer coverage weights: colour = bg + (shape − bg) · coverage/16.
	rasters.forEach((r, i) => {
		const col = spec.shapes[i].color;
		for (let y = 0; y < r.h; y++) {
			for (let x = 0; x < r.w; x++) {
				const cov = r.coverage[y * r.w + x];
				if (!cov) continue;
				const o = ((r.y0 + y) * W + r.x0 + x) * 3;
				for (let k = 0; k < 3; k++) acc[o + k] += ((col[k] - acc[o + k]) * cov) / FULL;
			}
		}
	});
	const image = new Uint8Array(W * H * 3);
	const rng = mulberry32(spec.background.seed);
	const amp = spec.background.noise;
	for (let i = 0; i < image.length; i++) {
		const n = amp > 0 ? (rng.next() * 2 - 1) * amp : 0;
		image[i] = Math.min(255, Math.max(0, Math.round(acc[i] + n)));
	}
	const { map, visible } = visibility(spec, rasters);
	const instances: Instance[] = [];
	const instanceMap = new Uint16Array(W * H);
	const idOf = new Int32Array(rasters.length).fill(-1);
	rasters.forEach((r, i) => {
		if (visible[i] === 0) return;
		const shape = spec.shapes[i];
		idOf[i] = instances.length;
		instances.push({
			shapeIndex: i,
			label: SHAPE_CLASSES.indexOf(shape.cls) + 1,
			className: shape.cls,
			box: [W, H, 0, 0],
			area: visible[i],
			visibleFraction: r.fullArea > 0 ? visible[i] / r.fullArea : 0,
			mask: new Uint8Array(W * H)
		});
	});
	for (let p = 0; p < map.length; p++) {
		if (!map[p]) continue;
		const id = idOf[map[p] - 1];
		const inst = instances[id];
		instanceMap[p] = id + 1;
		inst.mask[p] = 1;
		const x = p % W;
		const y = (p - x) / W;
		const b = inst.box;
		if (x < b[0]) b[0] = x;
		if (y < b[1]) b[1] = y;
		if (x + 1 > b[2]) b[2] = x + 1;
		if (y + 1 > b[3]) b[3] = y + 1;
	}
	return { spec, width: W, height: H, image, instanceMap, instances, classNames: CLASS_NAMES };
}
