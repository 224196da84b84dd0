// Does a trace get a scene exactly right? Detections at score ≥ 0.5 against the scene's ground-truth instances,
// one to one: the right label and box IoU ≥ 0.5, nothing missed, nothing extra. The rule that picks the presets
// (make-traces.ts) and that the precomputed-trace test holds them to.
import { boxIou } from '../../src/lib/ops';

export interface SceneMatch {
	ok: boolean;
	/** detections at score ≥ minScore, in the trace's order (decreasing score) */
	shown: number;
	/** what is wrong, one line each: "missed …", "extra …" */
	problems: string[];
	/** for each shown detection, the instance it matched (−1: none) */
	instanceOf: number[];
}

export function matchScene(
	detections: { boxesOriginal: Float32Array; scores: Float32Array; labels: Int32Array },
	instances: readonly { box: readonly number[]; label: number; className: string }[],
	classNames: readonly string[],
	minScore = 0.5,
	minIou = 0.5
): SceneMatch {
	const used = new Set<number>();
	const problems: string[] = [];
	const instanceOf: number[] = [];
	for (let i = 0; i < detections.scores.length; i++) {
		if (detections.scores[i] < minScore) continue;
		const box = detections.boxesOriginal.subarray(4 * i, 4 * i + 4);
		let best = -1;
		let bestIou = minIou;
		instances.forEach((g, j) => {
			if (used.has(j) || g.label !== detections.labels[i]) return;
			const iou = boxIou(box, Float32Array.from(g.box))[0];
			if (iou >= bestIou) [best, bestIou] = [j, iou];
		});
		if (best >= 0) used.add(best);
		else
			problems.push(
				`extra: detection ${i} (${classNames[detections.labels[i]]} ${detections.scores[i].toFixed(2)}) matches no instance`
			);
		instanceOf.push(best);
	}
	instances.forEach((g, j) => {
		if (!used.has(j)) problems.push(`missed: instance ${j} (${g.className} at ${g.box.join(',')})`);
	});
	return { ok: problems.length === 0, shown: instanceOf.length, problems, instanceOf };
}
