// Instance masks drawn so the scene stays readable under them: each mask's pixels (probability ≥ the threshold) are
// tinted with its colour at a partial opacity, and its edge — mask pixels with a 4-neighbour outside it — is painted
// solid, so touching or overlapping objects of one class still part visibly.

export interface MaskOverlayOptions {
	/** opacity of the tint inside a mask (default 0.4) */
	fill?: number;
}

/**
 * Draws masks `order` (indices into D planes of width × height in `masks`; later ones on top) over RGBA pixels,
 * in place. `colorOf(d)` is mask d's RGB.
 */
export function overlayMasks(
	rgba: Uint8ClampedArray,
	masks: ArrayLike<number>,
	width: number,
	height: number,
	order: readonly number[],
	threshold: number,
	colorOf: (d: number) => readonly [number, number, number],
	opts: MaskOverlayOptions = {}
): Uint8ClampedArray {
	const plane = width * height;
	const fill = opts.fill ?? 0.4;
	if (!(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0))
		throw new Error(`overlayMasks: width and height must be positive integers, got ${width}×${height}`);
	if (rgba.length !== 4 * plane)
		throw new Error(`overlayMasks: rgba has ${rgba.length} bytes, expected 4 × ${width} × ${height}`);
	if (!(Number.isFinite(threshold) && threshold > 0 && threshold <= 1))
		throw new Error(`overlayMasks: threshold must be in (0, 1], got ${threshold}`);
	if (!(fill >= 0 && fill <= 1)) throw new Error(`overlayMasks: fill must be in [0, 1], got ${fill}`);
	for (const d of order)
		if (!(Number.isInteger(d) && d >= 0 && (d + 1) * plane <= masks.length))
			throw new Error(
				`overlayMasks: order names mask ${d}, but masks holds ${Math.floor(masks.length / plane)}`
			);

	for (const d of order) {
		const [r, g, b] = colorOf(d);
		const o = d * plane;
		const inside = (x: number, y: number) =>
			x >= 0 && y >= 0 && x < width && y < height && masks[o + y * width + x] >= threshold;
		for (let y = 0; y < height; y++)
			for (let x = 0; x < width; x++) {
				if (masks[o + y * width + x] < threshold) continue;
				const edge = !inside(x - 1, y) || !inside(x + 1, y) || !inside(x, y - 1) || !inside(x, y + 1);
				const a = edge ? 1 : fill;
				const j = 4 * (y * width + x);
				rgba[j] = rgba[j] + a * (r - rgba[j]);
				rgba[j + 1] = rgba[j + 1] + a * (g - rgba[j + 1]);
				rgba[j + 2] = rgba[j + 2] + a * (b - rgba[j + 2]);
			}
	}
	return rgba;
}
