// The stepper's URL: which stage is on screen, which scene, and what the student picked. Parsed strictly (anything
// malformed falls back to the default with a short plain-text notice); validated against the trace later, once the
// model has run (see selection.ts), because only then is it known how many RoIs or detections exist.
import type { ShapeSpec } from '$lib/scenes';
import type { UrlBinding } from '$lib/url/url-bound.svelte';
import { parseInteger, type Parsed } from '$lib/url/url-state';
import { parseShapesParam, shapesToParam } from './input/scene-url';

export interface StepperUrlState {
	stage: number;
	seed: number;
	roi?: number;
	det?: number;
	channel?: number;
	level?: number;
	/** A drawn scene: the seed's background with these shapes instead of the seed's own. */
	shapes?: ShapeSpec[];
}

export const SEED_MAX = 2 ** 31 - 1;
export const DEFAULT_SEED = 11;
/** Generous upper bounds; the trace decides the real ones. */
export const SELECTION_LIMITS = { roi: 9_999, det: 999, channel: 1_023, levelMin: 2, levelMax: 6 } as const;

export const STEPPER_KEYS = ['stage', 'seed', 'roi', 'det', 'channel', 'level', 'shapes'] as const;

/** A scene seed as typed or linked: a whole number from 0 to SEED_MAX, or null. */
export function parseSeed(raw: string): number | null {
	return parseInteger(raw.trim(), 0, SEED_MAX);
}

function clip(s: string): string {
	return s.length > 24 ? s.slice(0, 24) + '…' : s;
}

/** A binding for UrlBound; `stageIds` are the registered stages (the first is the default). */
export function stepperBinding(
	stageIds: readonly number[],
	defaultSeed = DEFAULT_SEED
): UrlBinding<StepperUrlState> {
	const defaults: StepperUrlState = { stage: stageIds[0] ?? 1, seed: defaultSeed };
	return {
		defaults,
		clone: (s) => ({ ...s, shapes: s.shapes?.map((sh) => ({ ...sh, color: [...sh.color] })) }),
		parse: (p) => parseStepperParams(p, stageIds, defaults),
		toEntries: (s) => stepperToEntries(s, defaults),
		keys: STEPPER_KEYS,
		hideNames: []
	};
}

export function parseStepperParams(
	params: URLSearchParams,
	stageIds: readonly number[],
	defaults: Readonly<StepperUrlState> = { stage: stageIds[0] ?? 1, seed: DEFAULT_SEED }
): Parsed<StepperUrlState> {
	const state: StepperUrlState = { stage: defaults.stage, seed: defaults.seed };
	const notices: string[] = [];
	const bad = (key: string, raw: string, expected: string, fallback: string) =>
		notices.push(`Ignored ${key}="${clip(raw)}": expected ${expected}. ${fallback}`);

	const stage = params.get('stage');
	if (stage !== null) {
		const v = parseInteger(stage, 1, 99);
		if (v !== null && stageIds.includes(v)) state.stage = v;
		else bad('stage', stage, `one of ${stageIds.join(', ')}`, `Showing stage ${defaults.stage}.`);
	}
	const seed = params.get('seed');
	if (seed !== null) {
		const v = parseSeed(seed);
		if (v !== null) state.seed = v;
		else bad('seed', seed, `a whole number from 0 to ${SEED_MAX}`, `Using seed ${defaults.seed}.`);
	}
	const optional = (key: 'roi' | 'det' | 'channel', max: number, what: string) => {
		const raw = params.get(key);
		if (raw === null) return;
		const v = parseInteger(raw, 0, max);
		if (v !== null) state[key] = v;
		else bad(key, raw, `${what} (a whole number from 0)`, 'Nothing picked.');
	};
	optional('roi', SELECTION_LIMITS.roi, 'a proposal index');
	optional('det', SELECTION_LIMITS.det, 'a detection index');
	optional('channel', SELECTION_LIMITS.channel, 'a channel index');
	const level = params.get('level');
	if (level !== null) {
		const v = parseInteger(level, SELECTION_LIMITS.levelMin, SELECTION_LIMITS.levelMax);
		if (v !== null) state.level = v;
		else bad('level', level, 'a pyramid level from 2 to 6', 'Nothing picked.');
	}
	const shapes = params.get('shapes');
	if (shapes !== null) {
		const r = parseShapesParam(shapes);
		if ('shapes' in r) state.shapes = r.shapes;
		else bad('shapes', shapes, `drawn shapes (${r.error})`, "Showing the seed's own scene.");
	}
	return { state, notices };
}

/** Query entries: the stage and seed when not default, the selection whenever set. */
export function stepperToEntries(
	s: Readonly<StepperUrlState>,
	defaults: Readonly<StepperUrlState>
): [string, string][] {
	const out: [string, string][] = [];
	if (s.stage !== defaults.stage) out.push(['stage', String(s.stage)]);
	if (s.seed !== defaults.seed) out.push(['seed', String(s.seed)]);
	for (const k of ['roi', 'det', 'channel', 'level'] as const) {
		const v = s[k];
		if (v !== undefined) out.push([k, String(v)]);
	}
	if (s.shapes) out.push(['shapes', shapesToParam(s.shapes)]);
	return out;
}
