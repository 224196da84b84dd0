import { describe, expect, test } from 'vitest';
import { anchorLevels } from '../../../src/lib/ops';
import {
	anchorCounts,
	anchorCountsIf,
	anchorShape,
	anchorsAt,
	featureSizesFor,
	locationAt
} from '../../../src/lib/stepper/stages/anchors/anchor-view';
import { smallRpn } from '../../helpers/stepper-fixture';

const { levels, anchors } = smallRpn();
const sizes = [16, 32, 64, 128, 256];
const ratios = [0.5, 1, 2];

describe('locationAt', () => {
	test('picks the cell corner nearest the point, clamped to the grid', () => {
		const p2 = levels[0]; // 32×32 grid, stride 4
		expect(locationAt(p2, 9.9, 6.1)).toEqual({ row: 2, col: 2, cx: 8, cy: 8 });
		expect(locationAt(p2, -50, 1e6)).toEqual({ row: 31, col: 0, cx: 0, cy: 124 });
	});
});

describe('anchorsAt', () => {
	test('reads the A anchors of a location from the concatenated list, centred on the cell corner', () => {
		const p3 = levels[1]; // stride 8, size 32
		const at = anchorsAt(anchors, p3, { row: 3, col: 5 }, [sizes[1]], ratios);
		expect(at.map((a) => a.index)).toEqual([0, 1, 2].map((k) => p3.offset + (3 * 16 + 5) * 3 + k));
		expect(at.map((a) => a.ratio)).toEqual(ratios);
		for (const a of at) {
			expect((a.box[0] + a.box[2]) / 2).toBe(40);
			expect((a.box[1] + a.box[3]) / 2).toBe(24);
		}
		// ratio = h / w: the first anchor is wide, the last tall; the square one is 32 px
		expect(at[0].box[2] - at[0].box[0]).toBeGreaterThan(at[0].box[3] - at[0].box[1]);
		expect(at[1].box).toEqual([24, 8, 56, 40]);
		expect(at[2].box[3] - at[2].box[1]).toBeGreaterThan(at[2].box[2] - at[2].box[0]);
	});
});

describe('counts', () => {
	test('rows per level and the total equal the anchor list', () => {
		const { rows, total } = anchorCounts(levels);
		expect(rows.map((r) => r.name)).toEqual(['P2', 'P3', 'P4', 'P5', 'P6']);
		expect(rows[0]).toMatchObject({ grid: [32, 32], stride: [4, 4], perLocation: 3, count: 3072 });
		expect(total).toBe(anchors.length / 4);
	});

	test('featureSizesFor halves with ceil, so P6 of an odd P5 rounds up', () => {
		expect(featureSizesFor([512, 512], 5)).toEqual([
			[128, 128],
			[64, 64],
			[32, 32],
			[16, 16],
			[8, 8]
		]);
		expect(featureSizesFor([544, 544], 5)[4]).toEqual([9, 9]);
	});

	test('anchorCountsIf(512) is the model input: 65 472 anchors, three quarters of them on P2', () => {
		const { rows, total } = anchorCountsIf(512, sizes, ratios);
		const direct = anchorLevels({
			imageSize: [512, 512],
			featureSizes: featureSizesFor([512, 512], 5),
			sizes: sizes.map((s) => [s]),
			aspectRatios: sizes.map(() => ratios)
		});
		expect(rows.map((r) => r.count)).toEqual(direct.map((l) => l.count));
		expect(total).toBe(3 * (128 ** 2 + 64 ** 2 + 32 ** 2 + 16 ** 2 + 8 ** 2));
		expect(anchorCountsIf(1024, sizes, ratios).total).toBe(4 * total);
	});

	test('anchorShape keeps the area and sets h / w to the ratio', () => {
		const { w, h } = anchorShape(32, 2);
		expect(w * h).toBeCloseTo(1024, 9);
		expect(h / w).toBeCloseTo(2, 12);
	});
});
