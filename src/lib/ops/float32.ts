// IEEE float32 arithmetic in JS doubles. For float32 operands, rounding the double result of + − × ÷ sqrt to float32
// gives exactly the float32 result (double has more than 2·24+2 bits), so `f(a op b)` reproduces torch's CPU math.

/** Round a double to the nearest float32 (ties to even). */
export const f = Math.fround;

const bits = new Float32Array(1);
const bitsU = new Uint32Array(bits.buffer);

/** The float32 next to `x` (a float32, finite, nonzero direction `dir` = +1 or −1). */
function nextFloat(x: number, dir: 1 | -1): number {
	if (x === 0) return dir * 1.401298464324817e-45;
	bits[0] = x;
	bitsU[0] += x > 0 === dir > 0 ? 1 : -1;
	return bits[0];
}

/**
 * Fused multiply-add rounded once to float32, as C `fmaf`. The product of two float32s is exact in a double; the sum
 * is rounded to double first, so a second rounding could land on a float32 tie that the exact value is not on —
 * that (rare) case is corrected using the exact error of the double addition (TwoSum).
 */
export function fma32(a: number, b: number, c: number): number {
	const p = a * b;
	const s = p + c;
	const r = f(s);
	if (r === s || !Number.isFinite(s)) return r;
	const bb = s - p;
	const err = p - (s - bb) + (c - bb); // exact: p + c = s + err
	if (err === 0) return r;
	const other = nextFloat(r, r < s ? 1 : -1);
	if ((r + other) / 2 !== s) return r; // s is not a float32 midpoint: the double rounding did no harm
	return err > 0 === other > r ? other : r;
}

/** Round half to even, as `torch.round` / `std::nearbyint` (JS Math.round sends 0.5 up, −0.5 to −0). */
export function roundHalfEven(x: number): number {
	const fl = Math.floor(x);
	const d = x - fl;
	if (d < 0.5) return fl;
	if (d > 0.5) return fl + 1;
	return fl % 2 === 0 ? fl : fl + 1;
}

/** C's `(int)x` / `.to(int64)`: truncation toward zero (never −0). */
export function truncInt(x: number): number {
	return Math.trunc(x) + 0;
}
