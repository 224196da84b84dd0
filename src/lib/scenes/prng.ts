/**
 * Seeded PRNG (mulberry32). Only 32-bit integer ops (Math.imul, shifts), so every JS engine yields the same
 * sequence for a seed — the base of the "same seed → same pixels everywhere" promise.
 */
export interface Rng {
	/** Uniform float in [0, 1), a multiple of 2^-32. */
	next(): number;
	/** Uniform integer in [lo, hi] (inclusive). */
	int(lo: number, hi: number): number;
	/** Uniform float in [lo, hi). */
	range(lo: number, hi: number): number;
}

export function mulberry32(seed: number): Rng {
	if (!Number.isFinite(seed)) throw new Error(`mulberry32: seed must be a finite number, got ${seed}`);
	let a = seed >>> 0;
	const next = (): number => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
		range: (lo, hi) => lo + next() * (hi - lo)
	};
}
