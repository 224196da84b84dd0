import { describe, expect, test } from 'vitest';
import {
	bceTex,
	boxTex,
	clsTex,
	maskTex,
	totalTex
} from '../../../src/lib/stepper/stages/training/training-tex';

// a RoI's losses with distinct values, so each formula can be checked for the right one
const loss = {
	lCls: 0.4327,
	lBox: 3.33863,
	lMask: 1.21923,
	lMaskSoftmax: 3.39307,
	total: 4.99056,
	classProbs: Float32Array.from([0.05, 0.1, 0.6487, 0.2]),
	boxTerms: [0.0123, 1.25, -0, 2.07633]
};

describe('the loss formulas', () => {
	test('total: the three terms in order and their sum', () => {
		expect(totalTex(loss)).toBe('L = L_{cls} + L_{box} + L_{mask} = 0.4327 + 3.3386 + 1.2192 = 4.9906');
	});
	test('classification: −log of the true class’s probability', () => {
		const s = clsTex(2, loss);
		expect(s).toContain('-\\log p_{2} = -\\log 0.6487 = 0.4327');
		expect(clsTex(1, loss)).toContain('-\\log 0.1000');
	});
	test('box: the four smooth-L1 terms (no "-0") and their sum', () => {
		const s = boxTex(loss);
		expect(s).toContain('\\beta=1/9');
		expect(s.endsWith('= 0.0123 + 1.2500 + 0.0000 + 2.0763 = 3.3386')).toBe(true);
	});
	test('mask: the mean over M² cells of the true class’s plane, and the softmax value beside it', () => {
		const s = maskTex(28, 3, loss);
		expect(s).toContain('\\frac{1}{28^2}');
		expect(s).toContain('\\mathrm{BCE}(z_{3}, t) = 1.2192');
		expect(s).toContain('\\text{softmax: } 3.3931');
	});
});

describe('bceTex', () => {
	test('the probed cell: t and 1 − t, σ(z) and 1 − σ(z), the cell loss and the logit (negative in parentheses)', () => {
		const s = bceTex({ t: 0.25, z: -0.5, p: 0.377541, bce: 0.70048 });
		expect(s).toContain('-\\big[0.250\\log 0.3775 + 0.750\\log 0.6225\\big] = 0.7005');
		expect(s.endsWith('(z = (-0.500))')).toBe(true);
	});
});
