// A value read asynchronously for the key on screen (a feature map downloaded from the GPU, heads run on a box):
// the newest request wins, a read overtaken by a newer key (or by the component leaving) is never shown, and
// results are cached per key for as long as their owner (the model trace) stays the same — so flipping back to a
// level already read is instant, and a new trace can never show an old trace's numbers.
import { messageOf } from './errors';

export class LatestRead<V> {
	/** the value for the newest key, or null while it is read (or when its read failed) */
	value: V | null = $state.raw(null);
	/** what went wrong with the newest key's read, in words */
	error: string | null = $state(null);
	pending = $state(false);

	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache read inside show(), never rendered
	#cache = new Map<string, V>();
	#owner: unknown = undefined;
	#id = 0;

	/**
	 * Shows `key`'s value, reading it with `read` unless cached for `owner`. Call it from an `$effect` and return what
	 * it returns: the cleanup drops the read if the effect re-runs (a newer key) or the component is destroyed.
	 */
	show(owner: unknown, key: string, read: () => Promise<V>): () => void {
		if (owner !== this.#owner) {
			this.#cache.clear();
			this.#owner = owner;
		}
		const id = ++this.#id;
		const hit = this.#cache.get(key);
		this.error = null;
		if (hit !== undefined) {
			this.value = hit;
			this.pending = false;
			return () => {};
		}
		this.value = null;
		this.pending = true;
		read().then(
			(v) => {
				if (owner === this.#owner) this.#cache.set(key, v);
				if (id !== this.#id) return;
				this.value = v;
				this.pending = false;
			},
			(e: unknown) => {
				if (id !== this.#id) return;
				this.error = messageOf(e);
				this.pending = false;
			}
		);
		return () => {
			if (this.#id === id) this.#id++;
		};
	}
}
