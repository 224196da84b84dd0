// Comparing soft masks the way a reader judges them: threshold, count pixels, IoU of the two binary masks.

/** Pixels with value ≥ t (torchvision's `masks >= 0.5` convention: ties count as foreground). */
export function areaAbove(plane: ArrayLike<number>, t: number): number {
	let n = 0;
	for (let i = 0; i < plane.length; i++) if (plane[i] >= t) n++;
	return n;
}

/** IoU of {a ≥ ta} and {b ≥ tb}; two empty masks count as identical (1). */
export function binaryIou(a: ArrayLike<number>, b: ArrayLike<number>, ta = 0.5, tb = ta): number {
	if (a.length !== b.length) throw new Error(`binaryIou: planes differ in size (${a.length} vs ${b.length})`);
	let inter = 0;
	let union = 0;
	for (let i = 0; i < a.length; i++) {
		const x = a[i] >= ta;
		const y = b[i] >= tb;
		if (x && y) inter++;
		if (x || y) union++;
	}
	return union === 0 ? 1 : inter / union;
}

/** Pixels where the two binary masks disagree. */
export function disagreement(a: ArrayLike<number>, b: ArrayLike<number>, t = 0.5): number {
	let n = 0;
	for (let i = 0; i < a.length; i++) if (a[i] >= t !== b[i] >= t) n++;
	return n;
}
