import { expectParts } from '../../helpers/expect-parts';
import { describe, expect, test } from 'vitest';
import { fpnLevelTrace } from '../../../src/lib/ops';
import { levelTex } from '../../../src/lib/panels/fpn/fpn-tex';

describe('levelTex', () => {
	test('fills in the box, √(wh), k and the level', () => {
		const b = [120, 40, 210, 140]; // 90 × 100: √(wh) ≈ 94.87, k ≈ 2.7605 → P2
		const tex = levelTex(b, fpnLevelTrace(b), false);
		expectParts(tex, [
			'\\sqrt{90 \\cdot 100}',
			'\\frac{94.87}{224}',
			'\\lfloor 2.7605 + 10^{-6} \\rfloor = 2 \\;\\Rightarrow P_{2}'
		]);
		expect(tex).not.toContain('round');
	});
	test('says when the level is clamped, and what rounding gives', () => {
		const b = [30, 30, 80, 80]; // √(wh) = 50: k = 1 → clamped to P2; rounding gives 2
		const tex = levelTex(b, fpnLevelTrace(b), true);
		expect(tex).toContain('= 1 \\;\\xrightarrow{\\text{clamp to }[2,5]} P_{2}');
		expect(tex).toMatch(/\\operatorname\{round\}\(1\.8\d+\) = 2 \\;\\Rightarrow P_\{2\}/);
	});
});
