// A trace being filled in part by part. Live runs report each part as it finishes (RunOptions.onPart) and the
// precomputed loader fills all parts at once; both hand out snapshots that are valid ModelTraces, whose parts not
// yet computed are empty typed arrays, so a stage that needs only the input or the RPN can already draw.
import type { TransformedImage } from '$lib/ops';
import type { GlueConfig } from './glue';
import { maskLogitsShape } from './glue';
import type { ArchitectureConfig } from './manifest';
import type { ModelTrace, RunPart, StageTimings } from './trace';

type Fields = Omit<ModelTrace, 'parts' | 'timings' | 'dispose'>;

export function zeroTimings(): StageTimings {
	return { transform: 0, network: 0, proposals: 0, boxHead: 0, maskHead: 0, paste: 0, total: 0 };
}

/** What a trace holds before the network has run: empty arrays with the shapes' constant dimensions. */
export function emptyStages(
	cfg: GlueConfig,
	originalSize: [number, number]
): Pick<
	ModelTrace,
	'features' | 'rpn' | 'proposals' | 'proposalLevels' | 'boxHead' | 'detections' | 'masks'
> {
	const f = () => new Float32Array(0);
	const i = () => new Int32Array(0);
	const [, classes, m] = maskLogitsShape(cfg, 0);
	return {
		features: { c: [], p: [] },
		rpn: { levels: [], anchors: f(), logits: f(), deltas: f() },
		proposals: {
			candidates: i(),
			candidateBoxes: f(),
			candidateScores: f(),
			candidateLevels: i(),
			afterFilters: i(),
			kept: i(),
			boxes: f(),
			scores: f(),
			levels: i()
		},
		proposalLevels: i(),
		boxHead: {
			classLogits: f(),
			boxDeltas: f(),
			detections: {
				classes,
				classProbs: f(),
				classBoxes: f(),
				candidates: i(),
				boxes: f(),
				scores: f(),
				labels: i(),
				proposalIndex: i()
			}
		},
		detections: {
			boxes: f(),
			boxesOriginal: f(),
			scores: f(),
			labels: i(),
			levels: i(),
			proposalIndex: i()
		},
		masks: {
			logits: { shape: [0, classes, m, m], data: f() },
			probs: { shape: [0, 1, m, m], data: f() },
			pasted: { shape: [0, 1, ...originalSize], data: f() }
		}
	};
}

export class TraceDraft {
	readonly parts: RunPart[] = [];
	readonly timings = zeroTimings();
	#fields: Fields;

	constructor(base: {
		source: ModelTrace['source'];
		precomputed: ModelTrace['precomputed'];
		input: TransformedImage;
		architecture: ArchitectureConfig;
		backend: string;
	}) {
		this.#fields = {
			...base,
			classNames: base.architecture.classes,
			...emptyStages(base.architecture, base.input.originalSize)
		};
	}

	/** Fills in what a part computed. */
	set(patch: Partial<Fields>): void {
		this.#fields = { ...this.#fields, ...patch };
	}

	/** Marks `part` complete and reports a snapshot of the trace so far. */
	done(part: RunPart, onPart?: (part: RunPart, partial: ModelTrace) => void): void {
		this.parts.push(part);
		onPart?.(part, this.snapshot());
	}

	/** The trace as it stands; a partial's dispose() frees nothing (the run's final trace owns the tensors). */
	snapshot(dispose: () => void = () => {}): ModelTrace {
		return { ...this.#fields, parts: [...this.parts], timings: { ...this.timings }, dispose };
	}
}
