import { describe, expect, test } from 'vitest';
import { sigmoidTex, softmaxTex } from '../../../src/lib/stepper/stages/mask-head/mask-head-tex';

describe('sigmoidTex', () => {
	test('names the kept plane, shows its logit (negative in parentheses) and ends in the probability', () => {
		const s = sigmoidTex(3, -1.23456, 0.225391);
		expect(s).toContain('\\sigma(z_{3})');
		expect(s).toContain('e^{-z_{3}}');
		expect(s).toContain('e^{-(-1.235)}');
		expect(s.endsWith('= 0.2254')).toBe(true);
	});
});

describe('softmaxTex', () => {
	// one cell's logits of background and three classes
	const z = [-4.5, 0.25, 2.125, -1];
	test('with the background plane: the sum runs from 0 over every plane, the kept plane on top', () => {
		const s = softmaxTex(2, z, 0, 0.7031);
		expect(s).toContain('p_{2} = \\frac{e^{z_{2}}}{\\sum_{j=0}^{3} e^{z_j}}');
		expect(s).toContain('\\frac{e^{2.13}}{e^{(-4.50)} + e^{0.25} + e^{2.13} + e^{(-1.00)}}');
		expect(s.endsWith('= 0.7031')).toBe(true);
	});
	test('without it: the sum starts at class 1 and the background logit is left out', () => {
		const s = softmaxTex(1, z, 1, 0.1);
		expect(s).toContain('\\sum_{j=1}^{3}');
		expect(s).toContain('\\frac{e^{0.25}}{e^{0.25} + e^{2.13} + e^{(-1.00)}}');
		expect(s).not.toContain('-4.50');
		expect(s.endsWith('= 0.1000')).toBe(true);
	});
});
