import { describe, expect, test } from 'vitest';
import { anchorLevels, cellAnchors, generateAnchors } from '../../../src/lib/ops/anchors';
import { hexF32, loadFixture, mismatches } from '../../helpers/pipeline-golden';

interface AnchorCase {
	imageSize: [number, number];
	featureSizes: [number, number][];
	set: string;
	sizes: number[][];
	aspectRatios: number[][];
	count: number;
	sum: number;
	weightedSum: number;
	cellAnchors: string[];
	levels: { count: number; first: string; last: string }[];
	sampleIndex: number[];
	sampleRows: string;
}

const fx = loadFixture<{ cases: AnchorCase[] }>('anchors.json');

describe('generateAnchors = torchvision AnchorGenerator', () => {
	for (const c of fx.cases) {
		test(`${c.imageSize.join('×')} padded, ${c.set} sizes: count, checksums, level ends, 200 sampled rows`, () => {
			const a = generateAnchors(c);
			expect(a.length / 4).toBe(c.count);
			// all values are integers, so both float64 sums are exact whatever the summation order
			let sum = 0;
			let weighted = 0;
			const coord = [1, 3, 5, 7];
			for (let i = 0; i < a.length; i++) {
				sum += a[i];
				weighted += a[i] * (((i >> 2) % 1009) + 1) * coord[i & 3];
			}
			expect(sum).toBe(c.sum);
			expect(weighted).toBe(c.weightedSum);
			let off = 0;
			c.levels.forEach((l, k) => {
				expect(mismatches(a.subarray(off * 4, off * 4 + 4), hexF32(l.first)), `level ${k} first`).toEqual([]);
				const e = (off + l.count - 1) * 4;
				expect(mismatches(a.subarray(e, e + 4), hexF32(l.last)), `level ${k} last`).toEqual([]);
				off += l.count;
			});
			const rows = c.sampleIndex.flatMap((i) => Array.from(a.subarray(i * 4, i * 4 + 4)));
			expect(mismatches(rows, hexF32(c.sampleRows))).toEqual([]);
		});
	}

	test('cellAnchors = AnchorGenerator.cell_anchors for every level of every set (half-to-even rounding)', () => {
		for (const c of fx.cases)
			c.cellAnchors.forEach((hex, l) => {
				expect(mismatches(cellAnchors(c.sizes[l], c.aspectRatios[l]), hexF32(hex))).toEqual([]);
			});
	});

	test('the standard 32-px base anchors, and 45-px ones rounding −22.5 → −22 (even), not −23', () => {
		expect(Array.from(cellAnchors([32], [0.5, 1, 2]))).toEqual([
			-23, -11, 23, 11, -16, -16, 16, 16, -11, -23, 11, 23
		]);
		expect(Array.from(cellAnchors([45], [1]))).toEqual([-22, -22, 22, 22]);
	});

	test('800×1088: 217,413 anchors, pool-level stride (61, 64), last anchor [843, 370, 1205, 1094]', () => {
		const opts = fx.cases.find((c) => c.imageSize[0] === 800 && c.set === 'standard')!;
		const levels = anchorLevels(opts);
		expect(levels[4].stride).toEqual([61, 64]);
		const a = generateAnchors(opts);
		expect(a.length / 4).toBe(217413);
		expect(Array.from(a.subarray(a.length - 4))).toEqual([843, 370, 1205, 1094]);
		expect(levels.map((l) => l.offset)).toEqual([0, 163200, 204000, 214200, 216750]);
	});
});

describe('anchor errors', () => {
	const ok = { imageSize: [64, 64] as [number, number], featureSizes: [[16, 16]] as [number, number][] };
	test('bad arguments throw naming them', () => {
		expect(() =>
			generateAnchors({ ...ok, imageSize: [-64, 64], sizes: [[32]], aspectRatios: [[1]] })
		).toThrow(/imageSize must be \[height, width\] of positive integers, got \[-64, 64\]/);
		expect(() => generateAnchors({ ...ok, sizes: [[32], [64]], aspectRatios: [[1]] })).toThrow(
			/sizes must have one list per feature map \(1\)/
		);
		expect(() => generateAnchors({ ...ok, sizes: [[32]], aspectRatios: [[0]] })).toThrow(
			/aspectRatios.*\[0\]/
		);
		expect(() => generateAnchors({ ...ok, sizes: [[NaN]], aspectRatios: [[1]] })).toThrow(/sizes.*NaN/);
		expect(() =>
			generateAnchors({ ...ok, featureSizes: [[0, 16]], sizes: [[32]], aspectRatios: [[1]] })
		).toThrow(/featureSizes\[0\]\[0\] must be a positive integer, got 0/);
	});
});
