// torchvision's AnchorGenerator: per level, A = |sizes|·|ratios| zero-centred "cell anchors" rounded half-to-even,
// repeated on the feature grid with INTEGER strides (padded image size // grid size) and shifts from the cell's
// top-left corner. Order: level, then row y, column x, then anchor a — index (y·W + x)·A + a within a level.
import { f, roundHalfEven } from './float32';
import { assertPositiveInt, formatValue } from './validate';
import { assertImageSize } from './validate-boxes';

export interface AnchorOptions {
	imageSize: [number, number]; // padded batch size [h, w]
	featureSizes: [number, number][]; // [h, w] of each level's feature map
	sizes: number[][]; // anchor sizes (square side, px) per level
	aspectRatios: number[][]; // h / w ratios per level
}

export interface AnchorLevel {
	gridSize: [number, number];
	stride: [number, number]; // integer: imageSize // gridSize
	cellAnchors: Float32Array; // [A·4] zero-centred [x1,y1,x2,y2]
	anchorsPerLocation: number;
	count: number; // gridH · gridW · A
	offset: number; // first row of this level in the concatenated anchors
}

function assertPositiveList(name: string, v: unknown): asserts v is number[] {
	if (
		!Array.isArray(v) ||
		v.length === 0 ||
		!v.every((x) => typeof x === 'number' && Number.isFinite(x) && x > 0)
	)
		throw new Error(`${name} must be a non-empty list of positive finite numbers, got ${formatValue(v)}`);
}

/**
 * Base anchors of one level (`AnchorGenerator.generate_anchors`): ratio-major, size-minor rows
 * round([−w/2, −h/2, w/2, h/2]) with h = size·√ratio, w = size/√ratio, all in float32.
 */
export function cellAnchors(sizes: number[], aspectRatios: number[]): Float32Array {
	assertPositiveList('sizes', sizes);
	assertPositiveList('aspectRatios', aspectRatios);
	const out = new Float32Array(sizes.length * aspectRatios.length * 4);
	let o = 0;
	for (const r of aspectRatios) {
		const hRatio = f(Math.sqrt(f(r)));
		const wRatio = f(1 / hRatio);
		for (const s of sizes) {
			const w = f(wRatio * f(s));
			const h = f(hRatio * f(s));
			out[o++] = roundHalfEven(f(-w / 2));
			out[o++] = roundHalfEven(f(-h / 2));
			out[o++] = roundHalfEven(f(w / 2));
			out[o++] = roundHalfEven(f(h / 2));
		}
	}
	return out;
}

/** Per-level grid, stride, base anchors and where the level's rows sit in the concatenated anchor list. */
export function anchorLevels(opts: AnchorOptions): AnchorLevel[] {
	const { imageSize, featureSizes, sizes, aspectRatios } = opts ?? ({} as AnchorOptions);
	assertImageSize('imageSize', imageSize);
	if (!Array.isArray(featureSizes) || featureSizes.length === 0)
		throw new Error(`featureSizes must be a non-empty list of [h, w], got ${formatValue(featureSizes)}`);
	if (!Array.isArray(sizes) || sizes.length !== featureSizes.length)
		throw new Error(
			`sizes must have one list per feature map (${featureSizes.length}), got ${formatValue(sizes)}`
		);
	if (!Array.isArray(aspectRatios) || aspectRatios.length !== featureSizes.length)
		throw new Error(
			`aspectRatios must have one list per feature map (${featureSizes.length}), got ${formatValue(aspectRatios)}`
		);
	let offset = 0;
	return featureSizes.map((g, l) => {
		if (!Array.isArray(g) || g.length !== 2)
			throw new Error(`featureSizes[${l}] must be [h, w], got ${formatValue(g)}`);
		assertPositiveInt(`featureSizes[${l}][0]`, g[0]);
		assertPositiveInt(`featureSizes[${l}][1]`, g[1]);
		const cell = cellAnchors(sizes[l], aspectRatios[l]);
		const a = cell.length / 4;
		const count = g[0] * g[1] * a;
		const level: AnchorLevel = {
			gridSize: [g[0], g[1]],
			stride: [Math.floor(imageSize[0] / g[0]), Math.floor(imageSize[1] / g[1])],
			cellAnchors: cell,
			anchorsPerLocation: a,
			count,
			offset
		};
		offset += count;
		return level;
	});
}

/** All anchors [A_total·4], levels concatenated — `AnchorGenerator(sizes, aspectRatios)` for one padded image. */
export function generateAnchors(opts: AnchorOptions): Float32Array {
	const levels = anchorLevels(opts);
	const last = levels[levels.length - 1];
	const out = new Float32Array((last.offset + last.count) * 4);
	let o = 0;
	for (const { gridSize, stride, cellAnchors: cell } of levels) {
		for (let y = 0; y < gridSize[0]; y++) {
			const sy = f(y * stride[0]); // int64 shift, converted to float32 for the add
			for (let x = 0; x < gridSize[1]; x++) {
				const sx = f(x * stride[1]);
				for (let k = 0; k < cell.length; k += 4) {
					out[o++] = f(sx + cell[k]);
					out[o++] = f(sy + cell[k + 1]);
					out[o++] = f(sx + cell[k + 2]);
					out[o++] = f(sy + cell[k + 3]);
				}
			}
		}
	}
	return out;
}
