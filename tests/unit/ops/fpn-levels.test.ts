import { describe, expect, test } from 'vitest';
import { assignFpnLevels, fpnLevelTrace } from '../../../src/lib/ops/fpn-levels';
import { hexF32, loadFixture, mismatches } from '../../helpers/pipeline-golden';

interface FpnFixture {
	boxes: string;
	levels: number[];
	trace: { count: number; area: string; sqrtArea: string; kRaw: string; kFloor: number[] };
	variant: {
		opts: { minLevel: number; maxLevel: number; canonicalScale: number; canonicalLevel: number; eps: number };
		levels: number[];
	};
}

const fx = loadFixture<FpnFixture>('fpn-levels.json');
const boxes = hexF32(fx.boxes);

describe('assignFpnLevels = torchvision LevelMapper (scales 1/4..1/32) + k_min', () => {
	test(`${fx.levels.length} boxes, incl. ones within 1e-9..1e-3 relative of the 56/112/224/448/896 boundaries`, () => {
		expect(mismatches(assignFpnLevels(boxes), fx.levels)).toEqual([]);
	});

	test('every level 2..5 occurs, and boundary boxes fall on both sides', () => {
		const got = assignFpnLevels(boxes);
		expect(new Set(got)).toEqual(new Set([2, 3, 4, 5]));
	});

	test('options: minLevel 3, maxLevel 6, canonicalScale 256, canonicalLevel 5, eps 1e-5', () => {
		expect(mismatches(assignFpnLevels(boxes, fx.variant.opts), fx.variant.levels)).toEqual([]);
	});

	test('sqrt(area) boundaries: <112 → P2, [112,224) → P3, [224,448) → P4, ≥448 → P5', () => {
		const sq = (s: number) => [0, 0, s, s];
		const b = Float32Array.from([111.9, 112, 223.99, 224, 447.9, 448, 2000, 0].flatMap(sq));
		expect(Array.from(assignFpnLevels(b))).toEqual([2, 3, 3, 4, 4, 5, 5, 2]);
	});
});

describe('fpnLevelTrace', () => {
	const area = hexF32(fx.trace.area);
	const sqrtArea = hexF32(fx.trace.sqrtArea);
	const kRaw = hexF32(fx.trace.kRaw);

	test(`area, sqrt, unrounded k and floor(k + eps) equal torch's intermediates on ${fx.trace.count} boxes`, () => {
		const got = {
			area: [] as number[],
			sqrtArea: [] as number[],
			kRaw: [] as number[],
			kFloor: [] as number[]
		};
		for (let i = 0; i < fx.trace.count; i++) {
			const t = fpnLevelTrace(boxes.subarray(i * 4, i * 4 + 4));
			got.area.push(t.area);
			got.sqrtArea.push(t.sqrtArea);
			got.kRaw.push(t.kRaw);
			got.kFloor.push(t.kFloor);
			expect(t.level).toBe(fx.levels[i]);
		}
		expect(mismatches(got.area, area)).toEqual([]);
		expect(mismatches(got.sqrtArea, sqrtArea)).toEqual([]);
		expect(mismatches(got.kRaw, kRaw)).toEqual([]);
		expect(mismatches(got.kFloor, fx.trace.kFloor)).toEqual([]);
	});

	test('rounding instead of flooring moves a 160-px box from P3 to P4', () => {
		const t = fpnLevelTrace([0, 0, 160, 160]);
		expect(t.kRaw).toBeCloseTo(4 + Math.log2(160 / 224), 6);
		expect([t.kFloor, t.level, t.kRound, t.levelIfRounded]).toEqual([3, 3, 4, 4]);
	});

	test('a box exactly on a boundary goes up thanks to eps (sqrt(area) = 224 → P4)', () => {
		const t = fpnLevelTrace([10, 10, 234, 234]);
		expect(t.kRaw).toBe(4);
		expect(t.level).toBe(4);
	});
});

describe('fpn level errors', () => {
	test('bad boxes and options throw naming the argument', () => {
		expect(() => assignFpnLevels(new Float32Array(5))).toThrow(/boxes.length must be a multiple of 4.*got 5/);
		expect(() => assignFpnLevels(Float32Array.from([0, 0, NaN, 1]))).toThrow(/boxes\[2\].*finite.*NaN/);
		expect(() => assignFpnLevels(Float32Array.from([5, 0, 1, 1]))).toThrow(/boxes row 0 must be upright/);
		expect(() => assignFpnLevels(new Float32Array(4), { minLevel: 4, maxLevel: 3 })).toThrow(/maxLevel/);
		expect(() => assignFpnLevels(new Float32Array(4), { canonicalScale: -1 })).toThrow(/canonicalScale.*-1/);
		expect(() => assignFpnLevels(new Float32Array(4), { minLevel: 2.5 })).toThrow(
			/minLevel must be an integer/
		);
		expect(() => fpnLevelTrace([1, 2, 3])).toThrow(/box must be \[x1, y1, x2, y2\]/);
	});
});
