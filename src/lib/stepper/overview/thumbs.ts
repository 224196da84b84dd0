// What each overview node draws, as plain data: a scene picture with boxes, a heat plane, or a few bars. The
// component only paints these; the numbers come from the trace, the objectness grid from the RPN stage's view and
// the pooled grid from the ops (overview-view.ts).
import type { Tensor } from '$lib/ops';
import { classColorCss } from '$lib/ui/colors';
import type { ModelTrace } from '$lib/model/lite';
import type { Box4 } from '../stages/anchors/anchor-view';
import { levelHistogram } from '../stages/levels/level-view';
import { objectnessGrid } from '../stages/rpn/rpn-view';
import { pooledPreview, type FollowPath, type OverviewSlug } from './overview-view';

export interface ThumbBox {
	box: Box4;
	/** the followed object's part (drawn bold), or context (thin) */
	on: boolean;
	/** a class label (its colour) or a pyramid level (`level`) */
	label?: number;
	level?: number;
	dashed?: boolean;
}

export type Thumb =
	| {
			kind: 'scene';
			/** the frame the boxes are in: resized-image pixels, padded where anchors reach the padding */
			frame: [number, number];
			/** where the picture lies in the frame (the resized, unpadded size) */
			content: [number, number];
			boxes: ThumbBox[];
			/** blend the pasted masks of these detections over the picture */
			masks?: number[];
	  }
	| {
			kind: 'heat';
			plane: Float32Array;
			width: number;
			height: number;
			/** a mark in the plane's cells: a box or a single cell */
			mark?: Box4;
			caption: string;
	  }
	| { kind: 'bars'; bars: { label: string; value: number; on: boolean; color: string }[]; max: number }
	| { kind: 'none'; text: string };

/** One preview channel per level, as read from the trace's feature maps (P2..P6). */
export type Previews = ({ channel: number; map: Tensor } | undefined)[];

const CONTEXT_BOXES = 24;

function proposalBoxes(t: ModelTrace, upTo: number): ThumbBox[] {
	const out: ThumbBox[] = [];
	const b = t.proposals.boxes;
	for (let i = 0; i < Math.min(upTo, b.length / 4); i++)
		out.push({ box: [b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]], on: false });
	return out;
}

export function thumbFor(
	slug: OverviewSlug,
	t: ModelTrace,
	path: FollowPath | null,
	previews: Previews,
	shown: number[]
): Thumb {
	const [h, w] = t.input.imageSize;
	const [hp, wp] = t.input.paddedSize;
	const none = (text: string): Thumb => ({ kind: 'none', text });
	switch (slug) {
		case 'input':
			return { kind: 'scene', frame: [w, h], content: [w, h], boxes: [] };
		case 'features': {
			const k = path?.poolLevel ?? 2;
			const pv = previews[k - 2];
			if (!pv) return none('reading…');
			const [, , fh, fw] = pv.map.shape;
			const s = fw / wp;
			const mark = path ? (path.proposalBox.map((v) => v * s) as Box4) : undefined;
			return {
				kind: 'heat',
				plane: pv.map.data,
				width: fw,
				height: fh,
				mark,
				caption: `P${k} ch ${pv.channel}`
			};
		}
		case 'anchors':
			if (!path) return { kind: 'scene', frame: [wp, hp], content: [w, h], boxes: [] };
			return {
				kind: 'scene',
				frame: [wp, hp],
				content: [w, h],
				boxes: [{ box: path.anchorBox, on: true, level: path.rpnLevel, dashed: true }]
			};
		case 'rpn': {
			const k = path?.rpnLevel ?? 2;
			const level = t.rpn.levels[k - 2];
			if (!level || t.rpn.logits.length === 0) return none('no RPN output');
			const [gh, gw] = level.gridSize;
			let mark: Box4 | undefined;
			if (path) {
				const cell = Math.floor((path.anchor - level.offset) / level.anchorsPerLocation);
				const r = Math.floor(cell / gw);
				const c = cell % gw;
				mark = [c, r, c + 1, r + 1];
			}
			const plane = objectnessGrid(t.rpn.logits, level, 'max', 'logit');
			return { kind: 'heat', plane, width: gw, height: gh, mark, caption: `P${k} logits` };
		}
		case 'nms': {
			const boxes = proposalBoxes(t, CONTEXT_BOXES);
			if (path) boxes.push({ box: path.proposalBox, on: true, level: path.poolLevel });
			return boxes.length ? { kind: 'scene', frame: [w, h], content: [w, h], boxes } : none('no proposals');
		}
		case 'levels': {
			const rows = levelHistogram(t.proposalLevels);
			return {
				kind: 'bars',
				max: Math.max(1, ...rows.map((r) => r.count)),
				bars: rows.map((r) => ({
					label: `P${r.level}`,
					value: r.count,
					on: path?.poolLevel === r.level,
					color: `var(--level-${r.level})`
				}))
			};
		}
		case 'roi-align': {
			if (!path) return none('no detection');
			const pv = previews[path.poolLevel - 2];
			if (!pv) return none('reading…');
			const pooled = pooledPreview(pv.map, path.proposalBox, path.poolLevel);
			return { kind: 'heat', plane: pooled.data, width: 7, height: 7, caption: `7×7, ch ${pv.channel}` };
		}
		case 'box-head': {
			if (!path) return none('no detection');
			return {
				kind: 'bars',
				max: 1,
				bars: path.classProbs.map((p, c) => ({
					label: c === 0 ? 'bg' : t.classNames[c],
					value: p,
					on: c === path.label,
					color: c === 0 ? 'var(--fg-muted)' : classColorCss(c)
				}))
			};
		}
		case 'mask-head': {
			if (!path) return none('no detection');
			const m = t.masks.probs.shape[2];
			const plane = t.masks.probs.data.subarray(path.det * m * m, (path.det + 1) * m * m);
			return { kind: 'heat', plane, width: m, height: m, caption: `${t.classNames[path.label]} channel` };
		}
		case 'paste':
			return {
				kind: 'scene',
				frame: [w, h],
				content: [w, h],
				boxes: path ? [{ box: path.box, on: true, label: path.label }] : [],
				masks: shown
			};
	}
}
