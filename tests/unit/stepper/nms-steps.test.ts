import { describe, expect, test } from 'vitest';
import { batchedNms, batchedNmsStrategy, nms } from '../../../src/lib/ops';
import {
	countPerLevel,
	iouParts,
	levelSteps,
	rerunRpnNms,
	rpnNmsInput,
	stepState
} from '../../../src/lib/stepper/stages/nms/nms-steps';
import { smallRpn } from '../../helpers/stepper-fixture';

describe.each([
	['per-group', 256, 300],
	['coordinate-trick', 128, 150]
] as const)('%s batchedNms', (strategy, side, pre) => {
	const { proposals } = smallRpn(5, side, { pre });
	const input = rpnNmsInput(proposals);

	test('the fixture exercises this strategy', () => {
		expect(batchedNmsStrategy(input.scores.length)).toBe(strategy);
	});

	test('the rebuilt input is what filterProposals fed to NMS, and re-running at 0.7 gives its kept list', () => {
		expect(Array.from(input.candidates)).toEqual(Array.from(proposals.afterFilters));
		expect(Array.from(rerunRpnNms(input, 0.7, 1000))).toEqual(Array.from(proposals.kept));
	});

	test('another threshold: as many boxes as batchedNms keeps; lower thresholds keep fewer', () => {
		const k3 = rerunRpnNms(input, 0.3, 1000);
		expect(k3.length).toBe(batchedNms(input.boxes, input.scores, input.groups, 0.3).length);
		expect(k3.length).toBeLessThan(proposals.kept.length);
		expect(rerunRpnNms(input, 0.3, 10)).toHaveLength(10);
	});

	test('per-level step-through keeps exactly the level NMS result and decides every box once', () => {
		for (const iou of [0.3, 0.7]) {
			const kept = new Set(rerunRpnNms(input, iou, 1e9));
			for (let g = 0; g < 5; g++) {
				const ls = levelSteps(input, g, iou);
				const keptHere = ls.steps.map((s) => s.kept);
				expect(new Set(keptHere)).toEqual(
					new Set([...kept].filter((c) => proposals.candidateLevels[c] === g))
				);
				const all = [...keptHere, ...ls.steps.flatMap((s) => s.suppressed)].sort((a, b) => a - b);
				expect(all).toEqual(Array.from(ls.members).sort((a, b) => a - b));
				for (const s of ls.steps) for (const v of s.ious) expect(v).toBeGreaterThan(iou);
			}
		}
	});

	test('the level NMS equals plain nms on that level', () => {
		const ls = levelSteps(input, 0, 0.5);
		const rows = Array.from(ls.members, (c) => Array.from(input.candidates).indexOf(c));
		const b = new Float32Array(rows.flatMap((j) => Array.from(input.boxes.subarray(4 * j, 4 * j + 4))));
		const s = Float32Array.from(rows, (j) => input.scores[j]);
		expect(ls.steps.map((st) => st.kept)).toEqual(Array.from(nms(b, s, 0.5), (k) => ls.members[k]));
	});
});

describe('stepState', () => {
	const { proposals } = smallRpn(5);
	const ls = levelSteps(rpnNmsInput(proposals), 0, 0.5);
	test('before the first step nothing is decided; after the last, nothing is pending', () => {
		expect(stepState(ls, -1)).toEqual({ kept: [], gone: [], current: null, pending: ls.members.length });
		const end = stepState(ls, ls.steps.length - 1);
		expect(end.pending).toBe(0);
		expect(end.kept).toHaveLength(ls.steps.length);
		expect(stepState(ls, 1e9)).toEqual(end);
	});
	test('step k: k+1 kept, the earlier steps’ suppressions gone, step k’s shown as current', () => {
		const s = stepState(ls, 2);
		expect(s.kept).toEqual(ls.steps.slice(0, 3).map((t) => t.kept));
		expect(s.gone).toEqual([...ls.steps[0].suppressed, ...ls.steps[1].suppressed]);
		expect(s.current).toBe(ls.steps[2]);
	});
});

test('countPerLevel counts candidates by RPN level', () => {
	const { proposals } = smallRpn(5);
	const c = countPerLevel(proposals, proposals.kept, 5);
	expect(c.reduce((a, b) => a + b, 0)).toBe(proposals.kept.length);
	expect(c[0]).toBe(Array.from(proposals.levels).filter((l) => l === 0).length);
});

test('iouParts: overlap, areas and union whose ratio is the trace IoU', () => {
	const p = iouParts([0, 0, 10, 10], [5, 0, 15, 10]);
	expect(p).toEqual({ iw: 5, ih: 10, inter: 50, areaA: 100, areaB: 100, union: 150 });
	expect(iouParts([0, 0, 1, 1], [2, 2, 3, 3]).inter).toBe(0);
	const { proposals } = smallRpn(5);
	const input = rpnNmsInput(proposals);
	const s = levelSteps(input, 0, 0.5).steps.find((st) => st.suppressed.length)!;
	const box = (c: number) => proposals.candidateBoxes.subarray(4 * c, 4 * c + 4);
	const q = iouParts(box(s.kept), box(s.suppressed[0]));
	expect(q.inter / q.union).toBeCloseTo(s.ious[0], 5);
});
