// Colours for feature values: a diverging scale around 0 for signed maps, greys for non-negative ones (light = 0, so
// the dark box outline and the coloured overlays stay visible on top).
import { interpolateGreys, interpolatePRGn, scaleDiverging, scaleSequential, rgb } from 'd3';
import { inkOn } from './colors';
import { lutOf, lutToRgba } from './raster';

export interface Heat {
	fill: (v: number) => string;
	/** Black or white, whichever reads better on `fill(v)`. */
	ink: (v: number) => string;
	min: number;
	max: number;
}

export function heatScale(values: ArrayLike<number>): Heat {
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v < min) min = v;
		if (v > max) max = v;
	}
	if (!Number.isFinite(min)) min = max = 0;
	let color: (v: number) => string;
	if (min >= 0) {
		const s = scaleSequential((t: number) => interpolateGreys(0.05 + 0.75 * t)).domain([0, max || 1]);
		color = (v) => s(v);
	} else {
		const m = Math.max(Math.abs(min), Math.abs(max)) || 1;
		const s = scaleDiverging(interpolatePRGn).domain([-m, 0, m]);
		color = (v) => s(v);
	}
	// black or white, whichever has the higher WCAG contrast on the cell (a luminance cut-off left 3.7:1 on greens)
	const ink = (v: number) => {
		const c = rgb(color(v));
		return inkOn([c.r, c.g, c.b]) === '#000' ? '#111' : '#fff';
	};
	return { fill: color, ink, min, max };
}

/** A plane of values as RGBA through `heat` (its colour strings quantised to 256 levels: d3 strings parse slowly). */
export function heatRgba(plane: ArrayLike<number>, heat: Heat): Uint8ClampedArray {
	const span = heat.max - heat.min || 1;
	const lut = lutOf((t) => heat.fill(heat.min + t * span));
	return lutToRgba(plane, lut, (v) => Math.max(0, Math.min(255, Math.round(((v - heat.min) / span) * 255))));
}
