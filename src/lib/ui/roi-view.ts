// What part of the plane a RoI figure shows and where its box may go, in cell units and image pixels.
import type { Bounds } from './box';
import { type Box } from '$lib/ui/box';

/** A rectangle of the plane in cell units (an SVG viewBox). */
export interface View {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** How far (in cells) a box may leave the map: enough to show clamped (< 1 cell out) and zeroed samples. */
export const MARGIN_CELLS = 1.5;

/** Bounds for dragging, in image pixels: the map plus the margin. */
export function roiBounds(mapH: number, mapW: number, stride: number): Bounds {
	const m = MARGIN_CELLS * stride;
	return { x0: -m, y0: -m, x1: mapW * stride + m, y1: mapH * stride + m };
}

/** The view box in cells: the map plus the margin, grown to include the box if the URL put it further out. */
export function roiViewBox(mapH: number, mapW: number, stride: number, box: Readonly<Box>): View {
	const x0 = Math.min(-MARGIN_CELLS, box[0] / stride);
	const y0 = Math.min(-MARGIN_CELLS, box[1] / stride);
	const x1 = Math.max(mapW + MARGIN_CELLS, box[2] / stride);
	const y1 = Math.max(mapH + MARGIN_CELLS, box[3] / stride);
	return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A RoIAlign sampling point: index of its bin in trace.bins and of the sample in bin.samples. */
export interface PickedSample {
	bin: number;
	sample: number;
}
