import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import {
	detectionAt,
	detectionItems,
	labelFontSize,
	labelSize,
	labelText,
	shownDetections
} from '../../../src/lib/ui/detections-view';
import { inkOn } from '../../../src/lib/ui/colors';

// torchvision's run of the shipped weights on six held-out scenes: every detection above the box head's 0.05
const parity: { cases: { seed: number; boxes: number[]; labels: number[]; scores: number[] }[] } = JSON.parse(
	readFileSync('tests/fixtures/model-parity.json', 'utf8')
);
const CLASSES = ['background', 'circle', 'square', 'triangle', 'star', 'ring'];

describe('detectionItems / shownDetections', () => {
	test('highest score first, ties in the trace order; indices stay the trace’s', () => {
		const items = detectionItems([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5], [1, 2, 5], [0.3, 0.9, 0.3], CLASSES);
		expect(items.map((d) => [d.index, d.rank, d.name, d.score])).toEqual([
			[1, 1, 'square', 0.9],
			[0, 2, 'circle', 0.3],
			[2, 3, 'ring', 0.3]
		]);
		expect(items[0].box).toEqual([2, 2, 3, 3]);
	});

	test('a label without a class name reads "class k"', () => {
		expect(detectionItems([0, 0, 1, 1], [9], [0.5], CLASSES)[0].name).toBe('class 9');
	});

	test('the threshold keeps scores ≥ it, a prefix of the order, so the numbers do not change', () => {
		const items = detectionItems([0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1], [1, 1, 1], [0.5, 0.49, 0.95], CLASSES);
		const at = (t: number) => shownDetections(items, t).map((d) => [d.index, d.rank]);
		expect(at(0.5)).toEqual([
			[2, 1],
			[0, 2]
		]);
		expect(at(0.95)).toEqual([[2, 1]]);
		expect(at(0.05)).toHaveLength(3);
	});

	test('on the real model’s scenes: 0.5 keeps the sure ones, 0.05 keeps all the box head kept', () => {
		for (const c of parity.cases) {
			const items = detectionItems(c.boxes, c.labels, c.scores, CLASSES);
			expect(shownDetections(items, 0.05)).toHaveLength(c.labels.length);
			const sure = shownDetections(items, 0.5);
			expect(sure.length).toBe(c.scores.filter((s) => s >= 0.5).length);
			expect(sure.length).toBeLessThan(c.labels.length);
			for (let k = 1; k < items.length; k++) expect(items[k].score).toBeLessThanOrEqual(items[k - 1].score);
		}
	});

	test('bad input names the argument', () => {
		expect(() => detectionItems([0, 0, 1], [1], [0.5], CLASSES)).toThrow(/boxes/);
		expect(() => detectionItems([0, 0, 1, 1], [1], [], CLASSES)).toThrow(/scores/);
		expect(() => shownDetections([], NaN)).toThrow(/minScore/);
		expect(() => shownDetections([], 1.5)).toThrow(/minScore/);
	});
});

describe('labels', () => {
	const [d] = detectionItems([0, 0, 1, 1], [1], [0.98254], CLASSES);
	test('text "1 circle 0.98"', () => expect(labelText(d)).toBe('1 circle 0.98'));
	test('size: 0.62 em a character plus padding, 1.3 em tall', () => {
		expect(labelSize('1 circle 0.98', 10)).toEqual({ width: 13 * 6.2 + 6, height: 13, pad: 3 });
		expect(() => labelSize('x', 0)).toThrow(/fontSize/);
	});
	test('font size in picture units for 12 CSS px at the drawn width', () => {
		expect(labelFontSize(512, 640)).toBeCloseTo(9.6);
		expect(labelFontSize(512, 256)).toBe(24);
		expect(labelFontSize(512, 0)).toBe(12); // not measured yet
	});
});

describe('detectionAt', () => {
	const items = detectionItems([0, 0, 100, 100, 10, 10, 30, 30], [1, 2], [0.9, 0.6], CLASSES);
	test('the smallest box under the point', () => {
		expect(detectionAt(items, 20, 20)).toBe(1);
		expect(detectionAt(items, 50, 50)).toBe(0);
		expect(detectionAt(items, 150, 50)).toBeNull();
		expect(detectionAt(items.slice(0, 1), 20, 20)).toBe(0); // only among those shown
	});
});

describe('inkOn', () => {
	test('black on light colours, white on dark ones', () => {
		expect(inkOn([240, 228, 66])).toBe('#000'); // yellow
		expect(inkOn([0, 114, 178])).toBe('#fff'); // blue: 5.1 with white vs 4.1 with black
		expect(inkOn([255, 255, 255])).toBe('#000');
		expect(inkOn([0, 0, 0])).toBe('#fff');
	});
});
