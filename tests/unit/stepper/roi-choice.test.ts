import { describe, expect, it } from 'vitest';
import { boxAt, detectionShortcuts, resolveRoi } from '../../../src/lib/stepper/parts/roi-choice';

describe('resolveRoi', () => {
	it('keeps a valid selection', () => {
		expect(resolveRoi(5, 10, [3])).toBe(5);
	});
	it('falls back to the best detection, then to proposal 0, then to none', () => {
		expect(resolveRoi(undefined, 10, [3, 1])).toBe(3);
		expect(resolveRoi(10, 10, [3])).toBe(3);
		expect(resolveRoi(-1, 10, [])).toBe(0);
		expect(resolveRoi(2.5, 10, [])).toBe(0);
		expect(resolveRoi(0, 0, [])).toBe(-1);
	});
});

describe('detectionShortcuts / boxAt', () => {
	it('lists one shortcut per detection', () => {
		expect(detectionShortcuts([4, 0], [1, 3], [0.9, 0.4])).toEqual([
			{ det: 0, proposal: 4, label: 1, score: 0.9 },
			{ det: 1, proposal: 0, label: 3, score: 0.4 }
		]);
	});
	it('reads one box row', () => {
		expect(boxAt(new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]), 1)).toEqual([5, 6, 7, 8]);
	});
});
