// The answers predict-then-reveal questions check against, computed live by the ops from the same parameters the
// panels take (the URL parameter names), so a question can never drift from what the panel beside it shows.
import { anchorLevels, fpnLevelTrace, sigmoid32, softmaxRows } from '$lib/ops';
import { fmt } from '$lib/ui/format';
import { alignTraceOf, mapOf, poolTraceOf } from '$lib/panels/roi/roi-state-ops';
import { paramsOf } from '$lib/url/query';
import { parseBox, parseInteger, parseNumber } from '$lib/url/grammar';
import { parseRoiParams, type RoiState } from '$lib/panels/roi/roi-state';
import { TARGET_ANSWERS } from './live-answers-targets';

export interface LiveAnswer {
	/** A number for number questions, the text of the right choice for choice questions. */
	value: number | string;
	/** The value as the site shows it. */
	text: string;
	/** One line on where the value came from. */
	how: string;
	/** For click-a-cell questions: the map to click on (row-major values); the answer is "row,col". */
	grid?: { rows: number; cols: number; values: ArrayLike<number> };
}

export type AnswerParams = Record<string, string | undefined>;

function roiState(name: string, p: AnswerParams): RoiState {
	const { state, notices } = parseRoiParams(paramsOf(p));
	if (notices.length) throw new Error(`${name}: ${notices.join(' ')}`);
	return state;
}

/** `bin="ph,pw"` (default 0,0) → row-major index into an out[0]×out[1] grid. */
function binIndex(name: string, p: AnswerParams, out: [number, number]): { index: number; label: string } {
	const raw = p.bin ?? '0,0';
	const parts = raw.split(',').map((s) => parseInteger(s.trim(), 0, 1000));
	if (parts.length !== 2 || parts.some((v) => v === null) || parts[0]! >= out[0] || parts[1]! >= out[1])
		throw new Error(`${name}: bin must be "row,column" inside the ${out[0]}×${out[1]} output, got "${raw}"`);
	return { index: parts[0]! * out[1] + parts[1]!, label: `(${parts[0]}, ${parts[1]})` };
}

function alignTrace(name: string, p: AnswerParams) {
	const s = roiState(name, p);
	return { s, trace: alignTraceOf(s) };
}

function poolTrace(name: string, p: AnswerParams) {
	const s = roiState(name, p);
	return { s, trace: poolTraceOf(s) };
}

function oneBox(name: string, p: AnswerParams): [number, number, number, number] {
	const b = p.box === undefined ? null : parseBox(p.box, 10_000, true);
	if (!b)
		throw new Error(`${name}: box must be "x1,y1,x2,y2" with x1 < x2 and y1 < y2, got "${p.box ?? ''}"`);
	return b;
}

/** `logits="a,b,c"` → numbers (at most 100). */
function logitList(name: string, p: AnswerParams): number[] {
	const parts = (p.logits ?? '').split(',').map((v) => parseNumber(v.trim()));
	if (parts.length < 1 || parts.length > 100 || parts.some((v) => v === null))
		throw new Error(`${name}: logits must be comma-separated numbers, got "${p.logits ?? ''}"`);
	return parts as number[];
}

function channelIndex(name: string, p: AnswerParams, n: number): number {
	const k = parseInteger(p.channel ?? '0', 0, n - 1);
	if (k === null) throw new Error(`${name}: channel must be 0 to ${n - 1}, got "${p.channel}"`);
	return k;
}

