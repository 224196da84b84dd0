// "RoIPool → RoIAlign on a real object": the rounding seen on a feature map, then on a real detection's mask, then
// in the measured table. The box lies on the picture's circle, its edges at 3.5 and 14.5 cells (stride 16), so that half a cell right
// leaves RoIPool's rounded box where it was and the next half cell moves it by a whole cell.
import type { Tour } from '../types';

const slide = (by: number) => [
	// the right edge first, so the box never turns inside out on the way
	{ nudge: '[data-testid="box-x2"]', by },
	{ nudge: '[data-testid="box-x1"]', by }
];

export const ROIPOOL_TO_ROIALIGN: Tour = {
	id: 'roipool-to-roialign',
	title: 'RoIPool → RoIAlign on a real object',
	blurb: 'What rounding a box to whole cells does, first on a feature map, then to a real mask.',
	steps: [
		{
			title: 'Two poolers, one box',
			at: '/compare?box=56,168,232,328&stride=16&out=7&map=image',
			point: '[data-testid="compare-panel"] .outs',
			text: 'Both sides pool the same box from the same feature map into a 7×7 grid: RoIPool on the left, RoIAlign on the right. Predict: if the box slides right by half a cell, which output changes?',
			act: { label: 'Slide the box half a cell right', run: slide(8) },
			after:
				'Only RoIAlign’s numbers changed. RoIPool rounded both edges to the same whole cells as before, so it read exactly the same cells.'
		},
		{
			title: 'Another half cell',
			at: '/compare?box=64,168,240,328&stride=16&out=7&map=image',
			point: '[data-testid="compare-pool-output"]',
			text: 'Slide it by the same half cell once more and watch RoIPool’s table.',
			act: { label: 'Slide it again', run: slide(8) },
			after:
				'Now RoIPool jumps by a whole cell at once. RoIAlign followed the box smoothly all along; RoIPool moves in steps of a cell, up to half a cell away from where the box really is.'
		},
		{
			title: 'Where RoIAlign samples',
			at: '/compare?box=72,168,248,328&stride=16&out=7&map=image',
			point: '[data-testid="roi-box-align"]',
			text: 'RoIAlign reads each bin at a few exact points, blending the four cells around each. With aligned=False, as in torchvision’s Mask R-CNN, those points sit half a cell right of and below the box you drew.',
			act: { label: 'Tick aligned', run: [{ check: '[data-testid="aligned"]', value: true }] },
			after:
				'The points move half a cell up and left, onto the box itself. The model on this site was trained with aligned=False, as torchvision’s was, and keeps that offset.'
		},
		{
			title: 'On a real object',
			at: '/stepper?stage=7',
			enter: [{ click: '[data-testid="stage-tab-7"]' }],
			point: '[data-testid="mask-misalignment"]',
			text: 'Now the real model on a real detection: the same box goes through the same mask head twice, pooled with RoIAlign as it was trained, and with RoIPool’s rounded grid.',
			act: {
				label: 'Pool it both ways',
				run: [
					{ click: '[data-testid="mask-misalignment"] button', text: 'Run the live model', optional: true }
				]
			},
			after:
				'The colours are the pixels only one of the two masks covers, over the object’s true outline. The IoU under the picture says which mask fits the object.'
		},
		{
			title: 'Trained both ways',
			at: '/table-2',
			point: '[data-testid="model-compare"]',
			text: 'A network trained with RoIPool from the start learns to live with the rounding, up to a point. These are three versions of our model, trained the same way except for one part, on the same scene.'
		},
		{
			title: 'The measured table',
			at: '/table-2',
			point: '[data-testid="table-2c"]',
			text: 'Measured on every held-out scene: compare the AP50 and AP75 columns. A shifted mask still finds the object, but fails a strict overlap test.'
		}
	]
};
