// `model=` in the URL: which of the shipped models (src/lib/model/models.ts) a page runs. Absent means the shipped
// Mask R-CNN, so every link made before the switcher existed opens what it always did.
import { MODELS, modelChoice, type ModelChoice } from '$lib/model/models';
import { DEFAULT_MODEL } from '$lib/model/lite';
import { field, type Field } from '$lib/url/codec';

/** The optional `model` field of a page's state (undefined = the default model). */
export function modelField<S extends { model?: string }>(): Field<S, keyof S> {
	return field<S, 'model' & keyof S>({
		key: 'model',
		// the default named outright is fine too: it is stored as "none chosen", so short links stay short
		parse: (raw) =>
			(modelChoice(raw) ? (raw === DEFAULT_MODEL ? undefined : raw) : null) as S['model' & keyof S] | null,
		format: (v) => String(v),
		expected: `one of ${MODELS.map((m) => m.id).join(', ')}`,
		fallback: () => `Using ${modelChoice(DEFAULT_MODEL)!.label}.`,
		optional: true
	});
}

/** The chosen model (the default when none is). */
export function chosenModel(id: string | undefined): ModelChoice {
	return modelChoice(id ?? DEFAULT_MODEL) ?? modelChoice(DEFAULT_MODEL)!;
}
