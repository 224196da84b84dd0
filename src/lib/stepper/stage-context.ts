// The contract between the stepper page and its stage components: every stage gets the same props, draws the real
// trace, and reports a selection change through `select` (the page keeps the selection in the URL).
import type { MaskRcnnModel, ModelTrace } from '$lib/model/lite';
import type { Scene } from '$lib/scenes';

/** What the user has picked; every field is optional and validated by the page against the trace. */
export interface StepperSelection {
	/** index into trace.proposals (rows of trace.proposals.boxes) */
	roi?: number;
	/** index into trace.detections */
	det?: number;
	/** channel of a feature map or class channel of the mask head */
	channel?: number;
	/** FPN level 2..6 picked in a feature view */
	level?: number;
	/** seed of the heads' training sample drawn in stage 11 (1 when absent) */
	sample?: number;
}

export interface StageProps {
	/** the loaded model; null while the trace on screen is a precomputed run (no tfjs, no weights yet) */
	model: MaskRcnnModel | null;
	/** asks the page for the live model on the scene on screen (the parts that re-run the network need it) */
	goLive: () => void;
	trace: ModelTrace;
	/** the scene the model ran on; its instances are the ground truth (null for an uploaded photo) */
	scene: Scene | null;
	/** RGB HWC bytes of the original image (scene or upload) and its size */
	image: { data: Uint8Array; width: number; height: number };
	selection: StepperSelection;
	select: (patch: Partial<StepperSelection>) => void;
}
