import { describe, expect, it } from 'vitest';
import { iouParts } from '../../../src/lib/stepper/stages/nms/nms-steps';
import { iouTex } from '../../../src/lib/stepper/stages/nms/nms-tex';

describe('iouTex', () => {
	// A: 10×10 at the origin (area 100); B: 20×10 (area 200) overlapping A in a 5×8 patch (area 40)
	const a = [0, 0, 10, 10];
	const b = [5, 2, 25, 12];
	const q = iouParts(a, b);

	it('fills the IoU fraction with the overlap and both areas, A first', () => {
		const t = iouTex(q, 40 / 260, 0.1);
		expect(t).toContain('\\frac{|A \\cap B|}{|A| + |B| - |A \\cap B|}');
		expect(t).toContain('\\frac{5 \\times 8}{100 + 200 - 40}');
	});

	it('states the trace’s IoU against the threshold that removes B', () => {
		const t = iouTex(q, 40 / 260, 0.1);
		expect(t).toContain('= 0.154 > 0.10');
		expect(t).toContain('\\text{remove } B');
		expect(t.startsWith('\\begin{aligned}')).toBe(true);
		expect(t.endsWith('\\end{aligned}')).toBe(true);
	});

	it('rounds fractional overlaps to one decimal and areas to whole pixels', () => {
		const t = iouTex(iouParts([0, 0, 10.25, 10], [2.5, 0, 12.5, 10]), 0.6, 0.5);
		expect(t).toContain('\\frac{7.8 \\times 10}{103 + 100 - 78}');
		expect(t).toContain('= 0.600 > 0.50');
	});
});
