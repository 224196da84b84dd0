// The preset rule (tools/traces/scene-match.ts): detections at score ≥ 0.5 against the true instances, one to one.
import { expect, test } from 'vitest';
import { matchScene } from '../../../tools/traces/scene-match';

const NAMES = ['__background__', 'circle', 'square'];
const truth = [
	{ box: [0, 0, 10, 10], label: 1, className: 'circle' },
	{ box: [20, 20, 40, 40], label: 2, className: 'square' }
];
const dets = (rows: [number[], number, number][]) => ({
	boxesOriginal: Float32Array.from(rows.flatMap((r) => r[0])),
	scores: Float32Array.from(rows.map((r) => r[2])),
	labels: Int32Array.from(rows.map((r) => r[1]))
});

test('every instance found once with its label: ok; low scores are not looked at', () => {
	const m = matchScene(
		dets([
			[[1, 0, 10, 10], 1, 0.9],
			[[20, 21, 40, 40], 2, 0.8],
			[[50, 50, 60, 60], 1, 0.3]
		]),
		truth,
		NAMES
	);
	expect(m).toEqual({ ok: true, shown: 2, problems: [], instanceOf: [0, 1] });
});

test('a wrong label is an extra and a miss; a duplicate is an extra; IoU below 0.5 does not match', () => {
	const wrong = matchScene(
		dets([
			[[0, 0, 10, 10], 2, 0.9],
			[[20, 20, 40, 40], 2, 0.8]
		]),
		truth,
		NAMES
	);
	expect(wrong.ok).toBe(false);
	expect(wrong.problems).toEqual([
		'extra: detection 0 (square 0.90) matches no instance',
		'missed: instance 0 (circle at 0,0,10,10)'
	]);
	const dup = matchScene(
		dets([
			[[0, 0, 10, 10], 1, 0.9],
			[[0, 0, 10, 9], 1, 0.7],
			[[20, 20, 40, 40], 2, 0.6]
		]),
		truth,
		NAMES
	);
	expect(dup.problems).toEqual(['extra: detection 1 (circle 0.70) matches no instance']);
	const off = matchScene(
		dets([
			[[0, 0, 10, 4], 1, 0.9],
			[[20, 20, 40, 40], 2, 0.6]
		]),
		truth,
		NAMES
	);
	expect(off.instanceOf).toEqual([-1, 1]);
});
