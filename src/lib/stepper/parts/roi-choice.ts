// Which proposal the RoI stages show, and the shortcuts the picker offers (the proposals the detections came from).

/**
 * The proposal to show: the selection if it is a valid row, else the proposal behind the best detection (the RoI
 * the rest of the pipeline cares most about), else the RPN's most confident proposal (row 0); −1 when there are none.
 */
export function resolveRoi(
	selected: number | undefined,
	proposalCount: number,
	detectionProposals: ArrayLike<number>
): number {
	if (proposalCount <= 0) return -1;
	if (selected !== undefined && Number.isInteger(selected) && selected >= 0 && selected < proposalCount)
		return selected;
	const d = detectionProposals.length ? detectionProposals[0] : 0;
	return d >= 0 && d < proposalCount ? d : 0;
}

export interface DetectionShortcut {
	/** 0-based detection index */
	det: number;
	proposal: number;
	label: number;
	score: number;
}

/** One shortcut per detection, in detection order (by decreasing score). */
export function detectionShortcuts(
	proposalIndex: ArrayLike<number>,
	labels: ArrayLike<number>,
	scores: ArrayLike<number>
): DetectionShortcut[] {
	return Array.from({ length: proposalIndex.length }, (_, det) => ({
		det,
		proposal: proposalIndex[det],
		label: labels[det],
		score: scores[det]
	}));
}

/** Row `i` of a flat [N·4] box array. */
export function boxAt(boxes: Float32Array, i: number): [number, number, number, number] {
	return [boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]];
}
