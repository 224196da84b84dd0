import { describe, expect, test } from 'vitest';
import {
	DEFAULT_SEED,
	parseStepperParams,
	stepperToEntries,
	SEED_MAX
} from '../../../src/lib/stepper/stepper-url';
import { TRACE_PRESETS } from '../../../src/lib/model/trace-presets';
import { validateSelection } from '../../../src/lib/stepper/selection';

const ids = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const parse = (q: string, stageIds = ids) => parseStepperParams(new URLSearchParams(q), stageIds);

describe('parseStepperParams', () => {
	test('defaults: first stage, the landing scene, nothing picked', () => {
		expect(parse('')).toEqual({ state: { stage: 1, seed: 2502 }, notices: [] });
		// the default scene has a stored run, so /stepper opens without loading the model
		expect(DEFAULT_SEED).toBe(TRACE_PRESETS[0].seed);
	});
	test('reads every valid key', () => {
		const { state, notices } = parse('stage=9&seed=42&roi=3&det=2&channel=17&level=4&sample=8');
		expect(notices).toEqual([]);
		expect(state).toEqual({ stage: 9, seed: 42, roi: 3, det: 2, channel: 17, level: 4, sample: 8 });
	});
	test('a stage that is not registered falls back with a notice', () => {
		const { state, notices } = parse('stage=9', [1, 2]);
		expect(state.stage).toBe(1);
		expect(notices[0]).toMatch(/stage="9": expected one of 1, 2/);
	});
	test('malformed values fall back, each with a short notice', () => {
		const { state, notices } = parse(
			`stage=<b>x</b>&seed=${SEED_MAX + 1}&roi=-1&det=1.5&channel=1e3&level=7&sample=x`
		);
		expect(state).toEqual({ stage: 1, seed: 2502 });
		expect(notices).toHaveLength(7);
		expect(notices[0]).toContain('"<b>x</b>"'); // shown as text by the page, never as HTML
	});
	test('very long values are clipped in the notice', () => {
		const { notices } = parse('seed=' + '9'.repeat(500));
		expect(notices[0].length).toBeLessThan(130);
	});
});

describe('stepperToEntries', () => {
	const d = { stage: 1, seed: 11 };
	test('defaults give an empty query', () => expect(stepperToEntries(d, d)).toEqual([]));
	test('round trip', () => {
		const s = { stage: 9, seed: 5, det: 2, channel: 0, level: 3, sample: 4 };
		const q = new URLSearchParams(stepperToEntries(s, d));
		expect(parseStepperParams(q, ids).state).toEqual(s);
	});
});

describe('validateSelection', () => {
	test('keeps picks inside the trace', () => {
		const r = validateSelection({ roi: 4, det: 1, channel: 3 }, { rois: 5, dets: 2 });
		expect(r).toEqual({ selection: { roi: 4, det: 1, channel: 3 }, notices: [] });
	});
	test('drops picks beyond the trace with a notice', () => {
		const r = validateSelection({ roi: 5, det: 2 }, { rois: 5, dets: 0 });
		expect(r.selection).toEqual({});
		expect(r.notices).toHaveLength(2);
		expect(r.notices[1]).toMatch(/no objects/);
	});
});
