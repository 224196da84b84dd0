// One colour per class (index 0 = background), distinguishable in light and dark mode and by most colour-blind readers.
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
