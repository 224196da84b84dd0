// Public surface of the browser model (tfjs). Knows nothing of pictures. Pages that must not load tfjs before the
// student asks for the live model import './lite' instead (the same types, the session, precomputed traces).
export { MaskRcnnModel } from './model';
export { chooseBackend, tensorCount, type BackendChoice, type BackendOptions } from './backend';
export { readFeature, type ImageInput, type RunOptions } from './run';
export { previewOf } from './feature-map';
export {
	RUN_PARTS,
	type FeatureMap,
	type ModelTrace,
	type PrecomputedOrigin,
	type RunPart,
	type StageTimings,
	type WeightsFingerprint
} from './trace';
export type { WeightsManifest, ArchitectureConfig } from './manifest';
export type { LoadProgress } from './load-weights';
export { DEFAULT_MODEL, backendOnce, loadModelOnce } from './loader';
export { runHeadsOnBoxes, type HeadsOnBoxes } from './heads-on-boxes';
export { readFpnPathway, type FpnPathwayMaps } from './fpn-pathway';
export { ModelSession, FALLBACK_SIZE, type SessionInput, type Shown } from './session.svelte';
export { LatestRun, type Disposable } from './latest-run';
export {
	loadPrecomputedTrace,
	checkTraceWeights,
	weightsFingerprint,
	type PrecomputedImage
} from './precomputed';
export { TRACE_PRESETS, type TracePreset } from './trace-presets';
