import { describe, expect, it } from 'vitest';
import { roiAlignTrace, roiPoolTrace, type Tensor } from '../../../src/lib/ops';
import {
	channelPlane,
	cropWindow,
	liveliestChannel,
	maxAbsDiff,
	roiWindow
} from '../../../src/lib/stepper/stages/roi-align/roi-window';

/** A [1, C, H, W] map whose value encodes (c, y, x), so crops can be checked cell by cell. */
function codedMap(c: number, h: number, w: number): Tensor {
	const data = new Float32Array(c * h * w);
	for (let k = 0; k < c; k++)
		for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[(k * h + y) * w + x] = k * 1e4 + y * 100 + x;
	return { shape: [1, c, h, w], data };
}

describe('roiWindow', () => {
	it('covers the box cells plus the margin, inside the map', () => {
		// box 40..100 px at stride 4 → cells 10..25; margin 2, the +1 for the rounded/sampled edge
		const win = roiWindow([40, 40, 100, 100], 4, 128, 128, { margin: 2, minCells: 1 });
		expect(win).toEqual({ y0: 8, x0: 8, h: 28 - 8, w: 28 - 8 });
	});

	it('contains every cell RoIAlign samples and RoIPool reads, at the map border too', () => {
		const map = codedMap(1, 32, 32);
		for (const box of [
			[0, 0, 30, 18],
			[100, 90, 127.9, 127.9],
			[60.3, 2.2, 61, 3]
		]) {
			const win = roiWindow(box, 4, 32, 32, { margin: 0, minCells: 1 });
			const align = roiAlignTrace(map, [0, ...box], {
				outputSize: 14,
				spatialScale: 1 / 4,
				samplingRatio: 2,
				aligned: false
			});
			for (const b of align.bins)
				for (const s of b.samples)
					for (const [y, x] of [
						[s.yLow, s.xLow],
						[s.yHigh, s.xHigh]
					]) {
						expect(y).toBeGreaterThanOrEqual(win.y0);
						expect(y).toBeLessThan(win.y0 + win.h);
						expect(x).toBeGreaterThanOrEqual(win.x0);
						expect(x).toBeLessThan(win.x0 + win.w);
					}
			const pool = roiPoolTrace(map, [0, ...box], { outputSize: 7, spatialScale: 1 / 4 });
			for (const b of pool.bins) {
				if (b.empty) continue;
				expect(b.hstart).toBeGreaterThanOrEqual(win.y0);
				expect(b.hend).toBeLessThanOrEqual(win.y0 + win.h);
				expect(b.wstart).toBeGreaterThanOrEqual(win.x0);
				expect(b.wend).toBeLessThanOrEqual(win.x0 + win.w);
			}
		}
	});

	it('grows a tiny box to minCells, shifted rather than shrunk at an edge', () => {
		expect(roiWindow([0, 0, 4, 4], 4, 128, 128, { minCells: 12 })).toEqual({ y0: 0, x0: 0, h: 12, w: 12 });
		const w = roiWindow([508, 200, 512, 204], 4, 128, 128, { minCells: 12 });
		expect(w.x0 + w.w).toBe(128);
		expect(w.w).toBe(12);
		expect(w.h).toBe(12);
	});

	it('is the whole map when the map is smaller than minCells', () => {
		expect(roiWindow([10, 10, 200, 200], 32, 8, 6, { minCells: 12 })).toEqual({ y0: 0, x0: 0, h: 8, w: 6 });
	});

	it('still returns a cell of the map for a box outside it', () => {
		const w = roiWindow([900, 900, 950, 950], 4, 16, 16, { margin: 0, minCells: 1 });
		expect(w.x0 + w.w).toBe(16);
		expect(w.w).toBeGreaterThanOrEqual(1);
	});

	it('rejects a bad stride or map size', () => {
		expect(() => roiWindow([0, 0, 1, 1], 0, 8, 8)).toThrow(/stride/);
		expect(() => roiWindow([0, 0, 1, 1], 4, 0, 8)).toThrow(/map size/);
	});
});

describe('channelPlane / cropWindow', () => {
	const map = codedMap(3, 10, 12);

	it('takes one channel without copying', () => {
		const p = channelPlane(map, 2);
		expect(p.shape).toEqual([1, 1, 10, 12]);
		expect(p.data[0]).toBe(20000);
		expect(p.data.buffer).toBe(map.data.buffer);
		expect(() => channelPlane(map, 3)).toThrow(/channel/);
	});

	it('crops the window cell by cell', () => {
		const c = cropWindow(channelPlane(map, 1), { y0: 2, x0: 3, h: 4, w: 5 });
		expect(c.shape).toEqual([1, 1, 4, 5]);
		expect(c.data[0]).toBe(10203);
		expect(c.data[4 * 5 - 1]).toBe(10507);
		expect(() => cropWindow(channelPlane(map, 0), { y0: 8, x0: 0, h: 4, w: 2 })).toThrow(/not inside/);
	});
});

describe('liveliestChannel', () => {
	it('picks the channel with the largest |value| in the window, not elsewhere', () => {
		const map: Tensor = { shape: [1, 3, 4, 4], data: new Float32Array(48) };
		map.data[16 + 0] = 100; // channel 1, cell (0,0): outside the window
		map.data[32 + 2 * 4 + 2] = -5; // channel 2, cell (2,2): inside
		expect(liveliestChannel(map, { y0: 1, x0: 1, h: 3, w: 3 })).toBe(2);
	});
});

describe('maxAbsDiff', () => {
	it('is the largest absolute difference', () => {
		expect(maxAbsDiff([1, 2, 3], [1, 2.5, 1])).toBe(2);
		expect(() => maxAbsDiff([1], [1, 2])).toThrow(/lengths/);
	});
});
