// Public surface of the browser model (tfjs). Knows nothing of pictures.
export { MaskRcnnModel } from './model';
export { chooseBackend, tensorCount, type BackendChoice, type BackendOptions } from './backend';
export { readFeature, type ImageInput, type RunOptions } from './run';
export type { ModelTrace, StageTimings } from './trace';
export type { WeightsManifest, ArchitectureConfig } from './manifest';
export type { LoadProgress } from './load-weights';
export { DEFAULT_MODEL, backendOnce, loadModelOnce } from './loader';
export { runHeadsOnBoxes, type HeadsOnBoxes } from './heads-on-boxes';
export { readFpnPathway, type FpnPathwayMaps } from './fpn-pathway';
export { ModelSession, FALLBACK_SIZE, type SessionInput, type Shown } from './session.svelte';
export { LatestRun, type Disposable } from './latest-run';
