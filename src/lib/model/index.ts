// Public surface of the browser model (tfjs). Knows nothing of pictures. Pages that must not load tfjs before the
// student asks for the live model import './lite' instead: everything of it is here too, plus what needs tfjs.
export * from './lite';
export { MaskRcnnModel } from './model';
export { chooseBackend, tensorCount, type BackendChoice, type BackendOptions } from './backend';
export { backendOnce, loadModelOnce } from './loader';
export { runHeadsOnBoxes, type HeadsOnBoxes } from './heads-on-boxes';
export { readFpnPathway, type FpnPathwayMaps } from './fpn-pathway';
