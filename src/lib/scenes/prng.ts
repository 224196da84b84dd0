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

/** Standard normal samples (Box–Muller) from a uniform source, like `torch.randn` in spirit (not in values). */
export function normals(uniform: () => number, n: number): Float32Array {
	const out = new Float32Array(n);
	for (let i = 0; i < n; i += 2) {
		const u1 = 1 - uniform(); // in (0, 1]: log never sees 0
		const u2 = uniform();
		const r = Math.sqrt(-2 * Math.log(u1));
		out[i] = r * Math.cos(2 * Math.PI * u2);
		if (i + 1 < n) out[i + 1] = r * Math.sin(2 * Math.PI * u2);
	}
	return out;
}
