import { describe, expect, it } from 'vitest';
import { cRound } from '../../../src/lib/ops/c-round';
import { roiAlign, type RoiAlignOptions } from '../../../src/lib/ops/roi-align';
import { roiAlignTrace } from '../../../src/lib/ops/roi-align-trace';
import { roiPool } from '../../../src/lib/ops/roi-pool';
import { roiPoolTrace } from '../../../src/lib/ops/roi-pool-trace';
import type { Tensor } from '../../../src/lib/ops/tensor';
import { fixture, fromHex, mapTensor } from '../../helpers/roi-fixture';

const f = Math.fround;
const poolCases = fixture.cases.filter((c) => c.op === 'roi_pool' && c.k > 0);
const alignCases = fixture.cases.filter((c) => c.op === 'roi_align' && c.k > 0);

/** Every box of some fixture cases, one at a time: (input, box, the op's output rows for that box). */
function* boxesOf(cases: typeof fixture.cases) {
	for (const c of cases) {
		const input = mapTensor(c.map);
		const boxes = fromHex(c.boxes);
		for (let r = 0; r < c.k; r++) yield { c, input, box: boxes.subarray(5 * r, 5 * r + 5), r };
	}
}

const alignOpts = (c: (typeof alignCases)[number], aggregation: 'avg' | 'max'): RoiAlignOptions => ({
	outputSize: c.outputSize,
	spatialScale: c.spatialScale,
	samplingRatio: c.samplingRatio as number,
	aligned: c.aligned as boolean,
	aggregation
});

/** Output values of box r of an op result [K, C, outH, outW], as [channel][bin]. */
function rowOf(out: Tensor, r: number): number[][] {
	const [, c, h, w] = out.shape;
	return Array.from({ length: c }, (_, ch) =>
		Array.from(out.data.subarray((r * c + ch) * h * w, (r * c + ch + 1) * h * w))
	);
}

