// Loader for tests/fixtures/roi-ops.json (written by tools/golden/make_roi_fixtures.py from torchvision 0.14).
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Tensor } from '../../src/lib/ops/tensor';

export interface FixtureMap {
	kind: 'randn' | 'ties' | 'nonfinite';
	shape: number[];
	data: string;
}
export interface FixtureCase {
	op: 'roi_pool' | 'roi_align';
	map: number;
	k: number;
	boxes: string;
	kinds: string[];
	outputSize: number | [number, number];
	spatialScale: number;
	samplingRatio?: number;
	aligned?: boolean;
	output: string;
}
export interface NegativeGridCase {
	map: number;
	box: string;
	outputSize: number | [number, number];
	spatialScale: number;
	samplingRatio: number;
	grid: [number, number];
	torch: string;
}
export interface BilinearProbe {
	batch: number;
	y: number;
	x: number;
	box: string;
	values: string;
}
export interface SeedRow {
	op: 'roi_pool' | 'roi_align';
	aligned?: boolean;
	samplingRatio?: number;
	output: string;
}
export interface RoiFixture {
	generator: string;
	torch: string;
	torchvision: string;
	maps: FixtureMap[];
	cases: FixtureCase[];
	negativeGrid: NegativeGridCase[];
	bilinear: { shape: number[]; data: string; probes: BilinearProbe[] };
	seedExample: {
		shape: number[];
		data: string;
		box: number[];
		spatialScale: number;
		outputSize: number;
		rows: SeedRow[];
	};
}

export const fixture: RoiFixture = JSON.parse(
	readFileSync(new URL('../fixtures/roi-ops.json', import.meta.url), 'utf8')
) as RoiFixture;

/** Concatenated big-endian float32 bit patterns (8 hex digits each) -> exact Float32Array. */
export function fromHex(hex: string): Float32Array {
	const out = new Float32Array(hex.length / 8);
	const bits = new Uint32Array(out.buffer);
	for (let i = 0; i < out.length; i++) bits[i] = parseInt(hex.slice(8 * i, 8 * i + 8), 16);
	return out;
}

export function mapTensor(id: number): Tensor {
	const m = fixture.maps[id];
	return { shape: m.shape, data: fromHex(m.data) };
}

export function boxesTensor(c: { boxes: string; k: number }): Tensor {
	return { shape: [c.k, 5], data: fromHex(c.boxes) };
}

export function outShape(c: FixtureCase): number[] {
	const [h, w] = typeof c.outputSize === 'number' ? [c.outputSize, c.outputSize] : c.outputSize;
	return [c.k, fixture.maps[c.map].shape[1], h, w];
}

/** Largest |a − b| (0 where the float32 bits agree or both are NaN) and how many values differ in their bits. */
export function compare(actual: Float32Array, expected: Float32Array): { worst: number; differing: number } {
	if (actual.length !== expected.length) throw new Error(`length ${actual.length} != ${expected.length}`);
	const a = new Uint32Array(actual.buffer, actual.byteOffset, actual.length);
	const e = new Uint32Array(expected.buffer, expected.byteOffset, expected.length);
	let worst = 0;
	let differing = 0;
	for (let i = 0; i < a.length; i++) {
		if (a[i] === e[i] || (Number.isNaN(actual[i]) && Number.isNaN(expected[i]))) continue;
		differing++;
		const d = Math.abs(actual[i] - expected[i]);
		worst = Math.max(worst, Number.isNaN(d) ? Infinity : d);
	}
	return { worst, differing };
}

/** Runs `op` on every case and compares with torchvision's output: the worst |Δ|, how many values differ in bits. */
export function goldenRun(
	cases: readonly FixtureCase[],
	op: (c: FixtureCase) => Tensor
): { worst: number; differing: number; values: number } {
	let worst = 0;
	let differing = 0;
	let values = 0;
	for (const c of cases) {
		const out = op(c);
		expect(out.shape).toEqual(outShape(c));
		const r = compare(out.data, fromHex(c.output));
		worst = Math.max(worst, r.worst);
		differing += r.differing;
		values += out.data.length;
	}
	return { worst, differing, values };
}
