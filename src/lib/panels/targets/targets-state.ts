// The training-targets sandbox's state and its URL field table: which scene, which level is on screen, the matcher's
// thresholds, the sampler's seed, the picked anchor, and the ground-truth boxes when the student moved them.
import { codecFunctions, field, type Codec } from '$lib/url/codec';
import { boxesToString, parseBox, parseInteger, parseNumber } from '$lib/url/grammar';
import type { Box } from '$lib/ui/box';

export interface TargetsState {
	/** scene seed (src/lib/scenes) */
	seed: number;
	/** pyramid level drawn, 2..6 (the matcher sees every level's anchors at once, as in training) */
	level: number;
	/** IoU ≥ high: positive; < low: negative; between: ignored (torchvision's RPN: 0.7 / 0.3) */
	high: number;
	low: number;
	/** seed of the 256-anchor sample */
	sample: number;
	/** picked anchor (row of the concatenated anchor list), if any */
	anchor?: number;
	/** the ground-truth boxes, when moved away from the scene's own (image pixels) */
	boxes?: Box[];
}

export const TARGETS_DEFAULTS: Readonly<TargetsState> = Object.freeze({
	seed: 11,
	level: 5,
	high: 0.7,
	low: 0.3,
	sample: 1
});

/** The paper's (and torchvision's) RPN thresholds, marked on the sliders. */
export const PAPER_THRESHOLDS = { high: 0.7, low: 0.3 } as const;

const IMAGE = 512;
const BOXES_MAX = 40;
const ANCHOR_MAX = 99_999;

function unit(raw: string): number | null {
	const v = parseNumber(raw);
	return v !== null && v >= 0 && v <= 1 ? v : null;
}

function parseBoxes(raw: string): Box[] | null {
	const parts = raw === '' ? [] : raw.split(';');
	if (parts.length > BOXES_MAX) return null;
	const boxes = parts.map((s) => parseBox(s, IMAGE, true));
	return boxes.every((b) => b !== null && b[0] >= 0 && b[1] >= 0 && b[2] <= IMAGE && b[3] <= IMAGE)
		? (boxes as Box[])
		: null;
}

export function cloneTargets(s: Readonly<TargetsState>): TargetsState {
	return { ...s, ...(s.boxes && { boxes: s.boxes.map((b) => [...b] as Box) }) };
}

/** A seed (of the scene, of the sample): a whole number from 0 to 2^31 − 1. */
const seedOf = (key: 'seed' | 'sample') =>
	field<TargetsState, 'seed' | 'sample'>({
		key,
		parse: (raw) => parseInteger(raw, 0, 2 ** 31 - 1),
		format: String,
		expected: 'a whole number from 0 to 2147483647'
	});

export const TARGETS_CODEC: Codec<TargetsState> = {
	clone: cloneTargets,
	fields: [
		seedOf('seed'),
		field<TargetsState, 'level'>({
			key: 'level',
			parse: (raw) => parseInteger(raw, 2, 6),
			format: String,
			expected: 'a pyramid level from 2 to 6'
		}),
		field<TargetsState, 'high'>({
			key: 'high',
			parse: unit,
			format: String,
			expected: 'a number from 0 to 1'
		}),
		field<TargetsState, 'low'>({
			key: 'low',
			parse: (raw, s) => {
				const v = unit(raw);
				return v !== null && v <= s.high ? v : null;
			},
			format: String,
			expected: (s) => `a number from 0 to high (${s.high})`
		}),
		seedOf('sample'),
		field<TargetsState, 'anchor'>({
			key: 'anchor',
			parse: (raw) => parseInteger(raw, 0, ANCHOR_MAX),
			format: (v) => String(v),
			expected: 'an anchor index (a whole number from 0)',
			optional: true
		}),
		field<TargetsState, 'boxes'>({
			key: 'boxes',
			parse: parseBoxes,
			format: (v) => boxesToString(v ?? []),
			expected: `at most ${BOXES_MAX} boxes x1,y1,x2,y2 separated by ";", inside the ${IMAGE}×${IMAGE} scene`,
			fallback: () => "Using the scene's own boxes.",
			optional: true
		})
	]
};

const fns = codecFunctions(TARGETS_CODEC, TARGETS_DEFAULTS);
export const parseTargetsParams = fns.parse;
export const targetsToEntries = fns.format;
