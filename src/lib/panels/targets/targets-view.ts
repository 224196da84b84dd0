// What the training-targets sandbox draws, from the ops alone: the model's anchors on a 512 px scene, each labelled by
// torchvision's matcher (positive / negative / ignored, and which positives only the low-quality rule made), the
// balanced 256-anchor sample, and one anchor's regression target.
import {
	anchorLevels,
	generateAnchors,
	rpnTargets,
	type AnchorLevel,
	type AnchorOptions,
	type RpnTargets
} from '$lib/ops';
import { generateScene, mulberry32 } from '$lib/scenes';
import type { Box } from '$lib/ui/box';
import type { TargetsState } from './targets-state';

/** The shipped model's anchor generator (the manifest's `anchor_sizes` and `aspect_ratios`; a test keeps them equal). */
export const MODEL_ANCHORS = { sizes: [16, 32, 64, 128, 256], aspectRatios: [0.5, 1.0, 2.0] } as const;
export const SCENE_SIZE = 512;

/** Anchors for a `size` px square input: P2–P6 at strides 4–64, one size per level, three ratios each. */
export function anchorOptions(size = SCENE_SIZE): AnchorOptions {
	return {
		imageSize: [size, size],
		featureSizes: [2, 3, 4, 5, 6].map((k) => [Math.ceil(size / 2 ** k), Math.ceil(size / 2 ** k)]),
		sizes: MODEL_ANCHORS.sizes.map((s) => [s]),
		aspectRatios: MODEL_ANCHORS.sizes.map(() => [...MODEL_ANCHORS.aspectRatios])
	};
}

export type AnchorKind = 'positive' | 'rescued' | 'ignored' | 'negative';

/** Colours of the labels, drawn over the scene pictures (which look the same in light and dark mode). */
export const KIND_COLORS: Record<AnchorKind, string> = {
	positive: '#16a34a',
	rescued: '#d946ef',
	ignored: '#f59e0b',
	negative: 'rgba(15, 23, 42, 0.35)'
};

export interface TargetsView {
	levels: AnchorLevel[];
	anchors: Float32Array;
	targets: RpnTargets;
	/** per anchor: positive only because it is some gt's best anchor (torchvision's low-quality rule) */
	rescued: Uint8Array;
	/** per anchor: in the 256-anchor sample */
	sampled: Uint8Array;
	/** per gt: its best IoU over all anchors, and whether any anchor reaches the high threshold */
	perGt: { best: number; reachesHigh: boolean }[];
	counts: Record<AnchorKind, number> & { sampledPositive: number; sampledNegative: number };
}

export function anchorKind(v: TargetsView, a: number): AnchorKind {
	const l = v.targets.labels[a];
	if (l === 1) return v.rescued[a] ? 'rescued' : 'positive';
	return l === -1 ? 'ignored' : 'negative';
}

/** Labels every anchor against `gt` ([M·4]) with thresholds high/low, and samples 256 with `sampleSeed`. */
export function targetsView(
	gt: Float32Array,
	opts: { high: number; low: number; sampleSeed: number; size?: number }
): TargetsView {
	const ao = anchorOptions(opts.size);
	const levels = anchorLevels(ao);
	const anchors = generateAnchors(ao);
	const n = anchors.length / 4;
	const targets = rpnTargets(anchors, gt, {
		highThreshold: opts.high,
		lowThreshold: opts.low,
		random: mulberry32(opts.sampleSeed).next
	});
	const rescued = new Uint8Array(n);
	const perGt: TargetsView['perGt'] = [];
	const t = targets.matcher;
	if (t) {
		// the matcher compares in float32, so must "reaches high" here
		const high = Math.fround(opts.high);
		for (let a = 0; a < n; a++) if (t.lowQuality[a] && !(t.bestQuality[a] >= high)) rescued[a] = 1;
		for (const best of t.highestPerGt) perGt.push({ best, reachesHigh: best >= high });
	}
	const sampled = new Uint8Array(n);
	for (const a of targets.sampled) sampled[a] = 1;
	const counts = { positive: 0, rescued: 0, ignored: 0, negative: 0, sampledPositive: 0, sampledNegative: 0 };
	const view: TargetsView = { levels, anchors, targets, rescued, sampled, perGt, counts };
	for (let a = 0; a < n; a++) counts[anchorKind(view, a)]++;
	counts.sampledPositive = targets.positive.length;
	counts.sampledNegative = targets.negative.length;
	return view;
}

/** The anchors of pyramid level k (2..6) as a range of rows. */
export function levelRange(v: TargetsView, k: number): { level: AnchorLevel; start: number; end: number } {
	const level = v.levels[k - 2];
	return { level, start: level.offset, end: level.offset + level.count };
}

/**
 * The anchor of level k a click at (x, y) means: of the anchors centred at the nearest grid location, the one that
 * overlaps a ground-truth box most (so a click on an object picks the anchor that learns from it).
 */
export function anchorAt(v: TargetsView, k: number, x: number, y: number): number {
	const { level } = levelRange(v, k);
	const [gh, gw] = level.gridSize;
	const [sy, sx] = level.stride;
	const row = Math.min(Math.max(Math.round(y / sy), 0), gh - 1);
	const col = Math.min(Math.max(Math.round(x / sx), 0), gw - 1);
	const first = level.offset + (row * gw + col) * level.anchorsPerLocation;
	let best = first;
	for (let a = first; a < first + level.anchorsPerLocation; a++)
		if (v.targets.bestIou[a] > v.targets.bestIou[best]) best = a;
	return best;
}

/** The ground-truth boxes of a scene's instances, flat [M·4]. */
export function gtBoxesOf(boxes: readonly (readonly number[])[]): Float32Array {
	const out = new Float32Array(boxes.length * 4);
	boxes.forEach((b, i) => out.set(b.slice(0, 4), 4 * i));
	return out;
}

/** The ground-truth boxes a state means: the moved ones, or its scene's own. */
export function gtOfState(s: Readonly<TargetsState>): Box[] {
	return s.boxes ?? generateScene(s.seed).instances.map((i) => [...i.box] as Box);
}

/** How many anchors of each level are positive (rescues included): where in the pyramid the objects are learnt. */
export function positivesPerLevel(v: TargetsView): number[] {
	return v.levels.map((l) => {
		let n = 0;
		for (let a = l.offset; a < l.offset + l.count; a++) if (v.targets.labels[a] === 1) n++;
		return n;
	});
}
