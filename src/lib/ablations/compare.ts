// The same scene through several models, judged against the scene's own ground truth: for every object, the mask
// IoU of each model's best detection of it; and where two models' masks disagree, which one the ground truth backs.
// Masks are the trace's pasted probabilities at ≥ 0.5 (torchvision's convention); detections shown score ≥ 0.5.
import type { ModelTrace } from '$lib/model/lite';
import type { Scene } from '$lib/scenes';
import { binaryIou } from '$lib/stepper/parts/mask-compare';

export const SHOWN_SCORE = 0.5;

export interface ObjectResult {
	/** the detection matched to the object (−1: missed) */
	detection: number;
	/** mask IoU with the object's ground-truth mask (0 when missed) */
	iou: number;
}

export interface ModelOnScene {
	/** detections shown (score ≥ 0.5), by index */
	shown: number[];
	/** per ground-truth instance, in the scene's order */
	objects: ObjectResult[];
	/** shown detections that match no object */
	extra: number;
	/** the mean of objects' IoUs (a missed object counts 0) */
	meanIou: number;
	/** 1 where any shown detection's mask is on, H×W */
	foreground: Uint8Array;
}

/**
 * Greedy one-to-one matching, objects by decreasing area: each takes the unmatched shown detection of its class
 * with the highest mask IoU (> 0).
 */
export function judgeOnScene(scene: Scene, trace: ModelTrace): ModelOnScene {
	const { width, height, instances } = scene;
	const plane = width * height;
	const pasted = trace.masks.pasted;
	if (pasted.shape[2] !== height || pasted.shape[3] !== width)
		throw new Error(
			`judgeOnScene: the trace's masks are ${pasted.shape[3]}×${pasted.shape[2]}, the scene is ${width}×${height}`
		);
	const det = trace.detections;
	const shown: number[] = [];
	for (let i = 0; i < det.scores.length; i++) if (det.scores[i] >= SHOWN_SCORE) shown.push(i);
	const maskOf = (d: number) => pasted.data.subarray(d * plane, (d + 1) * plane);
	const used = new Set<number>();
	const objects: ObjectResult[] = instances.map(() => ({ detection: -1, iou: 0 }));
	const order = instances.map((_, j) => j).sort((a, b) => instances[b].area - instances[a].area);
	for (const j of order) {
		const g = instances[j];
		for (const d of shown) {
			if (used.has(d) || det.labels[d] !== g.label) continue;
			const iou = binaryIou(maskOf(d), g.mask, SHOWN_SCORE, 0.5);
			if (iou > objects[j].iou) objects[j] = { detection: d, iou };
		}
		if (objects[j].detection >= 0) used.add(objects[j].detection);
	}
	const foreground = new Uint8Array(plane);
	for (const d of shown) {
		const m = maskOf(d);
		for (let p = 0; p < plane; p++) if (m[p] >= SHOWN_SCORE) foreground[p] = 1;
	}
	const meanIou = objects.length ? objects.reduce((a, o) => a + o.iou, 0) / objects.length : 1;
	return { shown, objects, extra: shown.length - used.size, meanIou, foreground };
}

export interface Disagreement {
	/** per pixel: 0 agree, 1 only `a` is right there (it matches the ground truth), 2 only `b` is */
	map: Uint8Array;
	aRight: number;
	bRight: number;
}

/** Pixels where two models' foregrounds differ, split by which one the ground truth (any object) agrees with. */
export function disagreementMap(scene: Scene, a: ModelOnScene, b: ModelOnScene): Disagreement {
	const n = scene.width * scene.height;
	const map = new Uint8Array(n);
	let aRight = 0;
	let bRight = 0;
	for (let p = 0; p < n; p++) {
		if (a.foreground[p] === b.foreground[p]) continue;
		const truth = scene.instanceMap[p] > 0 ? 1 : 0;
		if (a.foreground[p] === truth) {
			map[p] = 1;
			aRight++;
		} else {
			map[p] = 2;
			bRight++;
		}
	}
	return { map, aRight, bRight };
}
