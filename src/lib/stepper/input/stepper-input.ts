// What the stepper hands the model: a scene (with its ground truth) or an uploaded picture.
import type { Scene } from '$lib/scenes';
import type { RgbImage } from './decode-image';

export interface StepperInput {
	/** null for an upload: no ground truth */
	scene: Scene | null;
	image: RgbImage;
	/** what it is, in words, for the status line */
	label: string;
	/** a seed's own scene (a stored run may exist for it), an edited scene, or an upload (never leaves the device) */
	origin: { kind: 'seed'; seed: number } | { kind: 'drawn' } | { kind: 'upload' };
}
