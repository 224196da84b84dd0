import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import {
	layoutLabels,
	rectsOverlap,
	type LabelRequest,
	type PlacedLabel
} from '../../../src/lib/ui/label-layout';
import { detectionItems, labelRequests } from '../../../src/lib/ui/detections-view';

// The real model's detections (torchvision's run of the shipped weights, every one above the box head's 0.05) on six
// held-out scenes: crowded, overlapping boxes, labels that would pile up if each sat at its box's corner.
const parity: { cases: { seed: number; boxes: number[]; labels: number[]; scores: number[] }[] } = JSON.parse(
	readFileSync('tests/fixtures/model-parity.json', 'utf8')
);
const CLASSES = ['background', 'circle', 'square', 'triangle', 'star', 'ring'];
const FRAME = { width: 512, height: 512 };

function requestsOf(c: (typeof parity.cases)[number], fontSize: number): LabelRequest[] {
	const items = detectionItems(c.boxes, c.labels, c.scores, CLASSES);
	return labelRequests(items, fontSize);
}

function expectValid(placed: (PlacedLabel | null)[], reqs: LabelRequest[], frame = FRAME, gap = 2) {
	const ok = placed.filter((p): p is PlacedLabel => p !== null);
	for (let i = 0; i < ok.length; i++) {
		const p = ok[i];
		expect(p.x).toBeGreaterThanOrEqual(0);
		expect(p.y).toBeGreaterThanOrEqual(0);
		expect(p.x + p.width).toBeLessThanOrEqual(frame.width + 1e-9);
		expect(p.y + p.height).toBeLessThanOrEqual(frame.height + 1e-9);
		for (let j = i + 1; j < ok.length; j++) expect(rectsOverlap(p, ok[j], gap - 1e-9)).toBe(false);
	}
	placed.forEach((p, i) => {
		if (!p) return;
		expect([p.width, p.height]).toEqual([reqs[i].width, reqs[i].height]);
	});
}

describe('layoutLabels on the real model’s detections', () => {
	for (const c of parity.cases)
		test(`scene ${c.seed}: ${c.labels.length} labels, none overlapping, all inside the picture`, () => {
			const reqs = requestsOf(c, 13);
			const placed = layoutLabels(reqs, FRAME);
			expectValid(placed, reqs);
			// 512×512 has room for every label of these scenes
			expect(placed.every((p) => p !== null)).toBe(true);
		});

	test('at a large font (a phone) labels still never overlap; the ones that do not fit are left to the legend', () => {
		const c = parity.cases.reduce((a, b) => (b.labels.length > a.labels.length ? b : a));
		const reqs = requestsOf(c, 40);
		const placed = layoutLabels(reqs, FRAME);
		expectValid(placed, reqs);
		expect(placed.filter((p) => p === null).length).toBeGreaterThan(0);
		expect(placed[0]).not.toBeNull(); // the highest score is placed first
	});

	test('deterministic: the same input gives the same layout', () => {
		const reqs = requestsOf(parity.cases[1], 13);
		expect(layoutLabels(reqs, FRAME)).toEqual(
			layoutLabels(
				reqs.map((r) => ({ ...r })),
				FRAME
			)
		);
	});
});

describe('layoutLabels placements', () => {
	const req = (box: [number, number, number, number], width = 40, height = 10): LabelRequest => ({
		box,
		width,
		height
	});

	test('a lone label sits just above its box, left-aligned', () => {
		const [p] = layoutLabels([req([50, 50, 150, 150])], { width: 200, height: 200 });
		expect(p).toEqual({ x: 50, y: 38, width: 40, height: 10, placement: 'above', leader: null });
	});

	test('at the top edge it goes below; pushed in from the right edge', () => {
		const [p] = layoutLabels([req([180, 0, 200, 30])], { width: 200, height: 200 });
		expect(p).toMatchObject({ x: 160, y: 32, placement: 'below' });
	});

	test('a box filling the picture gets its label inside', () => {
		const [p] = layoutLabels([req([0, 0, 200, 200])], { width: 200, height: 200 });
		expect(p).toMatchObject({ x: 2, y: 2, placement: 'inside' });
	});

	test('two identical boxes: the second label is stacked next to the first with a leader line', () => {
		const b: [number, number, number, number] = [0, 20, 30, 195];
		const [a, s] = layoutLabels([req(b), req(b)], { width: 200, height: 200 });
		expect(a).toMatchObject({ placement: 'above', x: 0, y: 8 });
		expect(s!.placement).toBe('stacked');
		expect(rectsOverlap(a!, s!, 2)).toBe(false);
		// it is as close to the box as a free spot allows, and the leader (if any) ends on the box
		if (s!.leader) {
			const [, , bx, by] = s!.leader;
			expect(bx >= b[0] && bx <= b[2] && by >= b[1] && by <= b[3]).toBe(true);
		}
	});

	test('a label wider than the picture is not placed', () => {
		expect(layoutLabels([req([0, 0, 10, 10], 300)], { width: 200, height: 200 })).toEqual([null]);
	});

	test('bad input names the argument', () => {
		expect(() => layoutLabels([], { width: 0, height: 10 })).toThrow(/frame/);
		expect(() => layoutLabels([req([0, 0, 1, 1], NaN)], { width: 10, height: 10 })).toThrow(/requests\[0\]/);
		expect(() => layoutLabels([req([5, 0, 1, 1])], { width: 10, height: 10 })).toThrow(/requests\[0\]\.box/);
		expect(() => layoutLabels([], { width: 10, height: 10 }, { gap: -1 })).toThrow(/gap/);
	});
});
