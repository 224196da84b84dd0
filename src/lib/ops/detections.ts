// RoIHeads.postprocess_detections (eval): softmax over classes, per-class box decoding (weights 10,10,5,5), clip,
// drop the background column, score > threshold, drop tiny boxes, per-class NMS, keep the best N.
import { softmaxRows } from './activations';
import { decodeBoxes, type BoxWeights } from './box-coder';
import { clipBoxesToImage, removeSmallBoxes } from './boxes';
import { batchedNms } from './nms';
import { assertPositiveInt, formatValue } from './validate';

export interface DetectionOptions {
	/** resized, unpadded image size [h, w] */
	imageSize: [number, number];
	scoreThresh?: number; // 0.05
	nmsThresh?: number; // 0.5
	detectionsPerImage?: number; // 100
	minSize?: number; // 1e-2
	weights?: BoxWeights; // (10, 10, 5, 5)
}

export interface DetectionTrace {
	classes: number;
	/** softmax class probabilities [K*classes] */
	classProbs: Float32Array;
	/** every proposal's box decoded for every class, clipped [K*classes*4] */
	classBoxes: Float32Array;
	/** flat (proposal·(classes−1) + class−1) candidates with score > threshold and a box ≥ minSize */
	candidates: Int32Array;
	/** final detections, by decreasing score */
	boxes: Float32Array;
	scores: Float32Array;
	labels: Int32Array;
	/** which proposal each detection came from */
	proposalIndex: Int32Array;
}

export function postprocessDetections(
	classLogits: Float32Array,
	boxDeltas: Float32Array,
	proposals: Float32Array,
	opts: DetectionOptions
): DetectionTrace {
	const k = proposals.length / 4;
	if (!Number.isInteger(k))
		throw new Error(`proposals.length must be a multiple of 4, got ${proposals.length}`);
	const classes = k > 0 ? classLogits.length / k : 0;
	if (k > 0 && (!Number.isInteger(classes) || classes < 2))
		throw new Error(`classLogits.length ${classLogits.length} is not K × classes for K = ${k} proposals`);
	if (boxDeltas.length !== 4 * classLogits.length)
		throw new Error(
			`boxDeltas.length must be 4 × classLogits.length = ${4 * classLogits.length}, got ${boxDeltas.length}`
		);
	const thresh = opts.scoreThresh ?? 0.05;
	if (!Number.isFinite(thresh))
		throw new Error(`opts.scoreThresh must be finite, got ${formatValue(thresh)}`);
	const perImage = opts.detectionsPerImage ?? 100;
	assertPositiveInt('opts.detectionsPerImage', perImage);
	if (k === 0) {
		const e = new Float32Array(0);
		const ei = new Int32Array(0);
		return {
			classes,
			classProbs: e,
			classBoxes: e,
			candidates: ei,
			boxes: e,
			scores: e,
			labels: ei,
			proposalIndex: ei
		};
	}

	const classProbs = softmaxRows(classLogits, classes);
	// One reference box per proposal; decodeBoxes applies each proposal's `classes` delta groups to it (class-major).
	const classBoxes = clipBoxesToImage(
		decodeBoxes(boxDeltas, proposals, opts.weights ?? [10, 10, 5, 5]),
		opts.imageSize
	);

	const fg = classes - 1;
	const flatBoxes = new Float32Array(4 * k * fg);
	const flatScores = new Float32Array(k * fg);
	for (let i = 0; i < k; i++)
		for (let c = 1; c < classes; c++) {
			const j = i * fg + c - 1;
			flatBoxes.set(classBoxes.subarray(4 * (i * classes + c), 4 * (i * classes + c) + 4), 4 * j);
			flatScores[j] = classProbs[i * classes + c];
		}
	const above: number[] = [];
	for (let j = 0; j < k * fg; j++) if (flatScores[j] > thresh) above.push(j); // strict '>' as torchvision
	const ab = new Float32Array(4 * above.length);
	above.forEach((j, t) => ab.set(flatBoxes.subarray(4 * j, 4 * j + 4), 4 * t));
	const candidates = Int32Array.from(removeSmallBoxes(ab, opts.minSize ?? 1e-2), (t) => above[t]);

	const cb = new Float32Array(4 * candidates.length);
	const cs = new Float32Array(candidates.length);
	const cl = new Int32Array(candidates.length);
	candidates.forEach((j, t) => {
		cb.set(flatBoxes.subarray(4 * j, 4 * j + 4), 4 * t);
		cs[t] = flatScores[j];
		cl[t] = (j % fg) + 1;
	});
	const keep = batchedNms(cb, cs, cl, opts.nmsThresh ?? 0.5).subarray(0, perImage);
	const boxes = new Float32Array(4 * keep.length);
	keep.forEach((t, i) => boxes.set(cb.subarray(4 * t, 4 * t + 4), 4 * i));
	return {
		classes,
		classProbs,
		classBoxes,
		candidates,
		boxes,
		scores: Float32Array.from(keep, (t) => cs[t]),
		labels: Int32Array.from(keep, (t) => cl[t]),
		proposalIndex: Int32Array.from(keep, (t) => Math.floor(candidates[t] / fg))
	};
}
