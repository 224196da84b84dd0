// The stepper's stages as data: order, URL id, names, what each needs from the trace, and the component that draws
// its body. The page derives everything (navigation, prev/next, embeds, the frame's heading and empty-state notice)
// from this list, so adding a stage is one folder under stages/ and one entry here.
import type { Component } from 'svelte';
import type { RunPart } from '$lib/model/lite';
import type { StageProps } from './stage-context';
import StageInput from './stages/input/StageInput.svelte';
import StageFeatures from './stages/features/StageFeatures.svelte';
import StageAnchors from './stages/anchors/StageAnchors.svelte';
import StageRpn from './stages/rpn/StageRpn.svelte';
import StageNms from './stages/nms/StageNms.svelte';
import StageLevels from './stages/levels/StageLevels.svelte';
import StageRoiAlign from './stages/roi-align/StageRoiAlign.svelte';
import StageBoxHead from './stages/box-head/StageBoxHead.svelte';
import StageMaskHead from './stages/mask-head/StageMaskHead.svelte';
import StagePaste from './stages/paste/StagePaste.svelte';
import StageTraining from './stages/training/StageTraining.svelte';

export interface StageDef {
	/** the number in the URL (stage=N) and on the progress bar; stable even if a stage is missing */
	id: number;
	slug: string;
	title: string;
	/** a word or two for the progress bar */
	short: string;
	/** what the body cannot draw without: with none in the trace, the frame says so instead */
	needs?: 'proposals' | 'detections';
	/** the part of a run it draws from: it appears as soon as a live run has finished that part */
	part: RunPart;
	component: Component<StageProps>;
}

export const STAGES: readonly StageDef[] = [
	{ id: 1, slug: 'input', part: 'input', title: 'Input & transform', short: 'Input', component: StageInput },
	{
		id: 2,
		slug: 'features',
		part: 'network',
		title: 'Backbone & FPN',
		short: 'Features',
		component: StageFeatures
	},
	{ id: 3, slug: 'anchors', part: 'proposals', title: 'Anchors', short: 'Anchors', component: StageAnchors },
	{
		id: 4,
		slug: 'rpn',
		part: 'proposals',
		title: 'Region proposal network',
		short: 'RPN',
		component: StageRpn
	},
	{
		id: 5,
		slug: 'nms',
		part: 'proposals',
		title: 'Non-maximum suppression',
		short: 'NMS',
		needs: 'proposals',
		component: StageNms
	},
	{
		id: 6,
		slug: 'levels',
		part: 'proposals',
		title: 'FPN level choice',
		short: 'Levels',
		needs: 'proposals',
		component: StageLevels
	},
	{
		id: 7,
		slug: 'roi-align',
		part: 'proposals',
		title: 'RoIAlign on a real RoI',
		short: 'RoIAlign',
		needs: 'proposals',
		component: StageRoiAlign
	},
	{
		id: 8,
		slug: 'box-head',
		part: 'boxHead',
		title: 'Box head',
		short: 'Box head',
		needs: 'proposals',
		component: StageBoxHead
	},
	{
		id: 9,
		slug: 'mask-head',
		part: 'maskHead',
		title: 'Mask head: sigmoid vs softmax',
		short: 'Mask head',
		needs: 'detections',
		component: StageMaskHead
	},
	{
		id: 10,
		slug: 'paste',
		part: 'maskHead',
		title: 'Paste & threshold',
		short: 'Paste',
		needs: 'detections',
		component: StagePaste
	},
	{
		id: 11,
		slug: 'training',
		part: 'maskHead',
		title: 'Training view',
		short: 'Training',
		needs: 'proposals',
		component: StageTraining
	}
];

/** Each part of a run in words, for "Running the box head… (done: …)". */
export const PART_NAMES: Record<RunPart, string> = {
	input: 'the input transform',
	network: 'the backbone and FPN',
	proposals: 'the RPN and NMS',
	boxHead: 'the box head',
	maskHead: 'the mask head'
};

export const STAGE_IDS: readonly number[] = STAGES.map((s) => s.id);
