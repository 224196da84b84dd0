import { describe, expect, test } from 'vitest';
import {
	cellFootprint,
	channelPlane,
	channelStats,
	featureLedger,
	liveliestChannels,
	meanAbsMap,
	sharedHeat,
	upsampleSource,
	valueAt
} from '../../../src/lib/stepper/stages/features/feature-view';

// [1, 3, 2, 2]: channel 0 flat, channel 1 varies a lot, channel 2 varies a little and is negative
const t = { shape: [1, 3, 2, 2], data: Float32Array.from([1, 1, 1, 1, 0, 8, 0, 8, -1, -2, -1, -2]) };

describe('feature-view', () => {
	test('ledger: NHWC shapes become NCHW rows with strides', () => {
		const c = [{ shape: [1, 128, 128, 16] }, { shape: [1, 16, 16, 128] }];
		const p = [{ shape: [1, 128, 128, 64] }, { shape: [1, 8, 8, 64] }];
		const rows = featureLedger(c, p, 512);
		expect(rows.map((r) => r.name)).toEqual(['C2', 'C3', 'P2', 'P3']);
		expect(rows[0]).toEqual({ name: 'C2', level: 2, shape: [1, 16, 128, 128], stride: 4 });
		expect(rows[3].stride).toBe(64);
	});
	test('channelPlane is a view of one channel; out-of-range channels throw', () => {
		expect(Array.from(channelPlane(t, 1))).toEqual([0, 8, 0, 8]);
		expect(() => channelPlane(t, 3)).toThrow(/0\.\.2/);
		expect(valueAt(t, 2, 1, 1)).toBe(-2);
	});
	test('meanAbsMap averages |v| over channels', () => {
		expect(Array.from(meanAbsMap(t))).toEqual([2 / 3, 11 / 3, 2 / 3, 11 / 3].map(Math.fround));
	});
	test('channel statistics and the liveliest channels', () => {
		const s = channelStats(t);
		expect(s[0]).toEqual({ channel: 0, mean: 1, std: 0, min: 1, max: 1 });
		expect(s[1].std).toBe(4);
		expect(s[2]).toMatchObject({ mean: -1.5, std: 0.5, min: -2, max: -1 });
		expect(liveliestChannels(t, 2)).toEqual([1, 2]);
	});
	test('upsampleSource: ×2 nearest copies cell (⌊y/2⌋, ⌊x/2⌋)', () => {
		expect(upsampleSource(5, 4, [32, 32], [16, 16])).toEqual([2, 2]);
		expect(upsampleSource(31, 0, [32, 32], [16, 16])).toEqual([15, 0]);
		expect(upsampleSource(2, 2, [3, 3], [2, 2])).toEqual([1, 1]);
	});
	test('cellFootprint in padded-image pixels', () => {
		expect(cellFootprint(1, 2, 8)).toEqual([16, 8, 24, 16]);
	});
	test('sharedHeat: one scale over the range of every plane given, missing planes skipped', () => {
		const h = sharedHeat([Float32Array.from([1, 3]), null, Float32Array.from([-2, 0.5]), undefined]);
		expect(h.min).toBe(-2);
		expect(h.max).toBe(3);
		// the same colour for the same value, whichever plane it came from
		expect(h.fill(0.5)).toBe(sharedHeat([Float32Array.from([-2, 3])]).fill(0.5));
		const pos = sharedHeat([channelPlane(t, 0), channelPlane(t, 1)]);
		expect([pos.min, pos.max]).toEqual([0, 8]);
	});
});
