// The mask head's training targets (torchvision 0.14's `project_masks_on_boxes`): each positive RoI's matched gt mask,
// cropped by the RoI and resampled to S×S by RoIAlign at scale 1 — adaptive sampling (sampling_ratio −1) and
// aligned=False, so a binary mask becomes soft values in [0, 1] at the edges; the loss compares logits to those.
import { roiAlign } from './roi-align';
import type { Tensor } from './tensor';
import { assertIndex, assertPositiveInt, assertTensorShape, formatValue } from './validate';
import { assertBoxes } from './validate-boxes';

/** torchvision's mask head output size (14×14 pooled, upsampled ×2). */
export const MASK_TARGET_SIZE = 28;

/** Throws unless `gtMasks` is [M, H, W] with a non-empty plane; returns M. */
export function assertMasks(name: string, gtMasks: unknown): number {
	assertTensorShape(name, gtMasks, ['M', 'H', 'W']);
	assertPositiveInt(`${name}.shape[1] (H)`, gtMasks.shape[1]);
	assertPositiveInt(`${name}.shape[2] (W)`, gtMasks.shape[2]);
	return gtMasks.shape[0];
}

/**
 * S×S targets [K, S, S]: `roi_align(gtMasks[:, None], [matchedGt[k], boxes[k]], (S, S), 1.0)[:, 0]`. Masks are
 * float32 (0/1 for binary masks, as torchvision converts its uint8 masks); boxes are image coordinates.
 */
export function projectMasksOnBoxes(
	gtMasks: Tensor,
	boxes: Float32Array,
	matchedGt: Int32Array,
	size: number = MASK_TARGET_SIZE
): Tensor {
	const m = assertMasks('gtMasks', gtMasks);
	const k = assertBoxes('boxes', boxes);
	if (!(matchedGt instanceof Int32Array))
		throw new Error(`matchedGt must be an Int32Array, got ${formatValue(matchedGt)}`);
	if (matchedGt.length !== k)
		throw new Error(`matchedGt.length must be ${k} (one per box), got ${matchedGt.length}`);
	for (let r = 0; r < k; r++) assertIndex(`matchedGt[${r}]`, matchedGt[r], m);
	assertPositiveInt('size', size);
	if (k === 0) return { shape: [0, size, size], data: new Float32Array(0) };
	const [, h, w] = gtMasks.shape;
	const rois = new Float32Array(k * 5);
	for (let r = 0; r < k; r++) {
		rois[r * 5] = matchedGt[r];
		rois.set(boxes.subarray(r * 4, r * 4 + 4), r * 5 + 1);
	}
	const out = roiAlign(
		{ shape: [m, 1, h, w], data: gtMasks.data },
		{ shape: [k, 5], data: rois },
		{ outputSize: size, spatialScale: 1, samplingRatio: -1, aligned: false }
	);
	return { shape: [k, size, size], data: out.data };
}
