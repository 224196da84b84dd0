// A page's panel state bound to the URL: read once on the client (the prerendered HTML shows the defaults), then
// written back with a debounced replaceState. One instance per panel; nothing global.
import { replaceState } from '$app/navigation';
import { formatState, keysOf, parseState, type Codec } from './codec';
import { NO_HIDDEN, parseHide } from './hide';
import { mergeQuery } from './query';

export interface UrlBinding<T> {
	codec: Codec<T>;
	defaults: Readonly<T>;
	/** Control names hide= may name. */
	hideNames?: readonly string[];
	/** prefix of every key, e.g. 'a.' when two panels share one URL */
	prefix?: string;
	/** say what is wrong with hide= (off for the second of two panels that share one hide=) */
	reportHide?: boolean;
}

export class UrlBound<T> {
	value: T = $state() as T;
	notices: string[] = $state([]);
	hidden: ReadonlySet<string> = $state.raw(NO_HIDDEN);
	ready = $state(false);

	#b: UrlBinding<T>;

	constructor(binding: UrlBinding<T>) {
		this.#b = binding;
		this.value = binding.codec.clone(binding.defaults);
	}

	/** Call from onMount: parse the URL (client only). */
	load(search: string = location.search) {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- parsed once here, never mutated
		const params = new URLSearchParams(search);
		const { codec, defaults, prefix, hideNames = [], reportHide = true } = this.#b;
		const parsed = parseState(codec, params, { prefix, defaults });
		const hide = parseHide(params, hideNames);
		this.value = parsed.state;
		this.hidden = hide.hidden;
		this.notices = [...parsed.notices, ...(reportHide ? hide.notices : [])];
		this.ready = true;
	}

	/** The query entries of the current state (non-default values only, or every key when `full`). */
	entries(full = false): [string, string][] {
		const { codec, defaults, prefix } = this.#b;
		return formatState(codec, this.value, { prefix, defaults, full });
	}

	/** Call during component initialisation: keeps the URL in step with the state, 250 ms after the last change. */
	sync(delay = 250) {
		$effect(() => {
			if (!this.ready) return;
			const entries = this.entries();
			const owned = keysOf(this.#b.codec, this.#b.prefix);
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
