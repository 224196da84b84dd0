import { describe, expect, test } from 'vitest';
import { MAX_UPLOAD_BYTES, fitWithin, uploadProblem } from '../../../src/lib/stepper/input/upload';

describe('uploadProblem', () => {
	const png = { name: 'shapes.png', type: 'image/png', size: 1000 };
	test('accepts an ordinary image up to the limit', () => {
		expect(uploadProblem(png)).toBeNull();
		expect(uploadProblem({ ...png, size: MAX_UPLOAD_BYTES })).toBeNull();
	});
	test('refuses non-images, SVG, empty and oversized files with a reason', () => {
		expect(uploadProblem({ name: 'notes.pdf', type: 'application/pdf', size: 10 })).toMatch(/not an image/);
		expect(uploadProblem({ name: 'x', type: '', size: 10 })).toMatch(/unknown/);
		expect(uploadProblem({ ...png, type: 'image/svg+xml' })).toMatch(/SVG/);
		expect(uploadProblem({ ...png, size: 0 })).toMatch(/empty/);
		expect(uploadProblem({ ...png, size: MAX_UPLOAD_BYTES + 1 })).toMatch(/20\.0 MB; the limit is 20 MB/);
	});
	test('long names are shortened in the message', () => {
		const msg = uploadProblem({ name: 'a'.repeat(200), type: 'text/plain', size: 1 })!;
		expect(msg.length).toBeLessThan(120);
	});
});

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