describe('roiPoolTrace', () => {
	it('bin values equal roiPool (and so torch) on every fixture box', () => {
		let n = 0;
		for (const { c, input, box, r } of boxesOf(poolCases)) {
			const opts = { outputSize: c.outputSize, spatialScale: c.spatialScale };
			const t = roiPoolTrace(input, box, opts);
			const op = rowOf(roiPool(input, { shape: [1, 5], data: box.slice() }, opts), 0);
			const torch = rowOf({ shape: [c.k, t.channels, t.outH, t.outW], data: fromHex(c.output) }, r);
			for (let ch = 0; ch < t.channels; ch++) {
				const traced = t.bins.map((b) => b.value[ch]);
				expect(traced).toEqual(op[ch]);
				expect(traced).toEqual(torch[ch]);
			}
			n++;
		}
		expect(n).toBeGreaterThan(500);
	});

	it('argmax cells hold the first maximum of their bin; empty bins have argmax −1 and value 0', () => {
		let checked = 0;
		for (const { c, input, box } of boxesOf(poolCases)) {
			const t = roiPoolTrace(input, box, { outputSize: c.outputSize, spatialScale: c.spatialScale });
			const [, , h, w] = input.shape;
			expect(t.roundedBox).toEqual(t.scaledBox.map(cRound));
			for (const b of t.bins) {
				expect(b.empty).toBe(b.hend <= b.hstart || b.wend <= b.wstart);
				for (let ch = 0; ch < t.channels; ch++) {
					const plane = input.data.subarray((t.batchIndex * t.channels + ch) * h * w);
					if (b.empty) {
						expect([b.argmax[ch], b.value[ch]]).toEqual([-1, 0]);
						continue;
					}
					const cells: number[] = [];
					for (let y = b.hstart; y < b.hend; y++)
						for (let x = b.wstart; x < b.wend; x++) cells.push(y * w + x);
					const finite = cells.filter((i) => !Number.isNaN(plane[i]));
					const best = Math.max(...finite.map((i) => plane[i]));
					if (best === -Infinity) {
						expect([b.argmax[ch], b.value[ch]]).toEqual([-1, -3.4028234663852886e38]);
						continue;
					}
					expect(plane[b.argmax[ch]]).toBe(b.value[ch]);
					expect(b.value[ch]).toBe(best);
					expect(b.argmax[ch]).toBe(finite.find((i) => plane[i] === best)); // first in row-major order
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(5000);
	});
});

describe('roiAlignTrace', () => {
	it("bin values equal roiAlign ('avg' and 'max') on every fixture box", () => {
		let n = 0;
		for (const { c, input, box } of boxesOf(alignCases)) {
			for (const agg of ['avg', 'max'] as const) {
				const t = roiAlignTrace(input, box, alignOpts(c, agg));
				const op = rowOf(roiAlign(input, { shape: [1, 5], data: box.slice() }, alignOpts(c, agg)), 0);
				for (let ch = 0; ch < t.channels; ch++) expect(t.bins.map((b) => b.value[ch])).toEqual(op[ch]);
			}
			n++;
		}
		expect(n).toBeGreaterThan(800);
	});

	it("'avg' is the float32 running sum of the traced samples / count; 'max' is their maximum (0 if none)", () => {
		let bins = 0;
		for (const { c, input, box } of boxesOf(alignCases)) {
			const avg = roiAlignTrace(input, box, alignOpts(c, 'avg'));
			const max = roiAlignTrace(input, box, alignOpts(c, 'max'));
			const perBin = Math.max(avg.gridH, 0) * Math.max(avg.gridW, 0);
			expect(avg.count).toBe(Math.max(avg.gridH * avg.gridW, 1));
			avg.bins.forEach((b, i) => {
				expect(b.samples.length).toBe(perBin);
				for (let ch = 0; ch < avg.channels; ch++) {
					const vals = b.samples.map((s) => s.value[ch]);
					expect(b.value[ch]).toBe(f(vals.reduce((acc, v) => f(acc + v), 0) / avg.count));
					expect(max.bins[i].value[ch]).toBe(vals.length ? Math.max(...vals) : 0);
				}
				bins++;
			});
		}
		expect(bins).toBeGreaterThan(10000);
	});

	it('the grid is resolved (adaptive = ceil(bin size)), samples are bin-centred and weights of live samples sum to 1', () => {
		for (const { c, input, box } of boxesOf(alignCases.slice(0, 120))) {
			const t = roiAlignTrace(input, box, alignOpts(c, 'avg'));
			const sr = c.samplingRatio as number;
			if (sr > 0) expect([t.gridH, t.gridW]).toEqual([sr, sr]);
			else expect([t.gridH, t.gridW]).toEqual([Math.ceil(t.binHeight) + 0, Math.ceil(t.binWidth) + 0]);
			for (const b of t.bins) {
				for (const s of b.samples) {
					expect(s.y).toBeCloseTo(b.y0 + ((s.iy + 0.5) * t.binHeight) / t.gridH, 4);
					expect(s.x).toBeCloseTo(b.x0 + ((s.ix + 0.5) * t.binWidth) / t.gridW, 4);
					const sum = s.weights.reduce((a, v) => a + v, 0);
					if (s.status === 'zeroed') expect(sum).toBe(0);
					else expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-6);
				}
			}
		}
	});

	const grid: Tensor = { shape: [1, 1, 4, 4], data: Float32Array.from({ length: 16 }, (_, i) => i + 1) };
	const one = { outputSize: 1, spatialScale: 1, samplingRatio: 1, aligned: false };

	it("a sample at y = −0.5 is 'clamped' onto row 0; at y = −1.5 it is 'zeroed'", () => {
		// aligned=false, scale 1, one bin of height max(1, 1) = 1 and one sample: y = y1 + 0.5
		const near = roiAlignTrace(grid, [0, 1, -1, 2, 0], one).bins[0].samples[0];
		expect([near.y, near.x, near.status]).toEqual([-0.5, 1.5, 'clamped']);
		expect([near.yLow, near.yHigh, near.ly, near.xLow, near.xHigh, near.lx]).toEqual([0, 1, 0, 1, 2, 0.5]);
		expect(near.value[0]).toBe(2.5); // row 0 between cells 2 and 3
		const far = roiAlignTrace(grid, [0, 1, -2, 2, -1], one).bins[0].samples[0];
		expect([far.y, far.status, far.value[0]]).toEqual([-1.5, 'zeroed', 0]);
		expect(far.weights).toEqual([0, 0, 0, 0]);
		const inside = roiAlignTrace(grid, [0, 1, 1, 2, 2], one).bins[0].samples[0];
		expect([inside.y, inside.x, inside.status, inside.value[0]]).toEqual([1.5, 1.5, 'inside', 8.5]);
	});

	it('reports the aligned shift and the legacy size clamp in its geometry', () => {
		const legacy = roiAlignTrace(grid, [0, 1, 1, 1.25, 1.5], { ...one, outputSize: [2, 1] });
		expect([legacy.roiWidth, legacy.roiHeight, legacy.binHeight]).toEqual([1, 1, 0.5]);
		const v2 = roiAlignTrace(grid, [0, 1, 1, 1.25, 1.5], { ...one, outputSize: [2, 1], aligned: true });
		expect(v2.scaledBox).toEqual([0.5, 0.5, 0.75, 1]);
		expect([v2.roiWidth, v2.roiHeight, v2.binHeight]).toEqual([0.25, 0.5, 0.25]);
		expect(v2.bins.map((b) => [b.y0, b.y1])).toEqual([
			[0.5, 0.75],
			[0.75, 1]
		]);
	});
});
