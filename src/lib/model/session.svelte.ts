// One model on a page: loads the weights once, runs the newest input only ("latest wins", via LatestRun), falls
// back to a smaller input size when a full-size run fails on a weak device, and reports what it is doing. Used by
// /model, the stepper and the embeds, each with its own instance (a widget's state), sharing the loaded weights.
// It loads no tfjs at import time: './loader' and './backend' are imported when load() or a run first needs them,
// so a page that only shows a precomputed trace (showPrecomputed) never downloads tfjs or the weights.
import type { BackendChoice } from './backend';
import { LatestRun } from './latest-run';
import { guardAddressForTfjs } from './url-flags';
import type { MaskRcnnModel } from './model';
import type { ModelTrace, RunPart } from './trace';

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
	/** the in-flight run's newest partial trace (RunOptions.onPart); null when no run is in flight */
	partial: ModelTrace | null = $state.raw(null);
	/** the parts the in-flight run has completed, in order */
	parts: readonly RunPart[] = $state.raw([]);
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
	/** from the loader once tfjs is loaded: rejects a run whose WebGL context is lost (context-loss.ts) */
	#unlessLost: (<T>(work: Promise<T>) => Promise<T>) | null = null;
	/** set once tfjs is loaded (load()), for the tensor count */
	#tensorCount: (() => number) | null = null;

	constructor(weightsUrl: string, opts: { delay?: number; onShown?: (s: Shown<I>) => void } = {}) {
		this.#weightsUrl = weightsUrl;
		this.#onShown = opts.onShown;
		this.#runner = new LatestRun<I, ModelTrace>(
			{
				run: (input, isCurrent) => this.#run(input, isCurrent),
				onStart: (input) => {
					this.running = input.label;
					this.#clearPartial();
				},
				onResult: (trace, input, ms) => {
					this.runMs = ms;
					this.#show(trace, input);
				},
				onError: (e) => {
					this.running = null;
					if (e instanceof Error && e.name === 'ContextLostError') {
						// the model's weights lived on the lost context: "Try again" loads them onto a new backend
						this.#modelPromise = null;
						this.model = null;
						this.backend = null;
					}
					this.#clearPartial();
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

	/** The model folder this session loads (a URL ending in the model's id). */
	get weightsUrl(): string {
		return this.#weightsUrl;
	}

	/**
	 * Switches to another model (the switcher): later runs use its weights, loaded when first needed; the backend and
	 * every model loaded before stay (loader.ts keeps them), so switching back costs nothing. The caller then asks
	 * for the picture again (request or showPrecomputed): a run of the old model still in flight is never shown.
	 */
	setWeights(weightsUrl: string): void {
		if (weightsUrl === this.#weightsUrl) return;
		this.#weightsUrl = weightsUrl;
		this.#modelPromise = null;
		this.model = null;
		this.progress = null;
		this.loadError = null;
		this.runError = null;
		this.#runner.cancel();
	}

	/** Starts (or joins) the weights download (and tfjs's, the first time); a failed load may be retried. */
	load(): Promise<MaskRcnnModel> {
		// tfjs reads the address when it loads: it must see none of ?tfjsflags= or a malformed %
		if (!this.#modelPromise) guardAddressForTfjs();
		const url = this.#weightsUrl;
		// after setWeights, a load of the previous model still finishing must not touch this session's state
		const current = () => url === this.#weightsUrl;
		this.#modelPromise ??= Promise.all([import('./loader'), import('./backend')])
			.then(([loader, backend]) => {
				this.#tensorCount = backend.tensorCount;
				this.#unlessLost = loader.unlessContextLost ?? null;
				return loader.loadModelOnce(url, (p) => {
					if (current()) this.progress = { loaded: p.loadedBytes, total: p.totalBytes };
				});
			})
			.then(
				(r) => {
					if (!current()) return r.model;
					this.backend = r.backend;
					this.model = r.model;
					this.loadError = null;
					return r.model;
				},
				(e) => {
					if (!current()) throw e;
					this.#modelPromise = null;
					this.loadError = e ?? new Error('the weights did not load');
					throw e;
				}
			);
		return this.#modelPromise;
	}

	async #run(input: I, isCurrent: () => boolean): Promise<ModelTrace> {
		const m = await this.load();
		const img = { ...input.image, channels: 3 as const };
		// a partial of a run that a newer request overtook is never shown
		const onPart = (_: RunPart, partial: ModelTrace) => {
			if (!isCurrent()) return;
			this.partial = partial;
			this.parts = partial.parts;
		};
		const guard = this.#unlessLost ?? (<T>(work: Promise<T>) => work);
		const run = (size?: number) =>
			guard(m.run(img, size === undefined ? { onPart } : { inputSize: size, onPart }));
		if (this.smallInput !== null) return run(this.smallInput);
		try {
			return await run();
		} catch (e) {
			// Only a device that ran out of GPU memory gets the smaller size (and is told so): an input the model
			// cannot take, or a lost context, must not change what every later link shows.
			if (!isOutOfMemory(e)) throw e;
			console.warn('full-size run failed, retrying smaller:', e);
			this.smallInput = FALLBACK_SIZE;
			this.#clearPartial(); // the failed attempt's partial holds freed tensors
			return run(FALLBACK_SIZE);
		}
	}

	#show(trace: ModelTrace, input: I): void {
		const old = this.shown;
		this.shown = { trace, input };
		if (old && old.trace !== trace) old.trace.dispose(); // after the swap: views re-render with the new trace
		this.running = null;
		this.runError = null;
		this.#clearPartial();
		this.countTensors();
		this.#onShown?.(this.shown);
	}

	#clearPartial(): void {
		this.partial = null;
		this.parts = [];
	}

	/**
	 * Puts a precomputed trace (loadPrecomputedTrace) on screen without loading tfjs or the weights. A pending or
	 * in-flight run is dropped: the newest thing asked for is this trace.
	 */
	showPrecomputed(trace: ModelTrace, input: I): void {
		this.#runner.cancel();
		this.#last = input;
		this.runMs = 0;
		this.#show(trace, input);
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

	/** Refreshes the tensor count (for the status details; 0 while tfjs is not loaded). */
	countTensors(): void {
		this.tensors = this.#tensorCount?.() ?? 0;
	}

	/** Drops pending runs and frees the trace on screen. */
	close(): void {
		this.#runner.close();
		this.shown?.trace.dispose();
	}
}

/** tfjs's and the browsers' words for a GPU that could not allocate what a full-size run needs. */
export function isOutOfMemory(e: unknown): boolean {
	const msg = e instanceof Error ? `${e.name} ${e.message}` : String(e);
	return /out of memory|\bOOM\b|could not allocate|failed to allocate|failed to create|greater than WebGL maximum|max texture size/i.test(
		msg
	);
}
