import { describe, expect, test } from 'vitest';
import { sortDescending, sortDescendingStable, topk } from '../../../src/lib/ops/torch-sort';
import { hexF32, loadFixture } from '../../helpers/pipeline-golden';

interface SortFixture {
	cases: { values: string; order: number[]; stable: number[] }[];
}
interface TopkFixture {
	cases: { values: string; k: number; indices: number[] }[];
}

const sorts = loadFixture<SortFixture>('torch-sort.json');
const topks = loadFixture<TopkFixture>('torch-topk.json');

describe('sortDescending = torch.sort(descending=True) indices (torch 1.13 CPU, unstable)', () => {
	test('the documented tie example [0.5]*20 + [0.7]*5 + [0.5]*20', () => {
		const v = [...Array(20).fill(0.5), ...Array(5).fill(0.7), ...Array(20).fill(0.5)];
		expect(Array.from(sortDescending(v))).toEqual(sorts.cases[0].order);
		expect(Array.from(sortDescending(v).slice(0, 7))).toEqual([24, 23, 22, 21, 20, 33, 26]);
	});

	test(`matches torch on all ${sorts.cases.length} tie-heavy / NaN / adversarial arrays`, () => {
		let bad = 0;
		for (const c of sorts.cases) {
			const got = Array.from(sortDescending(hexF32(c.values)));
			if (JSON.stringify(got) !== JSON.stringify(c.order)) bad++;
		}
		expect(bad).toBe(0);
	});

	test('a stable sort would NOT match (the fixture really tests tie order)', () => {
		let differs = 0;
		for (const c of sorts.cases) {
			const v = hexF32(c.values);
			const stable = Array.from(v.keys()).sort((a, b) => (v[b] > v[a] ? 1 : v[b] < v[a] ? -1 : a - b));
			if (!v.some(Number.isNaN) && JSON.stringify(stable) !== JSON.stringify(c.order)) differs++;
		}
		expect(differs).toBeGreaterThan(100);
	});
});

describe('sortDescendingStable = torch.sort(descending=True, stable=True) indices (the NMS kernel order)', () => {
	test(`matches torch on all ${sorts.cases.length} arrays (ties in index order, NaN first)`, () => {
		let bad = 0;
		for (const c of sorts.cases)
			if (JSON.stringify(Array.from(sortDescendingStable(hexF32(c.values)))) !== JSON.stringify(c.stable))
				bad++;
		expect(bad).toBe(0);
	});
});

describe('topk = torch.topk(values, k) indices', () => {
	test(`matches torch on ${topks.cases.length} tie-heavy cases (partial_sort and nth_element branches)`, () => {
		const branches = new Set<boolean>();
		for (const c of topks.cases) {
			const v = hexF32(c.values);
			branches.add(c.k * 64 <= v.length);
			expect(Array.from(topk(v, c.k)), `n=${v.length} k=${c.k}`).toEqual(c.indices);
		}
		expect(branches.size).toBe(2);
	});

	test('k out of range throws, naming k', () => {
		expect(() => topk([1, 2, 3], 4)).toThrow(/k must be an integer in \[0, 3\], got 4/);
		expect(() => topk([1, 2, 3], -1)).toThrow(/k must be/);
		expect(topk([1, 2, 3], 0).length).toBe(0);
	});
});
