/**
 * C's `round()`: halfway cases go away from zero (2.5 → 3, −2.5 → −3), as torchvision's roi_pool kernel rounds box
 * corners. JS `Math.round` sends −2.5 to −2, so it cannot be used directly.
 */
export function cRound(v: number): number {
	const r = v < 0 ? -Math.round(-v) : Math.round(v);
	return r === 0 ? 0 : r; // never −0: the result is an integer cell index
}
