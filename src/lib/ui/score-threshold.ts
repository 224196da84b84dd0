// The score a detections picture shows from: 0.5 by default (what a student expects "a detection" to mean), moved in
// steps of 0.05 between 0.05 (everything the box head kept) and 0.95. A view of the trace only: the model still keeps
// every detection above its own 0.05. As a URL field (`score=`) for pages that share it; old links without it mean 0.5.
import { field, type Field } from '$lib/url/codec';
import { parseNumber } from '$lib/url/grammar';

export const SCORE_MIN = 0.05;
export const SCORE_MAX = 0.95;
export const SCORE_STEP = 0.05;
export const SCORE_DEFAULT = 0.5;

const STEPS = Math.round(1 / SCORE_STEP); // 20: a score is k / 20

/** The nearest allowed score (on the 0.05 grid, within [SCORE_MIN, SCORE_MAX]); a slider's value may drift (0.15000000000000002). */
export function snapScore(v: number): number {
	if (!Number.isFinite(v)) throw new Error(`snapScore: the score must be a finite number, got ${v}`);
	const k = Math.min(
		Math.round(SCORE_MAX * STEPS),
		Math.max(Math.round(SCORE_MIN * STEPS), Math.round(v * STEPS))
	);
	return k / STEPS;
}

/** A score as typed in a link: a plain decimal on the 0.05 grid from 0.05 to 0.95, or null. */
export function parseScore(raw: string): number | null {
	const v = parseNumber(raw.trim());
	if (v === null) return null;
	const k = Math.round(v * STEPS);
	if (Math.abs(v * STEPS - k) > 1e-6) return null;
	const s = k / STEPS;
	return s >= SCORE_MIN - 1e-9 && s <= SCORE_MAX + 1e-9 ? s : null;
}

/** Shortest decimal of an allowed score: 0.5, 0.35. */
export function formatScore(v: number): string {
	return String(Math.round(v * 100) / 100);
}

/** The score threshold as a URL field (`score=`), absent from short links at its default. */
export function scoreField<S extends { score: number }>(): Field<S, keyof S> {
	return field<S, 'score' & keyof S>({
		key: 'score',
		parse: (raw) => parseScore(raw) as S['score' & keyof S] | null,
		format: (v) => formatScore(v as number),
		expected: `a score from ${SCORE_MIN} to ${SCORE_MAX} in steps of ${SCORE_STEP}`,
		fallback: (d) => `Showing scores ≥ ${formatScore(d.score)}.`
	});
}
