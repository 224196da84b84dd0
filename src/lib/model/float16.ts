// IEEE 754 binary16 for the precomputed feature maps (features.bin): half the bytes of float32, and the stepper's
// pictures of C2–P6 cannot show the difference. Rounding: the float32 value is rounded to the nearest float16,
// ties to even (as numpy's astype(float16) and the hardware conversions do), so |x − f16(x)| ≤ ½ ulp16(x):
// 2^(e−11) for |x| in [2^e, 2^(e+1)) when e ≥ −14, and 2^−25 below 2^−14 (the subnormals, spacing 2^−24).
// Beyond 65504 the nearest is ±Infinity (65520 and up round there); NaN stays NaN (a quiet NaN).
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The largest finite float16. */
export const FLOAT16_MAX = 65504;

/** The float16 bit pattern nearest to `x` (first rounded to float32, as every value stored here is one). */
export function toFloat16Bits(x: number): number {
	f32[0] = x;
	const b = u32[0];
	const sign = (b >>> 16) & 0x8000;
	const exp = (b >>> 23) & 0xff;
	const mant = b & 0x7fffff;
	if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
	const e = exp - 127;
	if (e > 15) return sign | 0x7c00;
	if (e >= -14) {
		// normal: keep 10 of the 23 mantissa bits; a carry out of the mantissa bumps the exponent (up to Infinity)
		let h = ((e + 15) << 10) | (mant >>> 13);
		const rest = mant & 0x1fff;
		if (rest > 0x1000 || (rest === 0x1000 && (h & 1) === 1)) h++;
		return sign | h;
	}
	if (e < -25) return sign; // below half the smallest subnormal: ±0
	// subnormal: the value in units of 2^-24 is (1.mant) · 2^(e+24), i.e. the 24-bit significand shifted right
	const full = mant | 0x800000;
	const shift = -e - 1;
	let h = full >>> shift;
	const rest = full & ((1 << shift) - 1);
	const half = 1 << (shift - 1);
	if (rest > half || (rest === half && (h & 1) === 1)) h++;
	return sign | h;
}

/** The value of a float16 bit pattern (exact: every float16 is a float32). */
export function fromFloat16Bits(h: number): number {
	const s = h & 0x8000 ? -1 : 1;
	const e = (h >>> 10) & 0x1f;
	const m = h & 0x3ff;
	if (e === 0) return s * m * 2 ** -24;
	if (e === 31) return m ? NaN : s * Infinity;
	return s * (1024 + m) * 2 ** (e - 25);
}

export function encodeFloat16(values: ArrayLike<number>): Uint16Array {
	const out = new Uint16Array(values.length);
	for (let i = 0; i < values.length; i++) out[i] = toFloat16Bits(values[i]);
	return out;
}

let table: Float32Array | null = null;

/** Widens float16 bit patterns to float32 (a 65536-entry table: a P2 map is a million values). */
export function decodeFloat16(bits: Uint16Array): Float32Array {
	if (!table) {
		table = new Float32Array(65536);
		for (let h = 0; h < 65536; h++) table[h] = fromFloat16Bits(h);
	}
	const out = new Float32Array(bits.length);
	for (let i = 0; i < bits.length; i++) out[i] = table[bits[i]];
	return out;
}
