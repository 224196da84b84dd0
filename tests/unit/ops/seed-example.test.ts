import { describe, expect, it } from 'vitest';
import { bilinearSample } from '../../../src/lib/ops/bilinear';
import { roiAlign } from '../../../src/lib/ops/roi-align';
import { roiPool } from '../../../src/lib/ops/roi-pool';
import { SEED_BOX, SEED_MAP, SEED_OUTPUT_SIZE, SEED_SPATIAL_SCALE } from '../../../src/lib/ops/seed-example';
import { fixture, fromHex } from '../../helpers/roi-fixture';

// The seed experiment: torch.manual_seed(1); x = torch.randn(1,1,6,6); box [10,10,124,124] at stride 32; 2×2 output.
const seed = fixture.seedExample;
const boxes = { shape: [1, 5], data: new Float32Array(SEED_BOX) };
const base = { outputSize: SEED_OUTPUT_SIZE, spatialScale: SEED_SPATIAL_SCALE };
const torchRow = (op: string, aligned?: boolean, samplingRatio?: number) => {
	const row = seed.rows.find(
		(r) => r.op === op && r.aligned === aligned && r.samplingRatio === samplingRatio
	);
	if (!row) throw new Error(`no fixture row ${op} ${aligned} ${samplingRatio}`);
	return Array.from(fromHex(row.output));
};
const align = (samplingRatio: number, aligned: boolean) =>
	Array.from(roiAlign(SEED_MAP, boxes, { ...base, samplingRatio, aligned }).data);

describe('the seed example', () => {
	it('SEED_MAP is exactly the map torch generated, and the constants match the fixture', () => {
		expect(SEED_MAP.shape).toEqual(seed.shape);
		expect(Array.from(SEED_MAP.data)).toEqual(Array.from(fromHex(seed.data)));
		expect([...SEED_BOX]).toEqual(seed.box);
		expect(SEED_SPATIAL_SCALE).toBe(seed.spatialScale);
		expect(SEED_OUTPUT_SIZE).toBe(seed.outputSize);
	});

	it("RoIPool prints the seed's [[1.6871, 0.4676], [2.0242, 2.3571]] — exactly torch's values", () => {
		const out = Array.from(roiPool(SEED_MAP, boxes, base).data);
		[1.6871, 0.4676, 2.0242, 2.3571].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 4));
		expect(out).toEqual(torchRow('roi_pool'));
	});

	it("RoIAlign (sampling 1) prints the seed's [[−0.8546, 0.3236], [0.2177, 0.0546]] — exactly torch's values", () => {
		const out = align(1, false);
		[-0.8546, 0.3236, 0.2177, 0.0546].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 4));
		expect(out).toEqual(torchRow('roi_align', false, 1));
	});

	it("the seed's hand check: bilinear at y = x = 1.203125 over cells (1,1), (1,2), (2,1), (2,2) is −0.8546", () => {
		const s = bilinearSample(SEED_MAP, 0, 0, 1.203125, 1.203125);
		expect([s.yLow, s.xLow, s.yHigh, s.xHigh]).toEqual([1, 1, 2, 2]);
		expect([s.ly, s.lx]).toEqual([0.203125, 0.203125]);
		const u = 0.203125;
		const cell = (y: number, x: number) => SEED_MAP.data[y * 6 + x];
		const byHand =
			(1 - u) * (1 - u) * cell(1, 1) +
			(1 - u) * u * cell(1, 2) +
			u * (1 - u) * cell(2, 1) +
			u * u * cell(2, 2);
		expect(s.value[0]).toBeCloseTo(byHand, 6);
		expect(s.value[0]).toBeCloseTo(-0.8546, 4);
		// with sampling ratio 1 that single sample is the whole top-left bin
		expect(s.value[0]).toBe(torchRow('roi_align', false, 1)[0]);
	});

	it('aligned: true shifts the box by half a cell: top-left −1.29109216', () => {
		const out = align(1, true);
		expect(out[0]).toBeCloseTo(-1.29109216, 8);
		expect(out).toEqual(torchRow('roi_align', true, 1));
	});

	it('adaptive sampling (−1 and 0) resolves to a 2×2 grid here and equals sampling ratio 2', () => {
		for (const aligned of [false, true]) {
			for (const sr of [-1, 0]) {
				expect(align(sr, aligned)).toEqual(torchRow('roi_align', aligned, sr));
				expect(align(sr, aligned)).toEqual(align(2, aligned));
			}
		}
	});

	it('every row of the reference table (§15) matches torch bit-exactly', () => {
		const rows = seed.rows.filter((r) => r.op === 'roi_align');
		expect(rows.length).toBe(10);
		for (const r of rows)
			expect(align(r.samplingRatio as number, r.aligned as boolean)).toEqual(
				torchRow('roi_align', r.aligned, r.samplingRatio)
			);
	});

	it('agrees with the numbers printed in the reference table (§15 of torchvision-semantics.md) to 8 decimals', () => {
		const table: [number, boolean, number[]][] = [
			[1, false, [-0.85455352, 0.32360899, 0.21769749, 0.05459579]],
			[2, false, [-0.46871012, -0.1665698, 0.37007236, 0.29385483]],
			[4, false, [-0.46871006, -0.1665698, 0.37007236, 0.29385486]],
			[1, true, [-1.29109216, -0.48629767, 0.7460326, 0.2379642]],
			[2, true, [-1.04401839, -0.51096362, 0.63513011, 0.23796418]],
			[4, true, [-0.99447119, -0.53560227, 0.45721945, 0.25096568]]
		];
		for (const [sr, aligned, want] of table)
			align(sr, aligned).forEach((v, i) => expect(v).toBeCloseTo(want[i], 8));
		const pool = Array.from(roiPool(SEED_MAP, boxes, base).data);
		[1.6871134, 0.46763551, 2.02420211, 2.35711098].forEach((v, i) => expect(pool[i]).toBeCloseTo(v, 8));
	});
});
