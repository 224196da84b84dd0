// A page's panel state bound to the URL: read once on the client (the prerendered HTML shows the defaults), then
// written back with a debounced replaceState. One instance per panel; nothing global.
import { replaceState } from '$app/navigation';
import { NO_HIDDEN, mergeQuery, parseHide, type Parsed } from './url-state';

export interface UrlBinding<T> {
	defaults: Readonly<T>;
	clone: (s: Readonly<T>) => T;
	parse: (p: URLSearchParams, opts: { prefix?: string; defaults?: Readonly<T> }) => Parsed<T>;
	toEntries: (s: Readonly<T>, opts: { prefix?: string; defaults?: Readonly<T> }) => [string, string][];
	keys: readonly string[];
	/** Control names hide= may name. */
	hideNames: readonly string[];
	prefix?: string;
}

export class UrlBound<T> {
	value: T = $state() as T;
	notices: string[] = $state([]);
	hidden: ReadonlySet<string> = $state.raw(NO_HIDDEN);
	ready = $state(false);

	#b: UrlBinding<T>;

	constructor(binding: UrlBinding<T>) {
		this.#b = binding;
		this.value = binding.clone(binding.defaults);
	}

	/** Call from onMount: parse the URL (client only). */
	load(search: string = location.search) {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- parsed once here, never mutated
		const params = new URLSearchParams(search);
		const p = this.#b.prefix ?? '';
		const parsed = this.#b.parse(params, { prefix: p, defaults: this.#b.defaults });
		const hide = parseHide(params, this.#b.hideNames);
		this.value = parsed.state;
		this.hidden = hide.hidden;
		this.notices = [...parsed.notices, ...hide.notices];
		this.ready = true;
	}

	/** The query entries of the current state (non-default values only). */
	entries(): [string, string][] {
		return this.#b.toEntries(this.value, { prefix: this.#b.prefix, defaults: this.#b.defaults });
	}

	/** Call during component initialisation: keeps the URL in step with the state, 250 ms after the last change. */
	sync(delay = 250) {
		$effect(() => {
			if (!this.ready) return;
			const entries = this.entries();
			const owned = this.#b.keys.map((k) => (this.#b.prefix ?? '') + k);
			const timer = setTimeout(() => {
				const q = mergeQuery(location.search, owned, entries);
				// the current path (base included) with a new query: nothing to resolve()
				// eslint-disable-next-line svelte/no-navigation-without-resolve
				if (q !== location.search) replaceState(location.pathname + q + location.hash, {});
			}, delay);
			return () => clearTimeout(timer);
		});
	}
}
