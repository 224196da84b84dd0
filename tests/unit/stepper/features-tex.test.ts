import { expectParts } from '../../helpers/expect-parts';
import { describe, expect, test } from 'vitest';
import { pyramidTex } from '../../../src/lib/stepper/stages/features/features-tex';
import { upsampleSource } from '../../../src/lib/stepper/stages/features/feature-view';

describe('pyramidTex', () => {
	test('P2..P4: the top-down sum at the cell, with the source cell of the upsampling and the value', () => {
		const s = pyramidTex({
			level: 3,
			channel: 7,
			y: 5,
			x: 4,
			value: -0.12345,
			source: upsampleSource(5, 4, [64, 64], [32, 32])
		});
		expect(s.startsWith('\\begin{gathered} ')).toBe(true);
		expect(s.endsWith(' \\end{gathered}')).toBe(true);
		expectParts(s, [
			'M_3[y, x] = \\underbrace{\\mathrm{conv}_{1\\times1}(C_3)[y, x]}_{\\text{lateral}}',
			'\\underbrace{M_4[\\lfloor y/2 \\rfloor, \\lfloor x/2 \\rfloor]}_{\\text{top-down}}',
			'M_3[5, 4] \\leftarrow M_4[2, 2]',
			'P_3 = \\mathrm{conv}_{3\\times3}(M_3) \\qquad P_3[7, 5, 4] = (-0.123)'
		]);
		// two rows: the sum, then the smoothing
		expect(s.split(' \\\\ ')).toHaveLength(2);
	});

	test('the source cell is the one given, not recomputed (odd sizes do not halve exactly)', () => {
		const s = pyramidTex({ level: 2, channel: 0, y: 2, x: 2, value: 1, source: [1, 1] });
		expect(s).toContain('M_2[2, 2] \\leftarrow M_3[1, 1]');
		expect(s).toContain('P_2[0, 2, 2] = 1.000');
	});

	test('P5: the lateral term alone, no top-down row', () => {
		const s = pyramidTex({ level: 5, channel: 3, y: 1, x: 9, value: 2.5 });
		expect(s).toContain('M_5 = \\mathrm{conv}_{1\\times1}(C_5)');
		expect(s).toContain('P_5[3, 1, 9] = 2.500');
		expect(s).not.toContain('top-down');
	});

	test('P6: every other cell of P5, with both values; "?" while P5 is not read', () => {
		const s = pyramidTex({ level: 6, channel: 2, y: 3, x: 1, value: 0.5, p5Value: 0.5 });
		expect(s).toContain('P_6[2, 3, 1] = P_5[2, 6, 2] \\quad (0.500 = 0.500)');
		expect(pyramidTex({ level: 6, channel: 2, y: 3, x: 1, value: -1, p5Value: null })).toContain(
			'((-1.000) = ?)'
		);
	});
});
