import { describe, expect, test } from 'vitest';
import { bilinearAxis, resizeBilinear } from '../../../src/lib/ops/interpolate';
import { hexF32, loadFixture, mismatches } from '../../helpers/pipeline-golden';

interface InterpCase {
	shape: number[];
	size: [number, number];
	input: string;
	output: string;
}

const fx = loadFixture<{ cases: InterpCase[] }>('interpolate.json');

describe('resizeBilinear = F.interpolate(bilinear, align_corners=False), torch 1.13 CPU, bit-exact', () => {
	for (const c of fx.cases) {
		const path =
			c.shape[1] === 1 || c.shape[2] * c.shape[3] === 1
				? `channels-last kernel (C=${c.shape[1]}, ${c.shape[2]}×${c.shape[3]})`
				: `generic FMA kernel (C=${c.shape[1]})`;
		test(`[${c.shape}] → ${c.size.join('×')}, ${path}`, () => {
			const out = resizeBilinear({ shape: c.shape, data: hexF32(c.input) }, c.size);
			expect(out.shape).toEqual([c.shape[0], c.shape[1], ...c.size]);
			expect(mismatches(out.data, hexF32(c.output))).toEqual([]);
		});
	}

	test('a [C, H, W] tensor keeps its rank', () => {
		const out = resizeBilinear(
			{ shape: [2, 2, 2], data: Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7]) },
			[3, 3]
		);
		expect(out.shape).toEqual([2, 3, 3]);
	});

	test('bilinearAxis: half-pixel centres, clamped at 0, last index repeated at the far edge', () => {
		const w = bilinearAxis(2, 4); // ratio 0.5: src = 0.5(i+0.5) − 0.5 = −0.25, 0.25, 0.75, 1.25
		expect(Array.from(w.i0)).toEqual([0, 0, 0, 1]);
		expect(Array.from(w.i1)).toEqual([1, 1, 1, 1]);
		expect(Array.from(w.l1)).toEqual([0, 0.25, 0.75, 0.25]);
		expect(Array.from(w.l0)).toEqual([1, 0.75, 0.25, 0.75]);
	});

	test('errors name the argument', () => {
		const t = { shape: [1, 1, 2, 2], data: new Float32Array(4) };
		expect(() => resizeBilinear(t, [0, 2])).toThrow(/size\[0\] must be a positive integer, got 0/);
		expect(() => resizeBilinear(t, [2, 2.5])).toThrow(/size\[1\] must be a positive integer, got 2.5/);
		expect(() => resizeBilinear({ shape: [4], data: new Float32Array(4) }, [2, 2])).toThrow(/input.shape/);
		expect(() => resizeBilinear({ shape: [1, 1, 2, 2], data: new Float32Array(3) }, [2, 2])).toThrow(
			/input.data/
		);
	});
});
