// Colours that carry meaning: one per class (detections, masks) and one per pyramid level (P2..P6).

// One colour per class (index 0 = background), distinguishable in light and dark mode and by most colour-blind
// readers. Drawn over the scene picture, whose colours do not change with the page's scheme.
const PALETTE: [number, number, number][] = [
	[0, 0, 0],
	[230, 159, 0],
	[86, 180, 233],
	[0, 158, 115],
	[204, 121, 167],
	[213, 94, 0],
	[0, 114, 178],
	[240, 228, 66]
];

export function classColor(label: number): [number, number, number] {
	return PALETTE[1 + ((label - 1) % (PALETTE.length - 1))];
}

export function classColorCss(label: number, alpha = 1): string {
	const [r, g, b] = classColor(label);
	return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

export const LEVELS = [2, 3, 4, 5, 6] as const;

/**
 * Colour of pyramid level k (2 = P2 … 6 = P6) as CSS: the `--level-k` token of styles/tokens.css, so a level keeps
 * its hue from stage to stage and panel to panel, in light and dark mode. Levels outside 2..6 get a neutral grey.
 */
export function levelColor(k: number): string {
	return Number.isInteger(k) && k >= 2 && k <= 6 ? `var(--level-${k})` : 'var(--fg-muted)';
}

/** The same colour as a concrete value, for a canvas (which cannot read CSS variables) inside `el`. */
export function levelColorValue(el: Element, k: number): string {
	const name = Number.isInteger(k) && k >= 2 && k <= 6 ? `--level-${k}` : '--fg-muted';
	return getComputedStyle(el).getPropertyValue(name).trim() || '#6b7280';
}

/** Black or white, whichever contrasts more (WCAG relative luminance) with an RGB colour: text on a class colour. */
export function inkOn([r, g, b]: readonly [number, number, number]): '#000' | '#fff' {
	const lin = (c: number) => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	const l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
	// contrast with black (l + 0.05) / 0.05 against white 1.05 / (l + 0.05)
	return (l + 0.05) * (l + 0.05) >= 0.05 * 1.05 ? '#000' : '#fff';
}
