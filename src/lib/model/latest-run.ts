// Runs the model on the newest input only. Edits arrive in bursts (a drag, typing a seed), so a request waits
// `delay` ms for the burst to end; a run that was overtaken by a newer request while it computed is disposed and
// never shown, so a slow old scene can never replace the scene the student is looking at.

export interface Disposable {
	dispose(): void;
}

export interface LatestRunCallbacks<I, R extends Disposable> {
	/** `isCurrent()` stays true while no newer request (or cancel) has overtaken this run: gate partial results */
	run: (input: I, isCurrent: () => boolean) => Promise<R>;
	/** the newest result (the caller disposes the previous one it was showing) */
	onResult: (result: R, input: I, ms: number) => void;
	onError: (error: unknown, input: I) => void;
	/** a run is starting (after the debounce) */
	onStart?: (input: I) => void;
}

export class LatestRun<I, R extends Disposable> {
	#id = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#closed = false;
	#busy = false;
	#waiting: { id: number; input: I } | null = null;

	constructor(
		private readonly cb: LatestRunCallbacks<I, R>,
		private readonly delay = 300
	) {}

	/** Ask for a run on `input`; `immediate` skips the debounce (first load, explicit button). */
	request(input: I, immediate = false): void {
		if (this.#closed) return;
		const id = ++this.#id;
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		if (immediate) void this.#start(id, input);
		else this.#timer = setTimeout(() => void this.#start(id, input), this.delay);
	}

	async #start(id: number, input: I): Promise<void> {
		this.#timer = null;
		if (id !== this.#id || this.#closed) return;
		// One forward pass at a time: the GPU is shared, and two passes would both be slower. The newest waiting
		// request starts when the current one ends; older waiting ones are simply forgotten.
		if (this.#busy) {
			this.#waiting = { id, input };
			return;
		}
		this.#busy = true;
		this.cb.onStart?.(input);
		const t0 = performance.now();
		try {
			const result = await this.cb.run(input, () => id === this.#id && !this.#closed);
			if (id !== this.#id || this.#closed)
				result.dispose(); // overtaken: nobody will ever show it
			else this.cb.onResult(result, input, performance.now() - t0);
		} catch (e) {
			if (id === this.#id && !this.#closed) this.cb.onError(e, input);
		} finally {
			this.#busy = false;
			const next = this.#waiting;
			this.#waiting = null;
			if (next) void this.#start(next.id, next.input);
		}
	}

	/** Forget pending requests and the run in flight (something else is on screen now); later requests work as usual. */
	cancel(): void {
		this.#id++;
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		this.#waiting = null;
	}

	/** true while a forward pass is computing */
	get busy(): boolean {
		return this.#busy;
	}

	/** Stop: pending requests are dropped, a run in flight is disposed when it ends. */
	close(): void {
		this.#closed = true;
		if (this.#timer !== null) clearTimeout(this.#timer);
	}
}
