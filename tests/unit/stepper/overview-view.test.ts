// The overview's data on the landing scene's stored run of the real model: the path one detection took is read
// through the trace's indices; these checks test it against independent facts (the ops' own level rule, the anchor
// ranges of each level, the box head refining its proposal), and the pooled preview against RoIAlign's geometry.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { assignFpnLevels, boxIou, type Tensor } from '../../../src/lib/ops';
import {
	loadPrecomputedTrace,
	storedRunPath,
	TRACE_PRESETS,
	type ModelTrace
} from '../../../src/lib/model/lite';
import { generateScene } from '../../../src/lib/scenes';
import {
	OVERVIEW_NODES,
	followPath,
	nodeShapes,
	pooledPreview,
	shownDetections
} from '../../../src/lib/stepper/overview/overview-view';
import { thumbFor } from '../../../src/lib/stepper/overview/thumbs';
import { fileFetch } from '../../helpers/file-fetch';

const preset = TRACE_PRESETS[0];
const have = preset !== undefined && existsSync(`static${storedRunPath(preset.id)}/trace.json`);
let trace: ModelTrace;

beforeAll(async () => {
	if (!have) return;
	const s = generateScene(preset.seed);
	trace = await loadPrecomputedTrace(
		storedRunPath(preset.id),
		{ data: s.image, width: s.width, height: s.height },
		fileFetch('static')
	);
});

describe.skipIf(!have)('overview data on the landing scene', () => {
	it('shows the detections scoring 0.5 or more, in the trace order', () => {
		const shown = shownDetections(trace, 0.5);
		expect(shown.length).toBe(preset.detections);
		for (const d of shown) expect(trace.detections.scores[d]).toBeGreaterThanOrEqual(0.5);
		expect(shownDetections(trace, 0.05).length).toBeGreaterThanOrEqual(shown.length);
	});

	it('follows each detection back to an anchor of the right level, a proposal it refines, and its FPN level', () => {
		const levels = trace.rpn.levels;
		for (const d of shownDetections(trace, 0.5)) {
			const p = followPath(trace, d)!;
			const lv = levels[p.rpnLevel - 2];
			expect(p.anchor).toBeGreaterThanOrEqual(lv.offset);
			expect(p.anchor).toBeLessThan(lv.offset + lv.count);
			// the box head moves a proposal a little, not onto another object
			const iou = boxIou(Float32Array.from(p.box), Float32Array.from(p.proposalBox))[0];
			expect(iou).toBeGreaterThan(0.5);
			// the level the box head pooled from is FPN Eq. 1 of that proposal, computed by the op itself
			expect(p.poolLevel).toBe(assignFpnLevels(Float32Array.from(p.proposalBox), {})[0]);
			expect(p.label).toBe(p.classProbs.indexOf(Math.max(...p.classProbs.slice(1))));
			expect(p.classProbs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
		}
		expect(followPath(trace, -1)).toBeNull();
		expect(followPath(trace, trace.detections.labels.length)).toBeNull();
	});

	it('names each node’s tensor shape from the trace', () => {
		const s = nodeShapes(trace);
		const [hp, wp] = trace.input.paddedSize;
		expect(s.input).toBe(`1×3×${hp}×${wp}`);
		expect(s.anchors).toBe(`${(trace.rpn.anchors.length / 4).toLocaleString('en-US')}×4`);
		expect(s['mask-head']).toMatch(/^\d+×6×28×28$/);
		expect(Object.keys(s).sort()).toEqual(OVERVIEW_NODES.map((n) => n.slug).sort());
	});

	it('gives every node a picture once the previews are read', async () => {
		const previews = await Promise.all(trace.features.p.map((f) => f.preview()));
		const path = followPath(trace, 0);
		for (const n of OVERVIEW_NODES)
			expect(thumbFor(n.slug, trace, path, previews, [0]).kind, n.slug).not.toBe('none');
	});
});

describe('pooled preview', () => {
	// on a ramp v(x, y) = x every bilinear sample returns its own x, so each bin averages to its centre's x
	it('pools with the level’s spatial scale and aligned=False', () => {
		const w = 32;
		const plane: Tensor = {
			shape: [1, 1, w, w],
			data: Float32Array.from({ length: w * w }, (_, i) => i % w)
		};
		const level = 3; // stride 8: the box 32..88 px covers feature x 4..11
		const out = pooledPreview(plane, [32, 32, 88, 88], level, 7, 2);
		expect(out.shape).toEqual([1, 1, 7, 7]);
		for (let j = 0; j < 7; j++) expect(out.data[j]).toBeCloseTo(4 + (j + 0.5), 4);
	});
});
