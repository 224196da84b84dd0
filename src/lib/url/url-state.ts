// Panel state <-> URL query. Parsing is strict: a value that does not match its grammar and range falls back to the
// default and produces a short notice (plain text, rendered as text — never as HTML).
import type { MapKind } from '$lib/panels/roi/feature-maps';

export type Box = [number, number, number, number];
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

export interface Parsed<T> {
	state: T;
	notices: string[];
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

export const ROI_KEYS = ['box', 'stride', 'out', 'sr', 'aligned', 'agg', 'map', 'seed', 'img'] as const;

/** A fresh, mutable copy of a state (arrays included). */
export function cloneRoi(s: Readonly<RoiState>): RoiState {
	return { ...s, box: [...s.box], out: [...s.out], img: [...s.img] };
}

// ---------------------------------------------------------------------------------------------- tiny grammars

const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/; // no exponents, no Infinity/NaN, no spaces, no hex
const INTEGER = /^-?\d+$/;

/** Attributes or props named like URL parameters (tutorial cells) → URLSearchParams; undefined ones are left out. */
export function paramsOf(attrs: Readonly<Record<string, string | undefined>>): URLSearchParams {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(attrs)) if (v !== undefined) q.set(k, String(v));
	return q;
}

/** A plain decimal number, or null. */
export function parseNumber(s: string): number | null {
	if (s.length > 32 || !DECIMAL.test(s)) return null;
	const v = Number(s);
	return Number.isFinite(v) ? v : null;
}

/** An integer within [min, max], or null. */
export function parseInteger(s: string, min: number, max: number): number | null {
	if (s.length > 12 || !INTEGER.test(s)) return null;
	const v = Number(s);
	return v >= min && v <= max ? v : null;
}

/** `N` (square) or `AxB`, each an integer within [min, max]. */
export function parsePair(s: string, min: number, max: number): [number, number] | null {
	const parts = s.split('x');
	if (parts.length === 1) {
		const v = parseInteger(parts[0], min, max);
		return v === null ? null : [v, v];
	}
	if (parts.length !== 2) return null;
	const a = parseInteger(parts[0], min, max);
	const b = parseInteger(parts[1], min, max);
	return a === null || b === null ? null : [a, b];
}

/** `x1,y1,x2,y2` with |v| ≤ limit, x1 ≤ x2 and y1 ≤ y2 (strict when `strict`), or null. */
export function parseBox(s: string, limit: number = LIMITS.coord, strict = false): Box | null {
	const parts = s.split(',');
	if (parts.length !== 4) return null;
	const v = parts.map(parseNumber);
	if (v.some((x) => x === null || Math.abs(x) > limit)) return null;
	const [x1, y1, x2, y2] = v as number[];
	if (strict ? x2 <= x1 || y2 <= y1 : x2 < x1 || y2 < y1) return null;
	return [x1, y1, x2, y2];
}

/** Shortest decimal for a coordinate (at most 2 decimals: the UI moves in whole pixels). */
export function fmtCoord(v: number): string {
	const r = Math.round(v * 100) / 100;
	return String(Object.is(r, -0) ? 0 : r);
}

export function boxToString(b: readonly number[]): string {
	return b.map(fmtCoord).join(',');
}

