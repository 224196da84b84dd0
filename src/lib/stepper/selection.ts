// A selection read from the URL only means something for the trace it meets: proposal 40 does not exist when this
// scene produced 12. Out-of-range picks are dropped with a notice instead of breaking a stage.
import type { StepperSelection } from './stage-context';

export interface SelectionBounds {
	/** number of proposals (trace.proposals.boxes.length / 4) */
	rois: number;
	/** number of detections */
	dets: number;
}

export function validateSelection(
	sel: Readonly<StepperSelection>,
	bounds: SelectionBounds
): { selection: StepperSelection; notices: string[] } {
	const selection: StepperSelection = { ...sel };
	const notices: string[] = [];
	if (sel.roi !== undefined && sel.roi >= bounds.rois) {
		delete selection.roi;
		notices.push(
			`This scene has ${bounds.rois} proposals, so proposal ${sel.roi} does not exist; none is picked.`
		);
	}
	if (sel.det !== undefined && sel.det >= bounds.dets) {
		delete selection.det;
		notices.push(
			bounds.dets === 0
				? `The model found no objects in this scene, so detection ${sel.det} does not exist.`
				: `This scene has ${bounds.dets} detections (0–${bounds.dets - 1}), so detection ${sel.det} does not exist; none is picked.`
		);
	}
	return { selection, notices };
}
