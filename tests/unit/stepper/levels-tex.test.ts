import { describe, expect, it } from 'vitest';
import { fpnLevelTrace } from '../../../src/lib/ops';
import { levelTex } from '../../../src/lib/stepper/stages/levels/levels-tex';

describe('levelTex', () => {
	it('works Eq. 1 through for a box, width before height, ending at its level', () => {
		const box: [number, number, number, number] = [10, 20, 130, 140]; // 120×120 → √(wh) = 120
		const t = fpnLevelTrace(box);
		expect(t.level).toBe(3);
		const s = levelTex(box, t);
		expect(s).toContain('\\sqrt{120 \\cdot 120}');
		expect(s).toContain('\\frac{120.00}{224}');
		expect(s).toContain(`\\lfloor ${t.kRaw.toFixed(4)} + 10^{-6}\\rfloor = 3 \\;\\Rightarrow P_{3}`);
		expect(s).not.toContain('clamp');
	});

	it('keeps w and h apart for a flat box', () => {
		const box: [number, number, number, number] = [0, 0, 300.5, 50];
		const s = levelTex(box, fpnLevelTrace(box));
		expect(s).toContain('\\sqrt{300.5 \\cdot 50}');
	});

	it('shows the clamp when the floor falls outside P2…P5', () => {
		const small: [number, number, number, number] = [0, 0, 20, 10];
		const t = fpnLevelTrace(small);
		expect(t.kFloor).toBe(0);
		const s = levelTex(small, t);
		expect(s).toContain('= 0 \\;\\xrightarrow{\\text{clamp to }[2,5]} P_{2}');
		const big: [number, number, number, number] = [0, 0, 1000, 1000];
		expect(levelTex(big, fpnLevelTrace(big))).toContain('= 6 \\;\\xrightarrow{\\text{clamp to }[2,5]} P_{5}');
	});

	it('uses the numbers it is given, not its own', () => {
		const s = levelTex([0, 0, 64, 64], { sqrtArea: 64, kRaw: 2.1926, kFloor: 2, level: 2 });
		expect(s).toContain('\\frac{64.00}{224}');
		expect(s).toContain('\\lfloor 2.1926 + 10^{-6}\\rfloor = 2 \\;\\Rightarrow P_{2}');
	});
});
