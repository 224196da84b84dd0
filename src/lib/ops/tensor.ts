/** A dense float32 tensor, row-major. Images and feature maps are NCHW. */
export interface Tensor {
	shape: number[];
	data: Float32Array;
}

/** Number of elements a shape describes. */
export function sizeOf(shape: readonly number[]): number {
	let n = 1;
	for (const d of shape) n *= d;
	return n;
}

/** Allocate a zero tensor of the given shape. */
export function zeros(shape: number[]): Tensor {
	return { shape: [...shape], data: new Float32Array(sizeOf(shape)) };
}
