import { describe, expect, test } from 'vitest';
import { messageOf } from '../../../src/lib/ui/errors';
import { LatestRead } from '../../../src/lib/ui/resource.svelte';

function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((ok, no) => ((resolve = ok), (reject = no)));
	return { promise, resolve, reject };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('LatestRead', () => {
	test('the newest key wins: an overtaken read never shows', async () => {
		const r = new LatestRead<string>();
		const a = deferred<string>();
		const b = deferred<string>();
		r.show('trace', 'a', () => a.promise);
		r.show('trace', 'b', () => b.promise);
		b.resolve('B');
		await flush();
		expect(r.value).toBe('B');
		a.resolve('A'); // late
		await flush();
		expect(r.value).toBe('B');
		expect(r.pending).toBe(false);
	});
	test('a key read for the same owner comes from the cache; a new owner reads again', async () => {
		const r = new LatestRead<number>();
		let reads = 0;
		const read = () => Promise.resolve(++reads);
		r.show('t1', 'k', read);
		await flush();
		r.show('t1', 'other', read);
		await flush();
		r.show('t1', 'k', read);
		expect(r.value).toBe(1);
		expect(reads).toBe(2);
		r.show('t2', 'k', read);
		await flush();
		expect(r.value).toBe(3);
	});
	test('the cleanup drops a read in flight (the component left); errors are kept as words', async () => {
		const r = new LatestRead<number>();
		const d = deferred<number>();
		const cleanup = r.show('t', 'k', () => d.promise);
		cleanup();
		d.resolve(5);
		await flush();
		expect(r.value).toBeNull();
		r.show('t', 'bad', () => Promise.reject(new Error('context lost')));
		await flush();
		expect(r.error).toBe('context lost');
		expect(r.value).toBeNull();
	});
});

describe('messageOf', () => {
	test('an Error gives its message, anything else its text', () => {
		expect(messageOf(new Error('no'))).toBe('no');
		expect(messageOf(new TypeError(''))).toBe('TypeError');
		expect(messageOf('plain')).toBe('plain');
		expect(messageOf(42)).toBe('42');
	});
});
