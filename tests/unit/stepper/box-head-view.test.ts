import { describe, expect, it } from 'vitest';
import { BBOX_XFORM_CLIP, boxIou, postprocessDetections, softmaxRows } from '../../../src/lib/ops';
import {
	classRows,
	decodeTerms,
	fateOf,
	finalRows,
	rerunDetections,
	sciTex,
	softmaxTerms,
	topForeground,
	type HeadInputs
} from '../../../src/lib/stepper/stages/box-head/box-head-view';

// 4 proposals, classes (background, A, B). p0 and p1 overlap and both say A (p0 more surely); p2 says B; p3 has no
// area, so its confident A box is dropped as too small.
const classes = 3;
const inputs: HeadInputs = {
	proposals: new Float32Array([10, 10, 50, 50, 12, 12, 52, 52, 100, 100, 140, 140, 120, 20, 120, 20]),
	classLogits: new Float32Array([0, 3, 0, 0, 2, 0, 0, -3, 2, 0, 5, 0]),
	boxDeltas: new Float32Array(4 * 4 * classes),
	imageSize: [150, 150]
};
// p2, class A (not a detection): shift right by 0.1·w, up by 0.2·h, widen by e^0.1, a height delta past the clamp
inputs.boxDeltas.set([1, -2, 0.5, 25], 4 * (2 * classes + 1));
const settings = { scoreThresh: 0.05, nmsThresh: 0.5, detectionsPerImage: 100 };

describe('rerunDetections', () => {
	it('is postprocessDetections with the given settings', () => {
		const a = rerunDetections(inputs, settings);
		const b = postprocessDetections(inputs.classLogits, inputs.boxDeltas, inputs.proposals, {
			imageSize: inputs.imageSize,
			...settings
		});
		expect(a).toEqual(b);
		expect(Array.from(a.proposalIndex)).toEqual([0, 2, 1]);
		expect(Array.from(a.labels)).toEqual([1, 2, 2]);
	});

	it('keeps fewer boxes as the score threshold rises', () => {
		expect(rerunDetections(inputs, { ...settings, scoreThresh: 0.5 }).labels.length).toBe(2);
	});
});

describe('class rows and softmax terms', () => {
	const det = rerunDetections(inputs, settings);
	it('reads one row of logits and probabilities', () => {
		const rows = classRows(inputs.classLogits, det.classProbs, 2, classes);
		expect(rows.map((r) => r.logit)).toEqual([0, -3, 2]);
		expect(rows.reduce((s, r) => s + r.prob, 0)).toBeCloseTo(1, 6);
		expect(topForeground(rows)).toBe(2);
	});

	it('picks the best foreground class even when background wins', () => {
		const rows = [
			{ cls: 0, logit: 5, prob: 0.9 },
			{ cls: 1, logit: 0, prob: 0.04 },
			{ cls: 2, logit: 1, prob: 0.06 }
		];
		expect(topForeground(rows)).toBe(2);
	});

	it('gives terms that reproduce the op’s probabilities', () => {
		const z = [0.5, -1.25, 3];
		const t = softmaxTerms(z);
		expect(t.max).toBe(3);
		const p = softmaxRows(new Float32Array(z), 3);
		t.exps.forEach((e, j) => expect(e / t.sum).toBeCloseTo(p[j], 6));
	});
});

describe('decodeTerms', () => {
	const det = rerunDetections(inputs, settings);
	it('spells out the decoding, with the clamp and the clip', () => {
		const t = decodeTerms(det, inputs.boxDeltas, inputs.proposals, 2, 1);
		expect(t.proposal).toEqual([100, 100, 140, 140]);
		expect([t.w, t.h, t.cx, t.cy]).toEqual([40, 40, 120, 120]);
		expect(t.d).toEqual([0.1, -0.2, 0.1, 5]);
		expect(t.clamped).toBe(true);
		expect(t.pcx).toBeCloseTo(124, 5);
		expect(t.pcy).toBeCloseTo(112, 5);
		expect(t.ph).toBeCloseTo(40 * Math.exp(BBOX_XFORM_CLIP), 2);
		// the printed terms agree with the op's decoded box
		expect(t.decoded[0]).toBeCloseTo(t.pcx - t.pw / 2, 3);
		expect(t.decoded[2]).toBeCloseTo(t.pcx + t.pw / 2, 3);
		expect(t.decoded[1]).toBeCloseTo(t.pcy - t.ph / 2, 1);
		// far taller than the image: clipped to it
		expect(t.clipped).toBe(true);
		expect(t.final[1]).toBe(0);
		expect(t.final[3]).toBe(150);
	});

	it('with zero deltas the refined box is the proposal', () => {
		const t = decodeTerms(det, inputs.boxDeltas, inputs.proposals, 0, 1);
		expect(t.final).toEqual([10, 10, 50, 50]);
		expect(t.clamped).toBe(false);
		expect(t.clipped).toBe(false);
	});
});

describe('fateOf', () => {
	const det = rerunDetections(inputs, settings);
	it('finds kept boxes and their rank', () => {
		expect(fateOf(det, 0, 1, settings)).toEqual({ kind: 'kept', rank: 0 });
		expect(fateOf(det, 1, 2, settings)).toEqual({ kind: 'kept', rank: 2 });
	});

	it('names the threshold, the size filter and the suppressing box', () => {
		expect(fateOf(det, 2, 1, settings).kind).toBe('below');
		expect(fateOf(det, 3, 1, settings)).toEqual({ kind: 'small' });
		const f = fateOf(det, 1, 1, settings);
		const iou = boxIou(
			new Float32Array(det.classBoxes.slice(4 * (1 * classes + 1), 4 * (1 * classes + 1) + 4)),
			new Float32Array(det.boxes.slice(0, 4))
		)[0];
		expect(f).toEqual({ kind: 'suppressed', by: 0, iou });
		expect(iou).toBeGreaterThan(0.5);
	});

	it('says "capped" when only the per-image limit removed it', () => {
		const s = { ...settings, detectionsPerImage: 1 };
		expect(fateOf(rerunDetections(inputs, s), 2, 2, s)).toEqual({ kind: 'capped' });
	});

	it('a looser IoU threshold lets the overlapping box through', () => {
		const s = { ...settings, nmsThresh: 0.95 };
		expect(fateOf(rerunDetections(inputs, s), 1, 1, s).kind).toBe('kept');
	});
});

describe('sciTex', () => {
	it('keeps ordinary numbers fixed and writes tiny ones as powers of ten', () => {
		expect(sciTex(0.5)).toBe('0.500');
		expect(sciTex(1)).toBe('1.000');
		expect(sciTex(0)).toBe('0.000');
		expect(sciTex(0.000193)).toBe('1.93\\times10^{-4}');
	});
});

describe('finalRows', () => {
	it('lists the run’s detections best first, with the proposal each came from and its box', () => {
		const det = rerunDetections(inputs, settings);
		const rows = finalRows(det);
		expect(rows.map((r) => [r.i, r.label, r.proposal])).toEqual([
			[0, 1, 0],
			[1, 2, 2],
			[2, 2, 1]
		]);
		rows.forEach((r, i) => {
			expect(r.score).toBe(det.scores[i]);
			expect(r.box).toEqual(Array.from(det.boxes.subarray(4 * i, 4 * i + 4)));
		});
		expect(finalRows(rerunDetections(inputs, { ...settings, scoreThresh: 0.99 }))).toEqual([]);
	});
});
