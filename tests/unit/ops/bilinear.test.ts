import { describe, expect, it } from 'vitest';
import { bilinearSample } from '../../../src/lib/ops/bilinear';
import { fixture, fromHex } from '../../helpers/roi-fixture';

// Each probe is torchvision's roi_align(aligned=True, sampling_ratio=1, output 1×1, scale 1) on a zero-size box at
// (x + 0.5, y + 0.5): exactly one sample at (y, x), divided by 1 — i.e. the kernel's bilinear_interpolate(y, x).
const { shape, probes } = fixture.bilinear;
const input = { shape, data: fromHex(fixture.bilinear.data) };
const [, channels, h, w] = shape;

describe('bilinearSample vs torchvision bilinear_interpolate (golden probes)', () => {
	it('probes the boundary rules: exactly −1 and H/W, just beyond them, the clamp bands, far outside', () => {
		const ys = new Set(probes.map((p) => p.y));
		for (const y of [-1, -0.5, 0, h - 1, h, -3]) expect(ys.has(y)).toBe(true);
		expect(probes.some((p) => p.y < -1 && p.y > -1.001)).toBe(true);
		expect(probes.some((p) => p.y > h && p.y < h + 0.001)).toBe(true);
		expect(probes.some((p) => p.x > w && p.x < w + 0.001)).toBe(true);
	});

	it('matches every probe bit-exactly in every channel', () => {
		let checked = 0;
		for (const p of probes) {
			const expected = fromHex(p.values);
			for (let c = 0; c < channels; c++) {
				const s = bilinearSample(input, p.batch, c, p.y, p.x);
				// roi_align outputs 0 + sample: a zeroed sample's −0 (0 × a negative cell) becomes +0 there
				expect(Object.is(0 + s.value[0], expected[c]), `(${p.y}, ${p.x}) channel ${c}`).toBe(true);
				checked++;
			}
		}
		expect(checked).toBe(probes.length * channels);
	});

	it('labels the boundary cases: −1 and H clamp, just beyond them is zeroed', () => {
		expect(bilinearSample(input, 0, 0, -1, 2).status).toBe('clamped');
		expect(bilinearSample(input, 0, 0, h, 2).status).toBe('clamped');
		expect(bilinearSample(input, 0, 0, 2, w).status).toBe('clamped');
		const beyond = bilinearSample(input, 0, 0, h + 1e-6, 2);
		expect(beyond.status).toBe('zeroed');
		expect(beyond.weights).toEqual([0, 0, 0, 0]);
		const inside = bilinearSample(input, 0, 0, 0, 0);
		expect(inside.status).toBe('inside'); // exactly on cell (0,0): nothing moves
		expect(inside.weights).toEqual([1, 0, 0, 0]);
		const edge = bilinearSample(input, 0, 0, h - 0.5, w - 1);
		expect([edge.status, edge.yLow, edge.yHigh, edge.ly]).toEqual(['clamped', h - 1, h - 1, 0]);
	});
});
