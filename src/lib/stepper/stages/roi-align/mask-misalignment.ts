// Stage 7's "on a real object": one detection's mask as the model made it (RoIAlign) and as the same mask head makes
// it from RoIPool-pooled features, each judged against the scene's ground-truth object, and how far RoIPool's first
// rounding moved each edge of the box, in image pixels. The geometry is the ops' own (roiPoolGeometry), the masks the
// model's (runHeadsOnBoxes + masksOf): nothing here recomputes either.
import type { Scene } from '$lib/scenes';
import { roiPoolGeometry } from '$lib/ops/roi-pool';
import { binaryIou } from '../../parts/mask-compare';

export interface EdgeShiftPx {
	name: 'left' | 'top' | 'right' | 'bottom';
	/** rounded edge minus true edge, in original-image pixels (positive: right / down) */
	px: number;
}

/**
 * RoIPool's first quantization of `box` (resized-image px) on level `level` (stride 2^level), as edge shifts in
 * original-image pixels (`toOriginal`: original / resized). Cell i covers [i, i+1) (as in the RoIPool panel), so
 * the rounded box's right edge is its last cell's end.
 */
export function edgeShiftsPx(box: ArrayLike<number>, level: number, toOriginal: number): EdgeShiftPx[] {
	if (!Number.isInteger(level) || level < 0 || level > 10)
		throw new Error(`edgeShiftsPx: level must be a whole number 0..10, got ${level}`);
	const stride = 2 ** level;
	const g = roiPoolGeometry('edgeShiftsPx', 'box', [0, box[0], box[1], box[2], box[3]], 0, 1, {
		outH: 1,
		outW: 1,
		scale: 1 / stride
	});
	const [sx1, sy1, sx2, sy2] = g.scaledBox;
	const [rx1, ry1, rx2, ry2] = g.roundedBox;
	const px = (cells: number) => cells * stride * toOriginal;
	return [
		{ name: 'left', px: px(rx1 - sx1) },
		{ name: 'top', px: px(ry1 - sy1) },
		{ name: 'right', px: px(rx2 + 1 - sx2) },
		{ name: 'bottom', px: px(ry2 + 1 - sy2) }
	];
}

export interface MaskJudgement {
	/** the ground-truth object the RoIAlign mask overlaps best among those of its class (−1: none) */
	object: number;
	alignIou: number;
	poolIou: number;
	/** pixels only one of the two masks covers */
	onlyAlign: number;
	onlyPool: number;
}

/** Both pasted probability planes (H×W, thresholded at 0.5) against the scene's objects of class `label`. */
export function judgeMasks(
	scene: Scene,
	label: number,
	align: Float32Array,
	pool: Float32Array
): MaskJudgement {
	const n = scene.width * scene.height;
	if (align.length !== n || pool.length !== n)
		throw new Error(
			`judgeMasks: masks must be ${scene.width}×${scene.height}, got ${align.length} and ${pool.length}`
		);
	let object = -1;
	let alignIou = 0;
	scene.instances.forEach((g, j) => {
		if (g.label !== label) return;
		const iou = binaryIou(align, g.mask, 0.5, 0.5);
		if (iou > alignIou) [object, alignIou] = [j, iou];
	});
	const poolIou = object >= 0 ? binaryIou(pool, scene.instances[object].mask, 0.5, 0.5) : 0;
	let onlyAlign = 0;
	let onlyPool = 0;
	for (let p = 0; p < n; p++) {
		const a = align[p] >= 0.5;
		const b = pool[p] >= 0.5;
		if (a && !b) onlyAlign++;
		else if (b && !a) onlyPool++;
	}
	return { object, alignIou, poolIou, onlyAlign, onlyPool };
}
