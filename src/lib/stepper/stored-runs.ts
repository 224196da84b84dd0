// Which inputs have a stored run of the real model (static/weights/<model>/traces, made by `npm run traces`): a seed's own scene,
// unedited, whose seed is a preset. The stepper shows that at once and loads tfjs only when the student asks for
// the live model or changes the picture.
import { TRACE_PRESETS, type TracePreset } from '$lib/model/lite';
import type { ModelChoice } from '$lib/model/models';
import type { StepperInput } from './input/stepper-input';

/** The preset for this input that `model` has a stored run of (every model has the landing scene's). */
export function storedRunFor(input: StepperInput, model?: ModelChoice): TracePreset | null {
	if (input.origin.kind !== 'seed') return null;
	const seed = input.origin.seed;
	const preset = TRACE_PRESETS.find((p) => p.seed === seed) ?? null;
	return preset && (!model || model.storedRuns.includes(preset.id)) ? preset : null;
}
