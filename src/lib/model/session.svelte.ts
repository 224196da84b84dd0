// One model on a page: loads the weights once, runs the newest input only ("latest wins", via LatestRun), falls
// back to a smaller input size when a full-size run fails on a weak device, and reports what it is doing. Used by
// /model, the stepper and the embeds, each with its own instance (a widget's state), sharing the loaded weights.
import { tensorCount, type BackendChoice } from './backend';
import { LatestRun } from './latest-run';
import { loadModelOnce } from './loader';
import type { MaskRcnnModel } from './model';
import type { ModelTrace } from './trace';

/** What a session runs on: RGB bytes and a name for the status line ("scene 11", "your picture"). */
export interface SessionInput {
	image: { data: Uint8Array; width: number; height: number };
	label: string;
}

export interface Shown<I> {
	trace: ModelTrace;
	input: I;
}

/** A smaller resize target for when the full-size run fails (weak or mobile GPUs). */
export const FALLBACK_SIZE = 320;

export class ModelSession<I extends SessionInput> {
	model: MaskRcnnModel | null = $state.raw(null);
	backend: BackendChoice | null = $state.raw(null);
	/** weights download, while it runs */
	progress: { loaded: number; total: number } | null = $state(null);
	/** what the weights load threw (the page says it with ui/errors' messageOf) */
	loadError: unknown = $state.raw(null);
	/** the trace on screen and the input it was computed from, always replaced together */
	shown: Shown<I> | null = $state.raw(null);
	/** the label of the input being run, while a run is in flight */
	running: string | null = $state(null);
	/** what the newest run threw */
	runError: unknown = $state.raw(null);
	runMs = $state(0);
	/** set once a full-size run failed: later runs use this size */
	smallInput: number | null = $state(null);
	tensors = $state(0);

	#weightsUrl: string;
	#modelPromise: Promise<MaskRcnnModel> | null = null;
	#runner: LatestRun<I, ModelTrace>;
	#last: I | null = null;
	#onShown?: (s: Shown<I>) => void;

	constructor(weightsUrl: string, opts: { delay?: number; onShown?: (s: Shown<I>) => void } = {}) {
		this.#weightsUrl = weightsUrl;
		this.#onShown = opts.onShown;
		this.#runner = new LatestRun<I, ModelTrace>(
			{
				run: (input) => this.#run(input),
				onStart: (input) => {
					this.running = input.label;
				},
				onResult: (trace, input, ms) => {
					const old = this.shown;
					this.shown = { trace, input };
					old?.trace.dispose(); // after the swap: views re-render with the new trace
					this.running = null;
					this.runError = null;
					this.runMs = ms;
					this.tensors = tensorCount();
					this.#onShown?.(this.shown);
				},
				onError: (e) => {
					this.running = null;
					if (!this.loadError) this.runError = e ?? new Error('the run failed');
				}
			},
			opts.delay ?? 350
		);
	}

	/** 'loading' until the first trace, then 'ready' ('rerunning' while a newer input runs), or 'error'. */
	get status(): 'loading' | 'ready' | 'rerunning' | 'error' {
		if (this.shown) return this.running ? 'rerunning' : 'ready';
		return this.loadError || this.runError ? 'error' : 'loading';
	}

	/** Starts (or joins) the weights download; a failed load may be retried. */
	load(): Promise<MaskRcnnModel> {
		this.#modelPromise ??= loadModelOnce(this.#weightsUrl, (p) => {
			this.progress = { loaded: p.loadedBytes, total: p.totalBytes };
		}).then(
			(r) => {
				this.backend = r.backend;
				this.model = r.model;
				this.loadError = null;
				return r.model;
			},
			(e) => {
				this.#modelPromise = null;
				this.loadError = e ?? new Error('the weights did not load');
				throw e;
			}
		);
		return this.#modelPromise;
	}

	async #run(input: I): Promise<ModelTrace> {
		const m = await this.load();
		const img = { ...input.image, channels: 3 as const };
		if (this.smallInput !== null) return m.run(img, { inputSize: this.smallInput });
		try {
			return await m.run(img);
		} catch (e) {
			// Out of GPU memory or a lost context on a small device: try once at a smaller size, and say so.
			console.warn('full-size run failed, retrying smaller:', e);
			this.smallInput = FALLBACK_SIZE;
			return m.run(img, { inputSize: FALLBACK_SIZE });
		}
	}

	/** Runs the model on `input` once the burst of edits ends (at once for the first input or `immediate`). */
	request(input: I, immediate = false): void {
		this.#last = input;
		this.runError = null;
		this.#runner.request(input, immediate || (this.shown === null && !this.running));
	}

	/** Starts over after a failed load or run, on the newest input. */
	retry(): void {
		this.loadError = null;
		this.runError = null;
		if (this.#last) this.#runner.request(this.#last, true);
		else this.load().catch(() => {});
	}

	/** Refreshes the tensor count (for the status details). */
	countTensors(): void {
		this.tensors = tensorCount();
	}

	/** Drops pending runs and frees the trace on screen. */
	close(): void {
		this.#runner.close();
		this.shown?.trace.dispose();
	}
}
