// A tiny seeded PRNG so a "random" feature map is the same for everyone who opens the same link.

/** mulberry32: a 32-bit state generator, uniform in [0, 1). Fast, tiny and good enough for pictures. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
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
