import { describe, expect, test } from 'vitest';
import { pasteMaskTrace } from '../../../src/lib/ops';
import { expandTex, thresholdTex } from '../../../src/lib/stepper/stages/paste/paste-tex';

describe('expandTex', () => {
	test('carries M, the scale, the centre ± half-width and the truncated box of the paste trace', () => {
		const s = expandTex(
			{ scale: 1.0714286, center: [15.25, 20], half: [6.5, 4], expanded: [8, 16, 21, 24], width: 14 },
			28
		);
		expect(s).toContain('\\tfrac{30}{28} = 1.0714');
		expect(s).toContain('\\operatorname{trunc}(15.25 - 6.5) = 8');
		expect(s).toContain('\\operatorname{trunc}(15.25 + 6.5) = 21');
		expect(s.endsWith("W' = x_1' - x_0' + 1 = 14")).toBe(true);
	});
	test('on a real paste trace: the x-extent and width are those of the trace', () => {
		const mask = { shape: [1, 1, 4, 4], data: new Float32Array(16).fill(0.5) };
		const t = pasteMaskTrace(mask, [2, 3, 10, 11], [20, 24]);
		const s = expandTex(t, 4);
		expect(s).toContain('\\tfrac{6}{4} = 1.5');
		expect(s).toContain(`) = ${t.expanded[0]},`);
		expect(s).toContain(`) = ${t.expanded[2]},`);
		expect(s).toContain(`= ${t.width}`);
	});
});

describe('thresholdTex', () => {
	test('shows t with two decimals and the area when there is one', () => {
		expect(thresholdTex(0.375, 1234)).toBe(
			'm(x, y) = [\\,p(x, y) \\ge t\\,],\\quad t = 0.38\\;\\Rightarrow\\; 1234\\text{ pixels}'
		);
		const none = thresholdTex(0.5, null);
		expect(none).toContain('t = 0.50');
		expect(none).not.toContain('pixels');
		expect(thresholdTex(0.5, 0)).toContain('0\\text{ pixels}');
	});
});
