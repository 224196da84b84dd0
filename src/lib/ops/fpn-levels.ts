// FPN Eq. 1 as torchvision's LevelMapper computes it: k = floor(k0 + log2(sqrt(area)/224) + eps), clamped to
// [minLevel, maxLevel], every step in float32. The eps (added after the log) makes boxes exactly on a boundary
// (sqrt(area) = 112, 224, 448) go up a level despite log2 rounding.
import { f } from './float32';
import { assertFinite, assertInteger, formatValue } from './validate';
import { assertBoxes, assertUpright } from './validate-boxes';

export interface FpnLevelOptions {
	canonicalScale?: number; // 224: an ImageNet-size box maps to the canonical level
	canonicalLevel?: number; // 4 (P4)
	minLevel?: number; // 2 (P2)
	maxLevel?: number; // 5 (P5)
	eps?: number; // 1e-6
}

export interface FpnLevelTrace {
	area: number; // f((x2-x1)*(y2-y1))
	sqrtArea: number; // sqrt in float32
	kRaw: number; // f(k0 + log2(s/224)) — unrounded, no eps
	kFloor: number; // floor(kRaw + eps) — torchvision, unclamped
	kRound: number; // Math.round-style rounding of kRaw (as matterport and some others do), unclamped
	level: number; // clamp(kFloor, minLevel, maxLevel)
	levelIfRounded: number; // clamp(kRound, minLevel, maxLevel)
}

interface Resolved {
	scale: number;
	k0: number;
	min: number;
	max: number;
	eps: number;
}

function resolve(opts: FpnLevelOptions | undefined): Resolved {
	const o = opts ?? {};
	const r = {
		scale: o.canonicalScale ?? 224,
		k0: o.canonicalLevel ?? 4,
		min: o.minLevel ?? 2,
		max: o.maxLevel ?? 5,
		eps: o.eps ?? 1e-6
	};
	assertFinite('canonicalScale', r.scale);
	if (!(r.scale > 0)) throw new Error(`canonicalScale must be > 0, got ${formatValue(r.scale)}`);
	assertFinite('canonicalLevel', r.k0);
	assertInteger('minLevel', r.min);
	assertInteger('maxLevel', r.max);
	if (r.max < r.min) throw new Error(`maxLevel must be >= minLevel (${r.min}), got ${r.max}`);
	assertFinite('eps', r.eps);
	return { scale: f(r.scale), k0: f(r.k0), min: r.min, max: r.max, eps: f(r.eps) };
}

function clamp(k: number, o: Resolved): number {
	return Math.min(Math.max(k, o.min), o.max);
}

/** The unrounded level f(k0 + log2(f(sqrt(area) / s0))) of the box at row `i`, plus its area and sqrt. */
function levelParts(b: ArrayLike<number>, i: number, o: Resolved) {
	const area = f(f(b[i + 2] - b[i]) * f(b[i + 3] - b[i + 1]));
	const sqrtArea = f(Math.sqrt(area));
	const kRaw = f(o.k0 + f(Math.log2(f(sqrtArea / o.scale))));
	return { area, sqrtArea, kRaw };
}

/** The pyramid level k (e.g. 2..5 for P2..P5) of every [x1,y1,x2,y2] row, as torchvision's LevelMapper + k_min. */
export function assignFpnLevels(boxes: Float32Array, opts?: FpnLevelOptions): Int32Array {
	const n = assertBoxes('boxes', boxes);
	assertUpright('boxes', boxes);
	const o = resolve(opts);
	const out = new Int32Array(n);
	for (let i = 0; i < n; i++) out[i] = clamp(Math.floor(f(levelParts(boxes, i * 4, o).kRaw + o.eps)), o);
	return out;
}

/** Every intermediate of the level assignment of one box, and what rounding instead of flooring would give. */
export function fpnLevelTrace(box: ArrayLike<number>, opts?: FpnLevelOptions): FpnLevelTrace {
	if (box === null || typeof box !== 'object' || box.length !== 4)
		throw new Error(`box must be [x1, y1, x2, y2], got ${formatValue(box)}`);
	const b = Float32Array.from(box);
	assertBoxes('box', b);
	assertUpright('box', b);
	const o = resolve(opts);
	const { area, sqrtArea, kRaw } = levelParts(b, 0, o);
	const kFloor = Math.floor(f(kRaw + o.eps));
	const kRound = Math.round(kRaw);
	return {
		area,
		sqrtArea,
		kRaw,
		kFloor,
		kRound,
		level: clamp(kFloor, o),
		levelIfRounded: clamp(kRound, o)
	};
}
