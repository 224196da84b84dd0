/**
 * sin/cos of an angle in degrees using only + − × ÷ (correctly rounded in every engine), unlike Math.sin/cos whose
 * last ulp is implementation-defined. Octant reduction + Taylor series to x^15: |error| < 1e-15 on [−π/4, π/4].
 */
const DEG = Math.PI / 180; // a constant, not a computation: identical everywhere

function sinPoly(x: number): number {
	const x2 = x * x;
	let term = x;
	let sum = x;
	for (let k = 1; k <= 7; k++) {
		term = (-term * x2) / (2 * k * (2 * k + 1));
		sum += term;
	}
	return sum;
}

function cosPoly(x: number): number {
	const x2 = x * x;
	let term = 1;
	let sum = 1;
	for (let k = 1; k <= 8; k++) {
		term = (-term * x2) / ((2 * k - 1) * (2 * k));
		sum += term;
	}
	return sum;
}

/** Returns [sin, cos] of `deg` degrees. */
export function sinCosDeg(deg: number): [number, number] {
	if (!Number.isFinite(deg)) throw new Error(`sinCosDeg: deg must be finite, got ${deg}`);
	let d = deg % 360;
	if (d < 0) d += 360;
	const octant = Math.floor(d / 45); // 0..7
	const n90 = Math.floor((octant + 1) / 2); // nearest multiple of 90°: 0..4 (4 = 360°)
	const q = n90 % 4;
	const x = (d - n90 * 90) * DEG; // in [−π/4, π/4]
	const s = sinPoly(x);
	const c = cosPoly(x);
	switch (q) {
		case 0:
			return [s, c];
		case 1:
			return [c, -s];
		case 2:
			return [-s, -c];
		default:
			return [-c, s];
	}
}
