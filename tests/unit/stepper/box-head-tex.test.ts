import { expectParts } from '../../helpers/expect-parts';
import { describe, expect, it } from 'vitest';
import { decodeTex, softmaxTex } from '../../../src/lib/stepper/stages/box-head/box-head-tex';
import { softmaxTerms, type DecodeTerms } from '../../../src/lib/stepper/stages/box-head/box-head-view';

describe('softmaxTex', () => {
	// logits of (background, circle, square): m = 2
	const terms = softmaxTerms([-1, 2, 0.5]);

	it('fills the chosen class’s softmax with its logit, the max and the sum', () => {
		const t = softmaxTex({ cls: 2, logit: 0.5, prob: 0.1824 }, 'square', 3, terms);
		expectParts(t, [
			'p_{\\text{square}} = \\frac{e^{z_{2} - m}}{\\sum_{j=0}^{2} e^{z_j - m}}',
			`\\frac{e^{0.50 - 2.00}}{${terms.sum.toFixed(4)}}`,
			`\\frac{0.223}{${terms.sum.toFixed(4)}} = 0.1824`
		]);
	});

	it('puts a negative logit in parentheses', () => {
		const t = softmaxTex({ cls: 0, logit: -1, prob: 0.0403 }, 'background', 3, terms);
		expect(t).toContain('e^{(-1.00) - 2.00}');
		expect(t).toContain('\\frac{0.050}{');
	});
});

describe('decodeTex', () => {
	const dec: DecodeTerms = {
		proposal: [100, 100, 140, 140],
		w: 40,
		h: 40,
		cx: 120,
		cy: 120,
		raw: [1, -2, 0.5, 25],
		d: [0.1, -0.2, 0.1, 5],
		clamped: true,
		pcx: 124,
		pcy: 112,
		pw: 44.2068,
		ph: 2500,
		decoded: [101.9, -1138, 146.1, 1362],
		final: [101.9, 0, 146.1, 150],
		clipped: true
	};

	it('spells out size, centre, weighted deltas and the refined box', () => {
		const t = decodeTex(dec);
		expectParts(t, [
			'w &= 140 - 100 = 40',
			'c_x &= x_1 + \\tfrac{w}{2} = 120',
			'd_x &= \\tfrac{1.000}{10} = 0.100',
			'd_y &= \\tfrac{(-2.000)}{10} = (-0.200)',
			'd_h &= \\tfrac{25.000}{5} = 5.000',
			"c_y' &= c_y + d_y h = 112",
			"w' &= w\\,e^{\\min(0.100,\\,4.135)} = 44.21",
			'= (101.9,\\ -1138,\\ 146.1,\\ 1362)'
		]);
	});

	it('shows the clamp and the clipped box only when they happened', () => {
		expect(decodeTex(dec)).toContain('\\text{clipped} &= (101.9,\\ 0,\\ 146.1,\\ 150)');
		const plain = decodeTex({ ...dec, clamped: false, clipped: false, d: [0.1, -0.2, 0.1, 0.2] });
		expect(plain).not.toContain('\\min');
		expect(plain).not.toContain('clipped');
		expect(plain).toContain("h' &= h\\,e^{0.200} = 2500");
	});
});
