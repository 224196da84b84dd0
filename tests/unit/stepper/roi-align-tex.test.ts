import { expectParts } from '../../helpers/expect-parts';
import { describe, expect, it } from 'vitest';
import { roiAlignTrace, roiPoolTrace, type Tensor } from '../../../src/lib/ops';
import { alignSizeTex } from '../../../src/lib/panels/roi/roi-tex';
import { poolTex, scaleTex } from '../../../src/lib/stepper/stages/roi-align/roi-align-tex';

// one channel of a P2 map (stride 4), and a proposal whose corners fall between cells
const plane: Tensor = { shape: [1, 1, 16, 16], data: Float32Array.from({ length: 256 }, (_, i) => i % 7) };
const box = [9, 18, 41, 50];
const align = (samplingRatio: number, aligned: boolean, outputSize = 7) =>
	roiAlignTrace(plane, [0, ...box], { outputSize, spatialScale: 1 / 4, samplingRatio, aligned });

describe('scaleTex', () => {
	it('divides each corner by the level’s stride', () => {
		const t = scaleTex(box, 2, align(2, false), false);
		expectParts(t, [
			'k &= 2 \\;\\Rightarrow\\; \\text{spatial scale} = 2^{-2} = \\tfrac{1}{4}',
			"x_1' &= \\tfrac{9}{4} = 2.25",
			"y_1' &= \\tfrac{18}{4} = 4.5",
			"x_2' &= \\tfrac{41}{4} = 10.25",
			"y_2' &= \\tfrac{50}{4} = 12.5"
		]);
	});

	it('subtracts half a cell with aligned=True', () => {
		const t = scaleTex(box, 2, align(2, true), true);
		expect(t).toContain("x_1' &= \\tfrac{9}{4} - 0.5 = 1.75");
		expect(t).toContain("y_2' &= \\tfrac{50}{4} - 0.5 = 12");
	});

	it('takes the stride from the level', () => {
		const t = scaleTex([64, 0, 128, 64], 4, { scaledBox: [4, 0, 8, 4] }, false);
		expect(t).toContain('2^{-4} = \\tfrac{1}{16}');
		expect(t).toContain("x_1' &= \\tfrac{64}{16} = 4");
	});
});

describe('alignSizeTex with the total (the stage 7 grid)', () => {
	it('gives the RoI size with the legacy clamp, the bins and a fixed sampling grid', () => {
		const t = alignSizeTex(align(2, false), false, 2, true);
		expectParts(t, [
			'w = \\max(10.25 - 2.25,\\, 1) = 8',
			'h = \\max(12.5 - 4.5,\\, 1) = 8',
			'\\text{bin}_w = 8 / 7 = 1.1429',
			'g_w = 2,\\quad g_h = 2',
			'4 \\text{ samples per bin}, 196 \\text{ in all}'
		]);
	});

	it('spells out the adaptive grid as the ceiling of the bin size', () => {
		const t = alignSizeTex(align(0, false, 2), false, 0, true);
		expect(t).toContain('g_w = \\lceil 8 / 2 \\rceil = 4');
		expect(t).toContain('16 \\text{ samples per bin}, 64 \\text{ in all}');
	});

	it('drops the clamp with aligned=True', () => {
		const t = alignSizeTex(align(2, true), true, 2, true);
		expect(t).toContain('w = 9.75 - 1.75 = 8,\\quad h = 12 - 4 = 8');
		expect(t).not.toContain('\\max');
	});
});

describe('poolTex', () => {
	it('rounds the scaled box to cells (half away from zero) and counts cells inclusively', () => {
		const pool = roiPoolTrace(plane, [0, ...box], { outputSize: 7, spatialScale: 1 / 4 });
		expect(pool.roundedBox).toEqual([2, 5, 10, 13]);
		const t = poolTex(pool, 7);
		expectParts(t, [
			'x_1 &= \\operatorname{round}(2.25) = 2',
			'y_1 &= \\operatorname{round}(4.5) = 5',
			'y_2 &= \\operatorname{round}(12.5) = 13',
			'w &= 10 - 2 + 1 = 9 & h &= 13 - 5 + 1 = 9',
			'\\text{bin}_w &= \\tfrac{9}{7} = 1.2857'
		]);
	});
});
