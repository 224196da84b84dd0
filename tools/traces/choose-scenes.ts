// The cheap half of choosing presets: scan scene seeds on their ground truth alone (no model run), keep scenes of
// 3–6 objects, and note which FPN levels their true boxes would be pooled from, so make-traces.ts runs the model
// first on the scenes most likely to cover the levels it still needs.
import { assignFpnLevels } from '../../src/lib/ops';
import { generateScene, type Instance } from '../../src/lib/scenes';

export interface Candidate {
	seed: number;
	objects: number;
	/** distinct levels of the ground-truth boxes (the scenes are 512 px, the model's input size: no rescale) */
	gtLevels: number[];
	/** how easy the scene looks: the least visible object's visible fraction, and the smallest box side (px) */
	minVisible: number;
	minSide: number;
}

export function chooseCandidates(
	from: number,
	to: number,
	[minLevel, maxLevel]: [number, number],
	objects: [number, number] = [3, 6]
): { candidates: Candidate[]; summary: string } {
	const candidates: Candidate[] = [];
	let few = 0;
	let many = 0;
	for (let seed = from; seed < to; seed++) {
		const s = generateScene(seed);
		const n = s.instances.length;
		if (n < objects[0]) few++;
		else if (n > objects[1]) many++;
		else {
			const boxes = Float32Array.from(s.instances.flatMap((i) => i.box));
			const gtLevels = [...new Set(assignFpnLevels(boxes, { minLevel, maxLevel }))].sort();
			const minVisible = Math.min(...s.instances.map((i) => i.visibleFraction));
			const minSide = Math.min(...s.instances.map((i) => Math.min(i.box[2] - i.box[0], i.box[3] - i.box[1])));
			candidates.push({ seed, objects: n, gtLevels, minVisible, minSide });
		}
	}
	const withTop = candidates.filter((c) => c.gtLevels.includes(maxLevel)).length;
	const summary =
		`${to - from} scenes: ${few} with fewer than ${objects[0]} objects, ${many} with more than ${objects[1]}, ` +
		`${candidates.length} candidates (${withTop} with a true box at level ${maxLevel})`;
	return { candidates, summary };
}

/**
 * The order to try candidates in: most of the levels still `needed` first; then scenes that look easy (every
 * object at least 90 % visible and 16 px wide); then the most distinct true levels (presets of small objects
 * alone show little of the pyramid); then the least occluded; then the lowest seed.
 */
export function byPromise(needed: number[]): (a: Candidate, b: Candidate) => number {
	const covers = (c: Candidate) => c.gtLevels.filter((l) => needed.includes(l)).length;
	const easy = (c: Candidate) => (c.minVisible >= 0.9 && c.minSide >= 16 ? 1 : 0);
	return (a, b) =>
		covers(b) - covers(a) ||
		easy(b) - easy(a) ||
		b.gtLevels.length - a.gtLevels.length ||
		b.minVisible - a.minVisible ||
		a.seed - b.seed;
}

const NUMBERS = ['', 'a', 'two', 'three', 'four', 'five', 'six'];

/** "Two rings, a star and a circle": the scene's objects by class, in order of first appearance. */
export function presetTitle(instances: readonly Pick<Instance, 'className'>[]): string {
	const counts = new Map<string, number>();
	for (const i of instances) counts.set(i.className, (counts.get(i.className) ?? 0) + 1);
	const words = [...counts].map(([name, n]) => `${NUMBERS[n] ?? n} ${name}${n > 1 ? 's' : ''}`);
	const text = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0];
	return text.charAt(0).toUpperCase() + text.slice(1);
}
