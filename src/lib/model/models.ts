// The models the site ships (folders of static/weights/), for the switcher (`model=` in the URL). tfjs-free: the list
// is read by pages before anything loads, and a model's weights load only once it is chosen. A unit test keeps this
// list equal to the folders and their manifests.
import { DEFAULT_MODEL } from './default-model';
import type { MaskActivation, Pooler } from './manifest';

export interface ModelChoice {
	/** the folder under static/weights/ and the value of `model=` */
	id: string;
	/** what the switcher says */
	label: string;
	/** one sentence: how it differs from the shipped model */
	about: string;
	pooler: Pooler;
	maskActivation: MaskActivation;
	/** the stored runs (static/weights/<id>/traces/<preset>) this model has */
	storedRuns: readonly string[];
}

export const MODELS: readonly ModelChoice[] = [
	{
		id: DEFAULT_MODEL,
		label: 'RoIAlign, sigmoid masks (Mask R-CNN)',
		about: 'The model as the paper builds it: RoIAlign in both heads and one sigmoid mask per class.',
		pooler: 'roi_align',
		maskActivation: 'sigmoid',
		storedRuns: ['scene-2502', 'scene-2537', 'scene-2568', 'scene-2760']
	},
	{
		id: 'shapes-mrcnn-r10s-roipool',
		label: 'RoIPool (ablation)',
		about:
			'Trained the same way, but both heads pool with RoIPool (rounded boxes, max over whole cells) instead of RoIAlign.',
		pooler: 'roi_pool',
		maskActivation: 'sigmoid',
		storedRuns: ['scene-2502', 'scene-2760']
	},
	{
		id: 'shapes-mrcnn-r10s-softmax',
		label: 'Softmax masks (ablation)',
		about:
			'Trained the same way, but the mask head’s classes compete: a softmax across the class planes at every pixel instead of one sigmoid per class.',
		pooler: 'roi_align',
		maskActivation: 'softmax',
		storedRuns: ['scene-2502', 'scene-2760']
	}
];

export function modelChoice(id: string): ModelChoice | undefined {
	return MODELS.find((m) => m.id === id);
}
