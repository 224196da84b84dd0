// Live answers about training targets (the "How the RPN learns" tutorial), from the same ops and scenes as the
// training-targets panel beside them: what an anchor is labelled, what happens to a box no anchor covers, how many
// positives a sample holds, which mask channel a RoI trains.
import { CLASS_NAMES, generateScene, mulberry32 } from '$lib/scenes';
import { roiTargets } from '$lib/ops';
import { parseTargetsParams } from '$lib/panels/targets/targets-state';
import {
	anchorAt,
	anchorKind,
	gtBoxesOf,
	gtOfState,
	targetsView,
	type TargetsView
} from '$lib/panels/targets/targets-view';
import { parseBox, parseNumber } from '$lib/url/grammar';
import { paramsOf } from '$lib/url/query';
import { fmt } from '$lib/ui/format';
import type { AnswerParams, LiveAnswer } from './live-answers';

/** The sandbox state a question's attributes describe (the panel's URL parameters), strictly. */
function viewOf(name: string, p: AnswerParams): { view: TargetsView; level: number } {
	const { state, notices } = parseTargetsParams(paramsOf(p));
	if (notices.length) throw new Error(`${name}: ${notices.join(' ')}`);
	const view = targetsView(gtBoxesOf(gtOfState(state)), {
		high: state.high,
		low: state.low,
		sampleSeed: state.sample
	});
	return { view, level: state.level };
}

function point(name: string, p: AnswerParams): [number, number] {
	const parts = (p.at ?? '').split(',').map(parseNumber);
	if (parts.length !== 2 || parts.some((v) => v === null))
		throw new Error(`${name}: at must be "x,y" in scene pixels, got "${p.at ?? ''}"`);
	return parts as [number, number];
}

export const TARGET_ANSWERS: Record<string, (p: AnswerParams) => LiveAnswer> = {
	/** The label of the anchor a click at `at` picks on `level` (positive counts rescues): positive | negative | ignored. */
	'anchor-label': (p) => {
		const { view, level } = viewOf('anchor-label', p);
		const [x, y] = point('anchor-label', p);
		const a = anchorAt(view, level, x, y);
		const kind = anchorKind(view, a);
		const label = kind === 'rescued' ? 'positive' : kind;
		return {
			value: label,
			text: label,
			how: `its best IoU with a ground-truth box is ${fmt(view.targets.bestIou[a], 3)}${kind === 'rescued' ? ', below the high threshold, but it is that box’s best anchor' : ''}`
		};
	},
	/** What the matcher does with the first box when no anchor reaches the high threshold. */
	rescue: (p) => {
		const { view } = viewOf('rescue', p);
		const g = view.perGt[0];
		if (!g) throw new Error('rescue: give at least one box (boxes="x1,y1,x2,y2")');
		const rescued = !g.reachesHigh && view.counts.rescued > 0;
		const text = g.reachesHigh
			? 'some anchor reaches the threshold'
			: rescued
				? 'its best anchor becomes positive anyway'
				: 'it gets no positive anchor';
		return { value: text, text, how: `its best anchor overlaps it with IoU ${fmt(g.best, 3)}` };
	},
	/** How many positives the 256-anchor sample of the scene holds. */
	'sample-positives': (p) => {
		const { view } = viewOf('sample-positives', p);
		const n = view.counts.sampledPositive;
		const all = view.counts.positive + view.counts.rescued;
		return {
			value: n,
			text: String(n),
			how: `the scene has ${all} positive anchors, fewer than the 128 a sample may take, so all of them are in it; ${view.counts.sampledNegative} negatives fill the rest`
		};
	},
	/** The mask-logit channel that learns from a RoI: the class of the ground-truth box it is matched to. */
	'mask-channel': (p) => {
		const seed = Number(p.seed ?? '11');
		const roi = parseBox(p.roi ?? '', 512, true);
		if (!roi)
			throw new Error(
				`mask-channel: roi must be "x1,y1,x2,y2" inside the 512 px scene, got "${p.roi ?? ''}"`
			);
		const scene = generateScene(seed);
		const t = roiTargets(
			Float32Array.from(roi),
			{
				boxes: gtBoxesOf(scene.instances.map((i) => i.box)),
				labels: Int32Array.from(scene.instances.map((i) => i.label))
			},
			{ random: mulberry32(1).next }
		);
		const label = t.labels[0];
		const name = label > 0 ? CLASS_NAMES[label] : 'none: it is background';
		return {
			value: name,
			text: name,
			how: `its best IoU with a true box is ${fmt(t.bestIou[0], 3)} (≥ 0.5 makes it a positive of that box's class); only that class's 28×28 plane gets a mask loss`
		};
	}
};
