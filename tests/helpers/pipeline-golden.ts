// Reading the torchvision fixtures of tools/golden/make_pipeline_fixtures.py and comparing float32 arrays compactly
// (a summary of mismatches instead of a 100k-line diff).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Parse a fixture from tests/fixtures/. */
export function loadFixture<T>(name: string): T {
	const path = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
	return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Decode 8 hex digits per value (big-endian IEEE-754 float32 bits). */
export function hexF32(hex: string): Float32Array {
	const n = hex.length / 8;
	const u = new Uint32Array(n);
	for (let i = 0; i < n; i++) u[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
	return new Float32Array(u.buffer);
}

/** Indices where two arrays differ (NaN equals NaN, −0 equals 0), and a readable first few. */
export function mismatches(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 0): string[] {
	if (actual.length !== expected.length) return [`length ${actual.length} != ${expected.length}`];
	const out: string[] = [];
	for (let i = 0; i < expected.length; i++) {
		const a = actual[i];
		const e = expected[i];
		const same = a === e || (a !== a && e !== e) || Math.abs(a - e) <= tol;
		if (!same) {
			if (out.length < 5) out.push(`[${i}] got ${a}, expected ${e}`);
			else if (out.length === 5) out.push('…');
		}
	}
	return out;
}

/** Count of values differing at all (for reporting how often a tolerance is actually needed). */
export function countDiffering(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
	let n = 0;
	for (let i = 0; i < expected.length; i++) if (actual[i] !== expected[i]) n++;
	return n;
}
