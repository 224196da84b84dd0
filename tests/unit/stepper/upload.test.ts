import { describe, expect, test } from 'vitest';
// (what uploads are refused, and why, is in sniff-upload.test.ts)
import { fitWithin } from '../../../src/lib/stepper/input/upload';

describe('fitWithin', () => {
	test('small pictures are never upscaled', () => {
		expect(fitWithin(300, 200)).toEqual({ width: 300, height: 200, scale: 1 });
		expect(fitWithin(512, 512)).toEqual({ width: 512, height: 512, scale: 1 });
	});
	test('the long side becomes 512 and the aspect ratio is kept', () => {
		expect(fitWithin(4032, 3024)).toEqual({ width: 512, height: 384, scale: 512 / 4032 });
		expect(fitWithin(1080, 1920)).toEqual({ width: 288, height: 512, scale: 512 / 1920 });
		expect(fitWithin(513, 100).width).toBe(512);
	});
	test('a very thin picture keeps at least one pixel', () => {
		expect(fitWithin(100_000, 10)).toEqual({ width: 512, height: 1, scale: 512 / 100_000 });
	});
	test('a custom limit and bad sizes', () => {
		expect(fitWithin(1000, 500, 100)).toEqual({ width: 100, height: 50, scale: 0.1 });
		expect(() => fitWithin(0, 10)).toThrow(/positive/);
		expect(() => fitWithin(NaN, 10)).toThrow(/positive/);
	});
});
