// Stage 9's data: one detection's mask logits for every class, read two ways. Mask R-CNN applies a sigmoid to each
// class plane on its own and keeps the predicted class's plane; an FCN-style head would instead let the classes
// compete at every pixel through a softmax. Both are computed here from the very same logits.
import { sigmoid32, softmaxPlanes, type Tensor } from '$lib/ops';
import { areaAbove, binaryIou, disagreement } from '../../parts/mask-compare';

export interface MaskHeadView {
	/** mask side M (28) */
	size: number;
	classes: number;
	/** the detection's predicted class: the plane Mask R-CNN keeps */
	label: number;
	/** per class plane [M*M] */
	logits: Float32Array[];
	sigmoid: Float32Array[];
	/** softmax across the competing planes; null for the background plane when it is left out */
	softmax: (Float32Array | null)[];
	includeBackground: boolean;
	/** the kept plane read both ways, and softmax − sigmoid */
	chosenSigmoid: Float32Array;
	chosenSoftmax: Float32Array;
	difference: Float32Array;
	maxAbsDifference: number;
	/** binary masks at 0.5 */
	areaSigmoid: number;
	areaSoftmax: number;
	iou: number;
	disagreeing: number;
	/** for every other foreground plane: IoU of its sigmoid mask with the kept one at 0.5 (planes that draw the
	 * same shape are the ones a softmax would split each pixel with) */
	rivals: { channel: number; iou: number }[];
}

export function maskHeadView(
	logits: Tensor,
	det: number,
	label: number,
	includeBackground: boolean
): MaskHeadView {
	const [d, classes, mh, mw] = logits.shape;
	if (logits.shape.length !== 4 || mh !== mw)
		throw new Error(`maskHeadView: logits must be [D, classes, M, M], got [${logits.shape.join(', ')}]`);
	if (!Number.isInteger(det) || det < 0 || det >= d)
		throw new Error(`maskHeadView: detection ${det} is not in 0..${d - 1}`);
	if (!Number.isInteger(label) || label < 1 || label >= classes)
		throw new Error(`maskHeadView: label ${label} is not a foreground class (1..${classes - 1})`);
	const plane = mh * mw;
	const base = det * classes * plane;
	const planes = Array.from({ length: classes }, (_, c) =>
		logits.data.slice(base + c * plane, base + (c + 1) * plane)
	);
	const sigmoid = planes.map((p) => p.map(sigmoid32));
	const first = includeBackground ? 0 : 1;
	const competing = logits.data.subarray(base + first * plane, base + classes * plane);
	const sm = softmaxPlanes(competing, classes - first);
	const softmax = planes.map((_, c) =>
		c < first ? null : sm.slice((c - first) * plane, (c - first + 1) * plane)
	);
	const chosenSigmoid = sigmoid[label];
	const chosenSoftmax = softmax[label]!;
	const difference = chosenSoftmax.map((v, i) => v - chosenSigmoid[i]);
	let maxAbsDifference = 0;
	for (const v of difference) maxAbsDifference = Math.max(maxAbsDifference, Math.abs(v));
	return {
		size: mh,
		classes,
		label,
		logits: planes,
		sigmoid,
		softmax,
		includeBackground,
		chosenSigmoid,
		chosenSoftmax,
		difference,
		maxAbsDifference,
		areaSigmoid: areaAbove(chosenSigmoid, 0.5),
		areaSoftmax: areaAbove(chosenSoftmax, 0.5),
		iou: binaryIou(chosenSigmoid, chosenSoftmax),
		disagreeing: disagreement(chosenSigmoid, chosenSoftmax),
		rivals: sigmoid
			.map((p, c) => ({ channel: c, iou: binaryIou(p, chosenSigmoid) }))
			.filter((r) => r.channel >= 1 && r.channel !== label)
	};
}

/** The paper's comparison (Mask R-CNN, He et al. 2017, Table 2b: ResNet-50-C4, COCO minival, mask AP). */
export const TABLE_2B = {
	source: 'He, Gkioxari, Dollár, Girshick: Mask R-CNN (ICCV 2017), Table 2b',
	url: 'https://arxiv.org/abs/1703.06870',
	rows: [
		{ name: 'softmax', ap: 24.8 },
		{ name: 'sigmoid', ap: 30.3 }
	]
} as const;
