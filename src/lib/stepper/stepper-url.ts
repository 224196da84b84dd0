// The stepper's URL: which stage is on screen, which scene, and what the student picked. Parsed strictly (anything
// malformed falls back to the default with a short plain-text notice); validated against the trace later, once the
// model has run (see selection.ts), because only then is it known how many RoIs or detections exist.
import type { ShapeSpec } from '$lib/scenes';
import { field, formatState, parseState, type Codec, type Field, type Parsed } from '$lib/url/codec';
import { parseInteger } from '$lib/url/grammar';
import type { UrlBinding } from '$lib/url/url-bound.svelte';
import { parseShapesParam, shapesToParam } from './input/scene-url';
import { modelField } from './model-field';

export interface StepperUrlState {
	stage: number;
	seed: number;
	roi?: number;
	det?: number;
	channel?: number;
	level?: number;
	sample?: number;
	/** A drawn scene: the seed's background with these shapes instead of the seed's own. */
	shapes?: ShapeSpec[];
	/** One of the shipped models (model-field.ts); absent = the shipped Mask R-CNN. */
	model?: string;
}

export const SEED_MAX = 2 ** 31 - 1;
/**
 * The landing page's scene (TRACE_PRESETS[0], a stored run), so /stepper opens at once on the picture the overview
 * showed. It was 11 until the stored runs existed; embed codes write the seed out, so they kept their scene.
 */
export const DEFAULT_SEED = 2502;
/** Generous upper bounds; the trace decides the real ones. */
export const SELECTION_LIMITS = { roi: 9_999, det: 999, channel: 1_023, levelMin: 2, levelMax: 6 } as const;

/** A scene seed as typed or linked: a whole number from 0 to SEED_MAX, or null. */
export function parseSeed(raw: string): number | null {
	return parseInteger(raw.trim(), 0, SEED_MAX);
}

/** The scene seed as a URL field (the stepper's, /model's). */
export function seedField<S extends { seed: number }>(): Field<S, keyof S> {
	return field<S, 'seed' & keyof S>({
		key: 'seed',
		parse: (raw) => parseSeed(raw) as S['seed' & keyof S] | null,
		format: String,
		expected: `a whole number from 0 to ${SEED_MAX}`,
		fallback: (d) => `Using seed ${d.seed}.`
	});
}

type Pick = 'roi' | 'det' | 'channel';
const pick = (key: Pick, max: number, what: string) =>
	field<StepperUrlState, Pick>({
		key,
		parse: (raw) => parseInteger(raw, 0, max),
		format: (v) => String(v),
		expected: `${what} (a whole number from 0)`,
		optional: true
	});

/** The field table; `stageIds` are the registered stages (the first is the default). */
export function stepperCodec(stageIds: readonly number[]): Codec<StepperUrlState> {
	return {
		clone: (s) => ({
			...s,
			...(s.shapes && { shapes: s.shapes.map((sh) => ({ ...sh, color: [...sh.color] })) })
		}),
		fields: [
			field<StepperUrlState, 'stage'>({
				key: 'stage',
				parse: (raw) => {
					const v = parseInteger(raw, 1, 99);
					return v !== null && stageIds.includes(v) ? v : null;
				},
				format: String,
				expected: `one of ${stageIds.join(', ')}`,
				fallback: (d) => `Showing stage ${d.stage}.`
			}),
			seedField<StepperUrlState>(),
			modelField<StepperUrlState>(),
			pick('roi', SELECTION_LIMITS.roi, 'a proposal index'),
			pick('det', SELECTION_LIMITS.det, 'a detection index'),
			pick('channel', SELECTION_LIMITS.channel, 'a channel index'),
			field<StepperUrlState, 'level'>({
				key: 'level',
				parse: (raw) => parseInteger(raw, SELECTION_LIMITS.levelMin, SELECTION_LIMITS.levelMax),
				format: (v) => String(v),
				expected: 'a pyramid level from 2 to 6',
				optional: true
			}),
			field<StepperUrlState, 'sample'>({
				key: 'sample',
				parse: (raw) => parseInteger(raw, 0, SEED_MAX),
				format: (v) => String(v),
				expected: `a sample seed (a whole number from 0 to ${SEED_MAX})`,
				optional: true
			}),
			field<StepperUrlState, 'shapes'>({
				key: 'shapes',
				parse: (raw) => {
					const r = parseShapesParam(raw);
					return 'shapes' in r ? r.shapes : null;
				},
				format: (v) => shapesToParam(v ?? []),
				expected: (_s, raw) => {
					const r = parseShapesParam(raw);
					return `drawn shapes (${'error' in r ? r.error : 'valid'})`;
				},
				fallback: () => "Showing the seed's own scene.",
				optional: true
			})
		]
	};
}

const defaultsFor = (stageIds: readonly number[], seed = DEFAULT_SEED): StepperUrlState => ({
	stage: stageIds[0] ?? 1,
	seed
});

/** A binding for UrlBound. */
export function stepperBinding(
	stageIds: readonly number[],
	defaultSeed = DEFAULT_SEED
): UrlBinding<StepperUrlState> {
	return { codec: stepperCodec(stageIds), defaults: defaultsFor(stageIds, defaultSeed) };
}

export function parseStepperParams(
	params: URLSearchParams,
	stageIds: readonly number[],
	defaults: Readonly<StepperUrlState> = defaultsFor(stageIds)
): Parsed<StepperUrlState> {
	return parseState(stepperCodec(stageIds), params, { defaults });
}

/** Query entries: the stage and seed when not default, the selection and drawn shapes whenever set. */
export function stepperToEntries(
	s: Readonly<StepperUrlState>,
	defaults: Readonly<StepperUrlState>
): [string, string][] {
	return formatState(stepperCodec([s.stage]), s, { defaults });
}
