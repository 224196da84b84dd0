// The scenes the comparison can show: presets every model of the switcher has a stored run of.
import { TRACE_PRESETS, type TracePreset } from '$lib/model/lite';
import { MODELS, type ModelChoice } from '$lib/model/models';

export const SHARED_SCENES: readonly TracePreset[] = TRACE_PRESETS.filter((p) =>
	MODELS.every((m) => m.storedRuns.includes(p.id))
);

/** The part a model changes, in a word or two: the column heads of the comparison. */
export function shortName(m: ModelChoice): string {
	if (m.maskActivation === 'softmax') return 'softmax masks';
	return m.pooler === 'roi_pool' ? 'RoIPool' : 'RoIAlign';
}
