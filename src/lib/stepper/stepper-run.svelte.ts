// Where the stepper's trace comes from: a stored run of the real model when the scene has one (no tfjs, no weights),
// else the live model. The student's "run it live" switches every later input to the live model. While a new
// picture runs live, its parts are shown as they arrive; an edit of the picture on screen keeps it until done.
// Each model of the switcher has its own stored runs (models.ts lists which).
import { asset } from '$app/paths';
import {
	DEFAULT_MODEL,
	loadPrecomputedTrace,
	storedRunPath,
	type ModelSession,
	type Shown
} from '$lib/model/lite';
import { chosenModel } from './model-field';
import { messageOf } from '$lib/ui/errors';
import type { StepperInput } from './input/stepper-input';
import { storedRunFor } from './stored-runs';

export class StepperRun {
	/** the newest input the scene controls reported */
	latest: StepperInput | null = $state.raw(null);
	wantLive = $state(false);
	/** why a stored run did not load (the live model ran instead) */
	storedError: string | null = $state(null);
	/** the model the stages show (models.ts id) */
	model: string = $state(DEFAULT_MODEL);
	#token = 0;
	#session: ModelSession<StepperInput>;

	constructor(session: ModelSession<StepperInput>) {
		this.#session = session;
	}

	/** Switches model: its weights folder for live runs, its stored runs, and the picture on screen again. */
	setModel(id: string | undefined): void {
		const choice = chosenModel(id);
		if (choice.id === this.model) return;
		this.model = choice.id;
		this.#session.setWeights(asset(`/weights/${choice.id}`));
		if (this.latest) this.input(this.latest);
	}

	input(input: StepperInput): void {
		this.latest = input;
		const preset = this.wantLive ? null : storedRunFor(input, chosenModel(this.model));
		const mine = ++this.#token;
		if (!preset) return this.#session.request(input, this.#session.shown?.input.label === input.label);
		loadPrecomputedTrace(asset(storedRunPath(preset.id, this.model)), input.image).then(
			(trace) => {
				if (mine !== this.#token) return;
				this.storedError = null;
				this.#session.showPrecomputed(trace, input);
			},
			(e) => {
				if (mine !== this.#token) return;
				// a stored run that fails to load is no reason to show nothing: run the live model instead
				this.storedError = messageOf(e);
				this.#session.request(input, true);
			}
		);
	}

	goLive(): void {
		this.wantLive = true;
		this.#token++;
		if (this.latest) this.#session.request(this.latest, true);
	}

	/** What the stages draw: the shown trace, or the parts of a new picture's live run so far. */
	get display(): Shown<StepperInput> | null {
		const partial = this.#session.partial;
		const shown = this.#session.shown;
		const latest = this.latest;
		if (partial && latest && (!shown || shown.input.label !== latest.label))
			return { trace: partial, input: latest };
		return shown;
	}
}
