// The tfjs-free entry of the model layer: what a page needs to show a precomputed trace at once and to start the
// live model later. Nothing here imports tfjs at load time (ModelSession imports the loader lazily, in load()),
// so a page importing only this file ships no tfjs chunk until the student asks for the live model.
export type {
	FeatureMap,
	ModelTrace,
	PrecomputedOrigin,
	RunPart,
	StageTimings,
	WeightsFingerprint
} from './trace';
export { RUN_PARTS } from './trace';
export type { ImageInput } from './glue';
export type { RunOptions } from './run';
export type { ArchitectureConfig, WeightsManifest } from './manifest';
export type { LoadProgress } from './load-weights';
export type { BackendChoice } from './backend';
export type { MaskRcnnModel } from './model';
export { DEFAULT_MODEL } from './default-model';
export { ModelSession, FALLBACK_SIZE, type SessionInput, type Shown } from './session.svelte';
export { LatestRun, type Disposable } from './latest-run';
export { readFeature, previewOf } from './feature-map';
export {
	loadPrecomputedTrace,
	storedRunPath,
	checkTraceWeights,
	weightsFingerprint,
	type PrecomputedImage
} from './precomputed';
export { TRACE_PRESETS, type TracePreset } from './trace-presets';