const ANSWERS: Record<string, (p: AnswerParams) => LiveAnswer> = {
	/** One output of RoIAlign (`bin` picks it). */
	'roi-align': (p) => {
		const { s, trace } = alignTrace('roi-align', p);
		const b = binIndex('roi-align', p, s.out);
		const v = trace.bins[b.index].value[0];
		return { value: v, text: fmt(v), how: `RoIAlign output ${b.label}, computed by the site's roi_align` };
	},
	/** One output of RoIPool. */
	'roi-pool': (p) => {
		const { s, trace } = poolTrace('roi-pool', p);
		const b = binIndex('roi-pool', p, s.out);
		const v = trace.bins[b.index].value[0];
		return { value: v, text: fmt(v), how: `RoIPool output ${b.label}, computed by the site's roi_pool` };
	},
	/** The feature cell RoIPool's max picks for one bin (click-a-cell): "row,col" on the feature map. */
	'roi-pool-argmax': (p) => {
		const { s, trace } = poolTrace('roi-pool-argmax', p);
		const b = binIndex('roi-pool-argmax', p, s.out);
		const bin = trace.bins[b.index];
		const fm = mapOf(s);
		const [, , rows, cols] = fm.tensor.shape;
		const flat = bin.argmax[0];
		if (flat < 0) throw new Error(`roi-pool-argmax: bin ${b.label} is empty, it has no maximum`);
		const r = Math.floor(flat / cols);
		const c = flat % cols;
		return {
			value: `${r},${c}`,
			text: `row ${r}, column ${c}`,
			how: `bin ${b.label} covers rows ${bin.hstart}–${bin.hend - 1} and columns ${bin.wstart}–${bin.wend - 1}; its largest value is ${fmt(bin.value[0])}`,
			grid: { rows, cols, values: fm.tensor.data.subarray(0, rows * cols) }
		};
	},
	/** Width in cells of the box after RoIPool's first rounding. */
	'roi-pool-width': (p) => {
		const { trace } = poolTrace('roi-pool-width', p);
		const [sw, , ew] = trace.roundedBox;
		return {
			value: trace.roiWidth,
			text: String(trace.roiWidth),
			how: `columns ${sw} to ${ew} after rounding, so ${ew} − ${sw} + 1 = ${trace.roiWidth} cells`
		};
	},
	/** Sampling points per RoIAlign bin (resolves the adaptive ratio). */
	'roi-align-points': (p) => {
		const { trace } = alignTrace('roi-align-points', p);
		const n = Math.max(trace.gridH, 0) * Math.max(trace.gridW, 0);
		return {
			value: n,
			text: String(n),
			how: `a ${trace.gridH} × ${trace.gridW} grid of points in every bin`
		};
	},
	/** The FPN level torchvision pools a box from (`round="1"`: what rounding would pick). */
	'fpn-level': (p) => {
		const box = oneBox('fpn-level', p);
		const t = fpnLevelTrace(box);
		const rounded = p.round === '1';
		const level = rounded ? t.levelIfRounded : t.level;
		const rule = rounded ? `round(${fmt(t.kRaw, 3)})` : `⌊${fmt(t.kRaw, 3)}⌋`;
		return {
			value: `P${level}`,
			text: `P${level}`,
			how: `√area = ${fmt(t.sqrtArea, 1)} px, k = 4 + log₂(${fmt(t.sqrtArea, 1)}/224) = ${fmt(t.kRaw, 3)}; ${rule}, clamped to 2…5`
		};
	},
	/** A per-class sigmoid probability: channel `channel` of `logits` on its own, as Mask R-CNN's mask head does. */
	sigmoid: (p) => {
		const logits = logitList('sigmoid', p);
		const k = channelIndex('sigmoid', p, logits.length);
		const v = sigmoid32(logits[k]);
		return {
			value: v,
			text: fmt(v, 3),
			how: `σ(${logits[k]}) = 1 / (1 + e^−${logits[k]}); the other channels play no part`
		};
	},
	/** The same channel under a softmax across all channels (FCN-style competition). */
	softmax: (p) => {
		const logits = logitList('softmax', p);
		const k = channelIndex('softmax', p, logits.length);
		const v = softmaxRows(Float32Array.from(logits), logits.length)[k];
		return {
			value: v,
			text: fmt(v, 3),
			how: `e^${logits[k]} divided by the sum of e^logit over all ${logits.length} channels`
		};
	},
	/** Anchors on one pyramid level of a square `size`×`size` padded input (3 ratios, one size per level). */
	'anchor-count': (p) => {
		const size = parseInteger(p.size ?? '', 32, 4096);
		const level = parseInteger(p.level ?? '', 2, 6);
		if (size === null || size % 32 !== 0)
			throw new Error(`anchor-count: size must be a multiple of 32 from 32 to 4096, got "${p.size ?? ''}"`);
		if (level === null) throw new Error(`anchor-count: level must be 2 to 6, got "${p.level ?? ''}"`);
		const cells = size / 2 ** level;
		const [lv] = anchorLevels({
			imageSize: [size, size],
			featureSizes: [[cells, cells]],
			sizes: [[32]],
			aspectRatios: [[0.5, 1, 2]]
		});
		return {
			value: lv.count,
			text: lv.count.toLocaleString('en-US'),
			how: `a ${cells} × ${cells} grid at stride ${lv.stride[0]}, ${lv.anchorsPerLocation} anchors per cell`
		};
	}
};

Object.assign(ANSWERS, TARGET_ANSWERS);

export const LIVE_ANSWER_NAMES = Object.keys(ANSWERS);

/** The answer `name` computes for `params`; an Error naming the problem for an unknown name or a bad parameter. */
export function liveAnswer(name: string, params: AnswerParams): LiveAnswer {
	const fn = ANSWERS[name];
	if (!fn) throw new Error(`Unknown live answer "${name}"; known: ${LIVE_ANSWER_NAMES.join(', ')}`);
	return fn(params);
}

/** Does a guess match? Numbers within `tolerance`; choices by their text, ignoring case and spaces. */
export function guessMatches(guess: string, answer: LiveAnswer, tolerance = 0): boolean {
	if (typeof answer.value === 'number') {
		const g = Number(guess.replace(/,/g, '').trim());
		return guess.trim() !== '' && Number.isFinite(g) && Math.abs(g - answer.value) <= tolerance + 1e-9;
	}
	const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
	return norm(guess) === norm(answer.value);
}
