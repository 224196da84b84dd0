// The detections picture's data: which detections are shown at a score threshold, in which order (highest score
// first: the legend's order, the labels' priority, the numbers "1 circle 0.98"), the label each gets and its size,
// and which detection lies under the pointer. Indices stay those of the trace, so a view can say
// data-detection="<index into trace.detections>".
import type { LabelRequest } from './label-layout';

export interface DetectionItem {
	/** index into the trace's detections */
	index: number;
	/** 1 for the highest score: stable while the threshold moves, since a threshold keeps a prefix of this order */
	rank: number;
	label: number;
	name: string;
	score: number;
	box: [number, number, number, number];
}

/** Every detection, highest score first (ties: the trace's order, as torchvision's sort keeps it). */
export function detectionItems(
	boxes: ArrayLike<number>,
	labels: ArrayLike<number>,
	scores: ArrayLike<number>,
	classNames: readonly string[]
): DetectionItem[] {
	const n = labels.length;
	if (scores.length !== n)
		throw new Error(`detectionItems: scores has ${scores.length} entries for ${n} labels`);
	if (boxes.length !== 4 * n)
		throw new Error(`detectionItems: boxes has ${boxes.length} numbers, expected 4 × ${n} labels`);
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
	return order.map((i, k) => ({
		index: i,
		rank: k + 1,
		label: labels[i],
		name: classNames[labels[i]] ?? `class ${labels[i]}`,
		score: scores[i],
		box: [boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]]
	}));
}

/** Those scoring at least `minScore`, in the same order. */
export function shownDetections(items: readonly DetectionItem[], minScore: number): DetectionItem[] {
	if (!(Number.isFinite(minScore) && minScore >= 0 && minScore <= 1))
		throw new Error(`shownDetections: minScore must be a number in [0, 1], got ${minScore}`);
	return items.filter((d) => d.score >= minScore);
}

/** "1 circle 0.98": the label in the picture and the legend's entry. */
export function labelText(d: DetectionItem): string {
	return `${d.rank} ${d.name} ${d.score.toFixed(2)}`;
}

/** Advance of one character of the labels' monospace font, in em (0.6 in DejaVu Sans Mono, Menlo, SF Mono; a little spare). */
export const MONO_EM = 0.62;

/** Label size in picture units at `fontSize` (picture units too): the text plus a little padding. */
export function labelSize(text: string, fontSize: number): { width: number; height: number; pad: number } {
	if (!(Number.isFinite(fontSize) && fontSize > 0))
		throw new Error(`labelSize: fontSize must be a positive number, got ${fontSize}`);
	const pad = 0.3 * fontSize;
	return { width: text.length * MONO_EM * fontSize + 2 * pad, height: 1.3 * fontSize, pad };
}

/** The layout's input for the shown detections, in their order. */
export function labelRequests(shown: readonly DetectionItem[], fontSize: number): LabelRequest[] {
	return shown.map((d) => ({ box: d.box, ...labelSize(labelText(d), fontSize) }));
}

/**
 * Font size in picture units for labels that read `cssPx` on screen when a picture `width` units wide is drawn
 * `shownWidth` CSS pixels wide (before it is measured, one unit = one pixel).
 */
export function labelFontSize(width: number, shownWidth: number, cssPx = 12): number {
	return shownWidth > 0 ? (cssPx * width) / shownWidth : cssPx;
}

/** The shown detection under a point: the smallest box containing it (ties: the higher score), or null. */
export function detectionAt(shown: readonly DetectionItem[], x: number, y: number): number | null {
	let best: DetectionItem | null = null;
	let bestArea = Infinity;
	for (const d of shown) {
		const [x1, y1, x2, y2] = d.box;
		if (x < x1 || x > x2 || y < y1 || y > y2) continue;
		const area = (x2 - x1) * (y2 - y1);
		if (area < bestArea) {
			best = d;
			bestArea = area;
		}
	}
	return best?.index ?? null;
}
