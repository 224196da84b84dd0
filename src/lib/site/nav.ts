import type { Pathname } from '$app/types';

/** The site's pages, the live network first (a newcomer starts there); the header and the landing page list them. */
export interface NavItem {
	path: Pathname;
	title: string;
	blurb: string;
}

export const NAV: NavItem[] = [
	{
		path: '/stepper',
		title: 'Model stepper',
		blurb:
			'Walk through a real Mask R-CNN running in your browser, stage by stage, on a scene you can draw yourself.'
	},
	{
		path: '/model',
		title: 'Live model',
		blurb: 'Run the network on a scene of your own or a photo, and see every detection and mask it finds.'
	},
	{
		path: '/compare',
		title: 'RoIPool vs RoIAlign',
		blurb: 'Both ops on the same box: outputs, difference, and which input cells each output reads.'
	},
	{
		path: '/table-2',
		title: 'Table 2, reproduced',
		blurb:
			'The same network trained with RoIPool and with RoIAlign: their masks on one scene, and the measured AP beside the paper’s.'
	},
	{
		path: '/roi-pool',
		title: 'RoIPool',
		blurb: 'A box rounded twice: see each rounding, the uneven bins and how many pixels they cost.'
	},
	{
		path: '/roi-align',
		title: 'RoIAlign',
		blurb: 'No rounding: sampling points, bilinear weights, border rules and the aligned half-pixel shift.'
	},
	{
		path: '/fpn-levels',
		title: 'FPN levels',
		blurb:
			'Draw boxes and see which pyramid level (P2–P5) each is pooled from, and where rounding would disagree.'
	},
	{
		path: '/training-targets',
		title: 'Training targets',
		blurb:
			'How the RPN picks its training examples: every anchor labelled positive, negative or ignored, the low-quality rule, the 256-anchor sample.'
	},
	{
		path: '/tutorials',
		title: 'Tutorials',
		blurb:
			'Notebook-style lessons with live panels, questions that ask for your prediction first, and PyTorch code for every number.'
	}
];