/** Show at most 40 characters of a rejected value (as text). */
function clip(s: string): string {
	return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

function reject(notices: string[], key: string, raw: string, expected: string, fallback: string) {
	notices.push(`Ignored ${key}="${clip(raw)}": expected ${expected}. Using ${fallback}.`);
}

// ---------------------------------------------------------------------------------------------- RoI panels

export interface ParseOptions<T> {
	defaults?: Readonly<T>;
	/** Prefix of every key, e.g. 'a.' when two panels share one URL. */
	prefix?: string;
}

export function parseRoiParams(params: URLSearchParams, opts: ParseOptions<RoiState> = {}): Parsed<RoiState> {
	const d = opts.defaults ?? ROI_DEFAULTS;
	const p = opts.prefix ?? '';
	const state = cloneRoi(d);
	const notices: string[] = [];
	const get = (k: string) => params.get(p + k);

	let raw = get('box');
	if (raw !== null) {
		const b = parseBox(raw);
		if (b) state.box = b;
		else
			reject(
				notices,
				p + 'box',
				raw,
				`four numbers x1,y1,x2,y2 (pixels, |v| ≤ ${LIMITS.coord}, x1 ≤ x2, y1 ≤ y2)`,
				boxToString(d.box)
			);
	}
	raw = get('stride');
	if (raw !== null) {
		const v = parseInteger(raw, 1, LIMITS.strideMax);
		if (v !== null) state.stride = v;
		else
			reject(
				notices,
				p + 'stride',
				raw,
				`a whole number of pixels from 1 to ${LIMITS.strideMax}`,
				String(d.stride)
			);
	}
	raw = get('out');
	if (raw !== null) {
		const v = parsePair(raw, 1, LIMITS.outMax);
		if (v) state.out = v;
		else
			reject(
				notices,
				p + 'out',
				raw,
				`N or HxW, whole numbers from 1 to ${LIMITS.outMax}`,
				d.out[0] === d.out[1] ? String(d.out[0]) : d.out.join('x')
			);
	}
	raw = get('sr');
	if (raw !== null) {
		const v = parseInteger(raw, 0, LIMITS.srMax);
		if (v !== null) state.sr = v;
		else reject(notices, p + 'sr', raw, `0 (adaptive) or 1 to ${LIMITS.srMax}`, String(d.sr));
	}
	raw = get('aligned');
	if (raw !== null) {
		if (raw === '0' || raw === '1') state.aligned = raw === '1';
		else reject(notices, p + 'aligned', raw, '0 or 1', d.aligned ? '1' : '0');
	}
	raw = get('agg');
	if (raw !== null) {
		if (raw === 'avg' || raw === 'max') state.agg = raw;
		else reject(notices, p + 'agg', raw, 'avg or max', d.agg);
	}
	raw = get('map');
	if (raw !== null) {
		if (raw === 'seed' || raw === 'random' || raw === 'image') state.map = raw;
		else reject(notices, p + 'map', raw, 'seed, random or image', d.map);
	}
	raw = get('seed');
	if (raw !== null) {
		const v = parseInteger(raw, 0, 4294967295);
		if (v !== null) state.seed = v;
		else reject(notices, p + 'seed', raw, 'a whole number from 0 to 4294967295', String(d.seed));
	}
	raw = get('img');
	if (raw !== null) {
		const v = parsePair(raw, LIMITS.imgMin, LIMITS.imgMax);
		if (v) state.img = v;
		else
			reject(
				notices,
				p + 'img',
				raw,
				`N or WxH pixels, from ${LIMITS.imgMin} to ${LIMITS.imgMax}`,
				d.img.join('x')
			);
	}
	// A generated map must stay drawable: at most LIMITS.cellsMax cells per side.
	if (state.map !== 'seed') {
		const cells = () => Math.ceil(Math.max(state.img[0], state.img[1]) / state.stride);
		if (cells() > LIMITS.cellsMax) {
			const n = cells();
			state.stride = d.stride;
			if (cells() > LIMITS.cellsMax) state.img = [...d.img];
			notices.push(
				`A ${state.map} map at that size and stride would need ${n} cells per side (at most ${LIMITS.cellsMax}); ` +
					`using stride ${state.stride} and image ${state.img.join('x')}.`
			);
		}
	}
	return { state, notices };
}

function pairToString(v: readonly number[]): string {
	return v[0] === v[1] ? String(v[0]) : `${v[0]}x${v[1]}`;
}

/** Every key of a state as its URL string. */
function roiValues(s: Readonly<RoiState>): Record<(typeof ROI_KEYS)[number], string> {
	return {
		box: boxToString(s.box),
		stride: String(s.stride),
		out: pairToString(s.out),
		sr: String(s.sr),
		aligned: s.aligned ? '1' : '0',
		agg: s.agg,
		map: s.map,
		seed: String(s.seed),
		img: pairToString(s.img)
	};
}

/**
 * Query entries for a state. By default only values that differ from the defaults (short page URLs); `full` writes
 * every key, for embed snippets that must keep meaning the same thing if the defaults ever change.
 */
export function roiToEntries(
	s: Readonly<RoiState>,
	opts: { full?: boolean; prefix?: string; defaults?: Readonly<RoiState> } = {}
): [string, string][] {
	const values = roiValues(s);
	const defaults = roiValues(opts.defaults ?? ROI_DEFAULTS);
	const p = opts.prefix ?? '';
	const out: [string, string][] = [];
	for (const k of ROI_KEYS) {
		// seed and img only matter for generated maps
		if (!opts.full && s.map === 'seed' && (k === 'seed' || k === 'img')) continue;
		if (opts.full || values[k] !== defaults[k]) out.push([p + k, values[k]]);
	}
	return out;
}

// ---------------------------------------------------------------------------------------------- FPN panel

export interface FpnState {
	/** Boxes x1,y1,x2,y2 in image pixels, inside the image, with positive width and height. */
	boxes: Box[];
	/** Image [width, height] in pixels. */
	img: [number, number];
	/** Also show what rounding (instead of torchvision's floor) would choose. */
	round: boolean;
}

export const FPN_DEFAULTS: Readonly<FpnState> = Object.freeze({
	boxes: [
		[30, 30, 80, 80], // √area 50: formula says P1, clamped to P2
		[120, 40, 210, 140], // √area ≈ 94.9: floor → P2, rounding → P3
		[300, 40, 430, 170], // 130 → P3
		[480, 40, 760, 320], // 280 → P4
		[40, 300, 540, 760] // ≈ 479.6 → P5
	],
	img: [800, 800],
	round: false
} as FpnState);

export const FPN_KEYS = ['boxes', 'img', 'round'] as const;

export function cloneFpn(s: Readonly<FpnState>): FpnState {
	return { boxes: s.boxes.map((b) => [...b] as Box), img: [...s.img], round: s.round };
}

export function boxesToString(boxes: readonly (readonly number[])[]): string {
	return boxes.map(boxToString).join(';');
}

export function parseFpnParams(params: URLSearchParams, opts: ParseOptions<FpnState> = {}): Parsed<FpnState> {
	const d = opts.defaults ?? FPN_DEFAULTS;
	const p = opts.prefix ?? '';
	const state = cloneFpn(d);
	const notices: string[] = [];

	let raw = params.get(p + 'img');
	if (raw !== null) {
		const v = parsePair(raw, LIMITS.imgMin, LIMITS.imgMax);
		if (v) state.img = v;
		else
			reject(
				notices,
				p + 'img',
				raw,
				`N or WxH pixels, from ${LIMITS.imgMin} to ${LIMITS.imgMax}`,
				d.img.join('x')
			);
	}
	raw = params.get(p + 'round');
	if (raw !== null) {
		if (raw === '0' || raw === '1') state.round = raw === '1';
		else reject(notices, p + 'round', raw, '0 or 1', d.round ? '1' : '0');
	}
	raw = params.get(p + 'boxes');
	const fallback = () => (d.boxes.length ? 'the example boxes' : 'no boxes');
	if (raw !== null) {
		const parts = raw === '' ? [] : raw.split(';');
		const [w, h] = state.img;
		const boxes = parts.map((s) => parseBox(s, LIMITS.coord, true));
		const inside = (b: Box | null) => b !== null && b[0] >= 0 && b[1] >= 0 && b[2] <= w && b[3] <= h;
		if (parts.length > LIMITS.fpnBoxesMax)
			reject(notices, p + 'boxes', raw, `at most ${LIMITS.fpnBoxesMax} boxes`, fallback());
		else if (!boxes.every(inside))
			reject(
				notices,
				p + 'boxes',
				raw,
				`boxes x1,y1,x2,y2 separated by ";", inside the ${w}×${h} image, with x1 < x2 and y1 < y2`,
				fallback()
			);
		else state.boxes = boxes as Box[];
	}
	// Default boxes must fit a smaller image too.
	const [w, h] = state.img;
	if (state.boxes.some((b) => b[2] > w || b[3] > h)) {
		state.boxes = state.boxes.filter((b) => b[2] <= w && b[3] <= h);
		notices.push(`Some boxes do not fit a ${w}×${h} image and were left out.`);
	}
	return { state, notices };
}

export function fpnToEntries(
	s: Readonly<FpnState>,
	opts: { full?: boolean; prefix?: string; defaults?: Readonly<FpnState> } = {}
): [string, string][] {
	const d = opts.defaults ?? FPN_DEFAULTS;
	const p = opts.prefix ?? '';
	const out: [string, string][] = [];
	const boxes = boxesToString(s.boxes);
	if (opts.full || boxes !== boxesToString(d.boxes)) out.push([p + 'boxes', boxes]);
	if (opts.full || pairToString(s.img) !== pairToString(d.img)) out.push([p + 'img', pairToString(s.img)]);
	if (opts.full || s.round !== d.round) out.push([p + 'round', s.round ? '1' : '0']);
	return out;
}

// ---------------------------------------------------------------------------------------------- hide= and queries

/** Nothing hidden. */
export const NO_HIDDEN: ReadonlySet<string> = new Set();

/** `hide=a,b,c`: names of controls to hide, checked against the panel's known names. */
export function parseHide(
	params: URLSearchParams,
	known: readonly string[],
	prefix = ''
): { hidden: Set<string>; notices: string[] } {
	const raw = params.get(prefix + 'hide');
	const hidden = new Set<string>();
	const notices: string[] = [];
	if (raw === null || raw === '') return { hidden, notices };
	const unknown: string[] = [];
	for (const name of raw.split(',')) {
		if (known.includes(name)) hidden.add(name);
		else unknown.push(clip(name));
	}
	if (unknown.length)
		notices.push(`hide= names no control "${unknown.join('", "')}". Known names: ${known.join(', ')}.`);
	return { hidden, notices };
}

/**
 * A query string from entries. Values here come from our own serialisers (digits, letters, '.', '-', ',', ';', 'x'),
 * so commas and semicolons are kept readable; everything else is percent-encoded.
 */
export function toQuery(entries: readonly [string, string][]): string {
	const enc = (s: string) => encodeURIComponent(s).replace(/%2C/g, ',').replace(/%3B/g, ';');
	return entries.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

/**
 * `search` with the keys in `owned` replaced by `entries` (other keys, e.g. hide=, are kept as they are).
 * Returns '' or '?…'.
 */
export function mergeQuery(
	search: string,
	owned: readonly string[],
	entries: readonly [string, string][]
): string {
	const params = new URLSearchParams(search);
	const kept: [string, string][] = [];
	for (const [k, v] of params) if (!owned.includes(k)) kept.push([k, v]);
	const q = toQuery([...entries, ...kept]);
	return q ? '?' + q : '';
}
