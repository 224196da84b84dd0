// The RoI panels' state (RoIPool, RoIAlign, compare) and its URL field table. Parsing is strict: a value that does
// not match its grammar and range falls back to the default with a short plain-text notice.
import { codecFunctions, field, type Codec } from '$lib/url/codec';
import { boxToString, pairToString, parseBox, parseInteger, parsePair } from '$lib/url/grammar';
import type { Box } from '$lib/ui/box';
import type { MapKind } from './feature-maps';

export type Aggregation = 'avg' | 'max';

/** Everything the RoIPool / RoIAlign / compare panels show, in URL units. */
export interface RoiState {
	/** x1, y1, x2, y2 in image pixels. */
	box: Box;
	/** Feature stride in pixels; spatial_scale = 1 / stride. */
	stride: number;
	/** Output size [outH, outW] (torchvision's `output_size=(h, w)`). */
	out: [number, number];
	/** RoIAlign sampling ratio; 0 = adaptive (ceil(roi size / output size)). */
	sr: number;
	aligned: boolean;
	agg: Aggregation;
	map: MapKind;
	seed: number;
	/** Image [width, height] in pixels for the random and picture maps. */
	img: [number, number];
}

export const LIMITS = {
	coord: 10_000,
	strideMax: 128,
	outMax: 16,
	srMax: 8,
	imgMin: 16,
	imgMax: 2048,
	/** Cells per side of a generated map (stride 4 on an 800 px image is 200). */
	cellsMax: 256,
	fpnBoxesMax: 16
} as const;

/** torchvision's example: `torch.manual_seed(1)` 6×6 map, box (10,10,124,124), stride 32, 2×2, sampling ratio 1. */
export const ROI_DEFAULTS: Readonly<RoiState> = Object.freeze({
	box: [10, 10, 124, 124],
	stride: 32,
	out: [2, 2],
	sr: 1,
	aligned: false,
	agg: 'avg',
	map: 'seed',
	seed: 1,
	img: [800, 800]
} as RoiState);

/** A fresh, mutable copy of a state (arrays included). */
export function cloneRoi(s: Readonly<RoiState>): RoiState {
	return { ...s, box: [...s.box], out: [...s.out], img: [...s.img] };
}

const bit = (raw: string) => (raw === '0' || raw === '1' ? raw === '1' : null);
const oneOf =
	<T extends string>(...values: T[]) =>
	(raw: string) =>
		(values as string[]).includes(raw) ? (raw as T) : null;
/** seed and img only matter for generated maps */
const onlyForGenerated = (s: Readonly<RoiState>) => s.map === 'seed';

export const ROI_CODEC: Codec<RoiState> = {
	clone: cloneRoi,
	fields: [
		field<RoiState, 'box'>({
			key: 'box',
			parse: (raw) => parseBox(raw, LIMITS.coord),
			format: boxToString,
			expected: `four numbers x1,y1,x2,y2 (pixels, |v| ≤ ${LIMITS.coord}, x1 ≤ x2, y1 ≤ y2)`
		}),
		field<RoiState, 'stride'>({
			key: 'stride',
			parse: (raw) => parseInteger(raw, 1, LIMITS.strideMax),
			format: String,
			expected: `a whole number of pixels from 1 to ${LIMITS.strideMax}`
		}),
		field<RoiState, 'out'>({
			key: 'out',
			parse: (raw) => parsePair(raw, 1, LIMITS.outMax),
			format: pairToString,
			expected: `N or HxW, whole numbers from 1 to ${LIMITS.outMax}`
		}),
		field<RoiState, 'sr'>({
			key: 'sr',
			parse: (raw) => parseInteger(raw, 0, LIMITS.srMax),
			format: String,
			expected: `0 (adaptive) or 1 to ${LIMITS.srMax}`
		}),
		field<RoiState, 'aligned'>({
			key: 'aligned',
			parse: bit,
			format: (v) => (v ? '1' : '0'),
			expected: '0 or 1'
		}),
		field<RoiState, 'agg'>({
			key: 'agg',
			parse: oneOf('avg', 'max'),
			format: String,
			expected: 'avg or max'
		}),
		field<RoiState, 'map'>({
			key: 'map',
			parse: oneOf('seed', 'random', 'image'),
			format: String,
			expected: 'seed, random or image'
		}),
		field<RoiState, 'seed'>({
			key: 'seed',
			parse: (raw) => parseInteger(raw, 0, 4294967295),
			format: String,
			expected: 'a whole number from 0 to 4294967295',
			omit: onlyForGenerated
		}),
		field<RoiState, 'img'>({
			key: 'img',
			parse: (raw) => parsePair(raw, LIMITS.imgMin, LIMITS.imgMax),
			format: pairToString,
			expected: `N or WxH pixels, from ${LIMITS.imgMin} to ${LIMITS.imgMax}`,
			fallback: (d) => `Using ${d.img.join('x')}.`,
			omit: onlyForGenerated
		})
	],
	// A generated map must stay drawable: at most LIMITS.cellsMax cells per side.
	check: (state, d, notices) => {
		if (state.map === 'seed') return;
		const cells = () => Math.ceil(Math.max(state.img[0], state.img[1]) / state.stride);
		if (cells() <= LIMITS.cellsMax) return;
		const n = cells();
		state.stride = d.stride;
		if (cells() > LIMITS.cellsMax) state.img = [...d.img];
		notices.push(
			`A ${state.map} map at that size and stride would need ${n} cells per side (at most ${LIMITS.cellsMax}); ` +
				`using stride ${state.stride} and image ${state.img.join('x')}.`
		);
	}
};

const fns = codecFunctions(ROI_CODEC, ROI_DEFAULTS);
/** The state in a query (strict: each rejected value falls back with a notice). */
export const parseRoiParams = fns.parse;
/** Query entries of a state: short (non-defaults) or `full`. */
export const roiToEntries = fns.format;
