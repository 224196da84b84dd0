import { expectParts } from '../../helpers/expect-parts';
import { describe, expect, test } from 'vitest';
import { SEED_MAP, roiAlignTrace, roiPoolTrace } from '../../../src/lib/ops';
import {
	alignBoxTex,
	alignSizeTex,
	poolBinTex,
	poolCoordTex,
	poolSizeTex
} from '../../../src/lib/panels/roi/roi-tex';

// torchvision's example: the seed map, box (10, 10, 124, 124), stride 32, 2×2
const box = [10, 10, 124, 124];
const pool = roiPoolTrace(SEED_MAP, [0, ...box], { outputSize: [2, 2], spatialScale: 1 / 32 });
const align = (aligned: boolean, samplingRatio: number) =>
	roiAlignTrace(SEED_MAP, [0, ...box], { outputSize: [2, 2], spatialScale: 1 / 32, samplingRatio, aligned });

describe('RoIPool formulas', () => {
	test('each corner scaled and rounded: 10/32 = 0.3125 → 0, 124/32 = 3.875 → 4', () => {
		const t = poolCoordTex(box, 32, pool);
		expect(t).toContain(
			"x_1' &= \\operatorname{round}\\!\\left(\\tfrac{10}{32}\\right) = \\operatorname{round}(0.3125) = 0"
		);
		expect(t).toContain('\\operatorname{round}(3.875) = 4');
	});
	test('five cells (4 − 0 + 1), bins of 2.5 cells', () => {
		const t = poolSizeTex(pool);
		expect(t).toContain("w = x_2' - x_1' + 1 = 4 - 0 + 1 = 5");
		expect(t).toContain('\\text{bin}_w = \\tfrac{5}{2} = 2.5');
	});
	test('bin (1, 1): rows and columns 2–4, and the cell that holds its max', () => {
		const b = pool.bins[3];
		const t = poolBinTex(pool, b, 6);
		expectParts(t, [
			`\\to ${b.hstart}`,
			`\\max_{h \\in [2, 5),\\; w \\in [2, 5)}`,
			`x[${Math.floor(b.argmax[0] / 6)}, ${b.argmax[0] % 6}]`
		]);
	});
});

describe('RoIAlign formulas', () => {
	test('no rounding, and the −½ shift only when aligned', () => {
		expect(alignBoxTex(box, 32, false, align(false, 1))).toContain("x_1' &= \\tfrac{10}{32} = 0.3125");
		expect(alignBoxTex(box, 32, true, align(true, 1))).toContain("x_1' &= \\tfrac{10}{32} - 0.5 = -0.1875");
	});
	test('the sampling grid: fixed, or adaptive as the ceiling of the bin size; the total on request', () => {
		expect(alignSizeTex(align(false, 1), false, 1)).toContain('\\text{count} = \\max(g_h g_w, 1) = 1');
		const adaptive = alignSizeTex(align(false, 0), false, 0, true);
		expect(adaptive).toContain('g_w = \\lceil 3.5625 / 2 \\rceil = 2');
		expect(adaptive).toContain('4 \\text{ samples per bin}, 16 \\text{ in all}');
	});
});
