// The training-targets golden fixture (tests/fixtures/training-targets.json, written by
// tools/golden/make_targets_fixtures.py) and the comparisons its tests share.
import type { BoxWeights, MatcherOptions, Tensor } from '../../src/lib/ops';
import { mulberry32 } from '../../src/lib/scenes';
import { hexF32, loadFixture } from './pipeline-golden';

export interface MatcherCase {
	kind: string;
	shape: [number, number];
	quality: string;
	matches: number[][]; // one per config
	gt?: string;
	pred?: string;
}
export interface SamplerCase {
	name: string;
	batchSizePerImage: number;
	positiveFraction: number;
	labels: number[];
	numPos: number;
	numNeg: number;
}
export interface LogTable {
	logIn: string;
	logOut: string;
}
export interface RpnCase extends LogTable {
	name: string;
	gt: string;
	labels: number[];
	regression: string;
	matches?: number[];
	numPos: number;
	numNeg: number;
}
export interface RoiCase extends LogTable {
	name: string;
	proposals: string;
	gt: string;
	gtLabels: number[];
	masks: string[];
	maskSize: [number, number];
	rows: string;
	matches?: number[];
	matchedIdxs: number[];
	labels: number[];
	regression: string;
	sampleCounts: Record<string, [number, number]>;
	maskRows: number[];
	maskTargets?: string;
}
export interface Fixture {
	matcher: {
		configs: MatcherOptions[];
		cases: MatcherCase[];
		emptyErrors: { shape: [number, number]; error: string }[];
		reversedError: string;
	};
	sampler: SamplerCase[];
	rpn: {
		imageSize: [number, number];
		featureSizes: [number, number][];
		sizes: number[][];
		aspectRatios: number[][];
		anchors: string;
		cases: RpnCase[];
	};
	roi: { weights: BoxWeights; cases: RoiCase[] };
}

export const fx = loadFixture<Fixture>('training-targets.json');

/** Uniform numbers in [0, 1) from a seed, reproducible like a URL seed (the scenes' PRNG). */
export const seeded = (seed: number): (() => number) => mulberry32(seed).next;

/** torch's own float32 log values, looked up by input bits: isolates everything but the transcendental. */
export function torchLog(c: LogTable): (x: number) => number {
	const ins = hexF32(c.logIn);
	const outs = hexF32(c.logOut);
	const m = new Map<number, number>();
	ins.forEach((v, i) => m.set(v, outs[i]));
	return (x) => {
		const y = m.get(x);
		if (y === undefined) throw new Error(`no torch log for ${x}`);
		return y;
	};
}

export const bits = new Float32Array(1);
export const bitsI = new Int32Array(bits.buffer);
/** float32 as a monotone integer (so the difference of two is their distance in ulps). */
export function ordered(x: number): number {
	bits[0] = x;
	return bitsI[0] < 0 ? -2147483648 - bitsI[0] : bitsI[0];
}
/** Largest distance in ulps between two float32 arrays (equal infinities count 0; NaN vs number is Infinity). */
export function maxUlps(a: Float32Array, b: Float32Array): number {
	let worst = 0;
	for (let i = 0; i < a.length; i++) {
		if (a[i] === b[i] || (a[i] !== a[i] && b[i] !== b[i])) continue;
		if (!Number.isFinite(a[i]) || !Number.isFinite(b[i])) return Infinity;
		worst = Math.max(worst, Math.abs(ordered(a[i]) - ordered(b[i])));
	}
	return worst;
}

export const q = (shape: [number, number], values: number[]): Tensor => ({
	shape,
	data: Float32Array.from(values)
});
export const RPN: MatcherOptions = { highThreshold: 0.7, lowThreshold: 0.3, allowLowQualityMatches: true };
export const HEADS: MatcherOptions = { highThreshold: 0.5, lowThreshold: 0.5, allowLowQualityMatches: false };
