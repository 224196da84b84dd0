import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { boxIou, matcher, type AnchorLevel } from '../../../src/lib/ops';
import { generateScene } from '../../../src/lib/scenes';
import {
	TARGETS_DEFAULTS,
	parseTargetsParams,
	targetsToEntries
} from '../../../src/lib/panels/targets/targets-state';
import { regressionTex } from '../../../src/lib/panels/targets/targets-tex';
import {
	MODEL_ANCHORS,
	anchorAt,
	anchorKind,
	gtBoxesOf,
	levelRange,
	targetsView
} from '../../../src/lib/panels/targets/targets-view';
import { expectParts } from '../../helpers/expect-parts';

const manifest = JSON.parse(readFileSync('static/weights/shapes-mrcnn-r10s/manifest.json', 'utf8'));
const scene = generateScene(11);
const gt = gtBoxesOf(scene.instances.map((i) => i.box));
const opts = { high: 0.7, low: 0.3, sampleSeed: 1 };

describe('the sandbox labels anchors exactly as the matcher does', () => {
	const v = targetsView(gt, opts);
	test('anchors are the shipped model’s (its manifest’s sizes and ratios), on P2..P6 of a 512 px scene', () => {
		expect([...MODEL_ANCHORS.sizes]).toEqual(manifest.architecture.anchor_sizes);
		expect([...MODEL_ANCHORS.aspectRatios]).toEqual(manifest.architecture.aspect_ratios);
		expect(v.levels.map((l: AnchorLevel) => l.gridSize[0])).toEqual([128, 64, 32, 16, 8]);
	});
	test('every anchor’s kind is what matcher(boxIou(gt, anchors)) says, and the rescues are exactly its low-quality matches', () => {
		const n = v.anchors.length / 4;
		const withRescue = matcher(
			{ shape: [gt.length / 4, n], data: boxIou(gt, v.anchors) },
			{ highThreshold: 0.7, lowThreshold: 0.3, allowLowQualityMatches: true }
		);
		const without = matcher(
			{ shape: [gt.length / 4, n], data: boxIou(gt, v.anchors) },
			{ highThreshold: 0.7, lowThreshold: 0.3, allowLowQualityMatches: false }
		);
		let rescued = 0;
		for (let a = 0; a < n; a++) {
			const kind = anchorKind(v, a);
			if (withRescue[a] >= 0) expect(kind === 'positive' || kind === 'rescued').toBe(true);
			else expect(kind).toBe(withRescue[a] === -2 ? 'ignored' : 'negative');
			if (kind === 'rescued') {
				rescued++;
				expect(without[a]).toBeLessThan(0); // only the rule made it positive
			}
		}
		expect(rescued).toBe(v.counts.rescued);
		expect(v.counts.positive + v.counts.rescued + v.counts.ignored + v.counts.negative).toBe(n);
	});
	test('the sample: 256 anchors, at most half positive, all of them labelled', () => {
		expect(v.counts.sampledPositive + v.counts.sampledNegative).toBe(256);
		expect(v.counts.sampledPositive).toBeLessThanOrEqual(128);
		for (const a of v.targets.positive) expect(v.targets.labels[a]).toBe(1);
		for (const a of v.targets.negative) expect(v.targets.labels[a]).toBe(0);
	});
	test('a box no anchor covers at 0.7 is rescued by its best anchor', () => {
		const thin = gtBoxesOf([[100, 100, 104, 180]]); // 4 × 80: no square or 1:2 anchor reaches 0.7
		const t = targetsView(thin, opts);
		expect(t.perGt[0].reachesHigh).toBe(false);
		expect(t.counts.rescued).toBeGreaterThan(0);
		expect(t.counts.positive).toBe(0);
	});
	test('no boxes: every anchor is background and the sample is 256 negatives', () => {
		const t = targetsView(new Float32Array(0), opts);
		expect(t.counts.negative).toBe(t.anchors.length / 4);
		expect([t.counts.sampledPositive, t.counts.sampledNegative]).toEqual([0, 256]);
	});
	test('a click picks the anchor at the nearest location of the level that overlaps a box most', () => {
		const [x1, y1, x2, y2] = scene.instances[0].box;
		const a = anchorAt(v, 4, (x1 + x2) / 2, (y1 + y2) / 2);
		const { start, end } = levelRange(v, 4);
		expect(a).toBeGreaterThanOrEqual(start);
		expect(a).toBeLessThan(end);
		expect(v.targets.bestIou[a]).toBeGreaterThan(0);
	});
});

describe('state in the URL', () => {
	test('defaults make an empty query; moved boxes and a picked anchor round-trip', () => {
		expect(targetsToEntries(TARGETS_DEFAULTS)).toEqual([]);
		const s = {
			...TARGETS_DEFAULTS,
			level: 5,
			anchor: 123,
			boxes: [[1, 2, 30, 40.5]] as [number, number, number, number][]
		};
		const back = parseTargetsParams(new URLSearchParams(targetsToEntries(s)));
		expect(back).toEqual({ state: s, notices: [] });
	});
	test('low above high, a box outside the scene: each falls back with a notice', () => {
		const { state, notices } = parseTargetsParams(new URLSearchParams('high=0.5&low=0.6&boxes=0,0,600,10'));
		expect(state.low).toBe(0.3);
		expect(state.boxes).toBeUndefined();
		expect(notices).toHaveLength(2);
	});
});

test('regressionTex fills in the anchor, the box and the op’s target', () => {
	const t = regressionTex([0, 0, 32, 32], [8, 0, 40, 64], [0.25, 0.5, 0, 0.6931]);
	expectParts(t, ['\\frac{24.00 - 16.00}{32.00} = 0.2500', '\\log\\frac{64.00}{32.00} = 0.6931', '= 0.5000']);
});
