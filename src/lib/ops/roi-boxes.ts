// Argument checks shared by roiPool and roiAlign (and their traces).
import type { Tensor } from './tensor';
import {
	assertFinite,
	assertIndex,
	assertPositiveInt,
	assertTensor4D,
	assertTensorShape,
	formatValue
} from './validate';

const COLUMN = ['batch index', 'x1', 'y1', 'x2', 'y2'];

/** The feature map: 4-D NCHW with a non-empty spatial plane (the kernels index row 0 / col 0 even for zeroed samples). */
export function checkRoiInput(op: string, input: unknown): asserts input is Tensor {
	assertTensor4D(`${op}: input`, input);
	assertPositiveInt(`${op}: input.shape[2] (H)`, input.shape[2]);
	assertPositiveInt(`${op}: input.shape[3] (W)`, input.shape[3]);
}

/** Boxes tensor `[K, 5]`; returns K. */
export function checkBoxesTensor(op: string, boxes: unknown): number {
	assertTensorShape(`${op}: boxes`, boxes, ['K', 5]);
	return boxes.shape[0];
}

/** One trace box: five numbers `[batchIndex, x1, y1, x2, y2]`. */
export function checkTraceBox(op: string, box: unknown): asserts box is ArrayLike<number> {
	const ok = (Array.isArray(box) || ArrayBuffer.isView(box)) && (box as ArrayLike<number>).length === 5;
	if (!ok) throw new Error(`${op}: box must be [batchIndex, x1, y1, x2, y2], got ${formatValue(box)}`);
}

/**
 * Checks row `off/5` of a box list: finite coordinates and an integer batch index in [0, N). torchvision would
 * truncate a fractional index and read out of bounds for a bad one; we refuse both. Returns the batch index.
 */
export function checkRoiBox(
	op: string,
	label: string,
	box: ArrayLike<number>,
	off: number,
	n: number
): number {
	for (let j = 1; j < 5; j++) assertFinite(`${op}: ${label}[${j}] (${COLUMN[j]})`, box[off + j]);
	const b = box[off];
	assertIndex(`${op}: ${label}[0] (${COLUMN[0]})`, b, n);
	return b | 0; // a float read from the boxes tensor: make it a small integer so offsets stay integer arithmetic
}
