// "The whole network in 12 steps": the landing page's overview, then the stepper's eleven stages in order, each
// with one thing to do on the live stage. The stepper is entered at /stepper and each stage picked with its tab, so
// moving between stages never reloads the page and keeps whatever scene the reader chose.
import type { Tour, TourStep } from '../types';

const stage = (id: number, step: Omit<TourStep, 'at' | 'enter'>): TourStep => ({
	at: '/stepper',
	enter: [{ click: `[data-testid="stage-tab-${id}"]` }],
	...step
});

export const WHOLE_NETWORK: Tour = {
	id: 'whole-network',
	title: 'The whole network in 12 steps',
	blurb: 'From pixels to pasted masks, one stage of the real model at a time.',
	steps: [
		{
			title: 'One picture of the network',
			at: '/',
			point: '[data-testid="overview"]',
			text: 'Each box is one stage of Mask R-CNN, drawn from a stored run of the model on this scene. A picture goes in on the left and comes out as boxes and painted masks.',
			act: { label: 'Follow one object', run: [{ click: '[data-testid="overview"] [data-detection]' }] },
			after:
				'Its path is now marked in every stage, and the caption says which pyramid level each head read it from.'
		},
		stage(1, {
			title: 'Input and transform',
			point: '[data-testid="stage-input"]',
			text: 'Before the network sees it, the picture is normalised channel by channel, resized and padded. The padding makes every side a multiple of 32, so each pyramid level halves it evenly.'
		}),
		stage(2, {
			title: 'Backbone and FPN',
			point: '[data-testid="stage-features"]',
			text: 'A ResNet turns the picture into ever coarser feature maps, and the feature pyramid mixes each with the one above it. P2 keeps fine detail, P6 sees the whole scene in a few cells.'
		}),
		stage(3, {
			title: 'Anchors',
			point: '[data-testid="stage-anchors"]',
			text: 'At every cell of every level the network places a few reference boxes of fixed sizes and shapes. It never searches for objects: it only scores and nudges these.'
		}),
		stage(4, {
			title: 'Region proposals',
			point: '[data-testid="stage-rpn"]',
			text: 'A small convolution at each cell says, for each anchor, how likely it covers an object and how to shift and stretch it. The brightest cells are where objects sit.'
		}),
		stage(5, {
			title: 'Non-maximum suppression',
			point: '[data-testid="stage-nms"] .controls:has(span.count)',
			text: 'Many shifted anchors land on the same object. Predict: which one of an overlapping group survives?',
			act: {
				label: 'Do one suppression',
				run: [{ click: '[data-testid="stage-nms"] button', text: 'next ▶' }]
			},
			after:
				'The best-scoring undecided box was kept, and every box overlapping it by more than the threshold was removed.'
		}),
		stage(6, {
			title: 'Which pyramid level',
			point: '[data-testid="stage-levels"]',
			text: 'Each proposal is pooled from one level, picked by its size: small boxes from the fine P2, large ones from coarser maps. The formula is on the stage.'
		}),
		stage(7, {
			title: 'RoIAlign',
			point: '[data-testid="stage-roi-align"]',
			text: 'Every proposal, whatever its size, becomes a fixed 7×7 grid of features. RoIAlign reads each bin at exact points, blending the four nearest cells, with no rounding of the box.'
		}),
		stage(8, {
			title: 'The box head',
			point: '[data-testid="stage-box-head"] fieldset.whatif',
			text: 'Two fully connected layers give each proposal a score per class and a refined box per class. Predict what raising the score threshold does to the detections.',
			act: {
				label: 'Raise the score threshold',
				run: [{ sweep: '[data-testid="box-head-score"]', to: 0.9 }]
			},
			after: 'Fewer detections pass: only the ones the head is surest of are left.'
		}),
		stage(9, {
			title: 'The mask head',
			point: '[data-testid="stage-mask-head"]',
			text: 'Each detection is pooled again, on a finer 14×14 grid, and a few convolutions paint a 28×28 mask for every class. Only the mask of the detected class is kept.',
			act: { label: 'Follow the next detection', run: [{ set: '#mask-head-det', value: 1 }] },
			after: 'Same head, same weights, another object: the mask follows the new shape.'
		}),
		stage(10, {
			title: 'Pasting the mask',
			point: '[data-testid="stage-paste"]',
			text: 'The 28×28 mask is stretched into its box in the picture and cut at a threshold. Predict what a higher threshold does to the mask.',
			act: {
				label: 'Sweep the threshold up',
				run: [{ sweep: '[data-testid="stage-paste"] input[type="range"]', to: 0.9 }]
			},
			after: 'The mask shrinks to the pixels the head is surest of, mostly losing its edges.'
		}),
		stage(11, {
			title: 'How it learns',
			point: '[data-testid="stage-training"]',
			text: 'In training, each anchor and proposal is labelled by its overlap with the true boxes, a balanced sample is drawn, and the losses pull the scores, boxes and masks toward the truth. That is the whole network.'
		})
	]
};
