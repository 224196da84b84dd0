import { describe, expect, it } from 'vitest';
import { TutorialProgress, parseSavedProgress, progressKey } from '../../../src/lib/tutorial/progress.svelte';

class MemoryStorage {
	items = new Map<string, string>();
	get length() {
		return this.items.size;
	}
	clear() {
		this.items.clear();
	}
	getItem(k: string) {
		return this.items.get(k) ?? null;
	}
	key(i: number) {
		return [...this.items.keys()][i] ?? null;
	}
	removeItem(k: string) {
		this.items.delete(k);
	}
	setItem(k: string, v: string) {
		this.items.set(k, v);
	}
}

describe('tutorial progress', () => {
	it('keeps committed guesses across page loads, per tutorial, and resets', () => {
		const storage = new MemoryStorage();
		const a = new TutorialProgress('one', 3);
		a.load(storage);
		a.answer('q1', '5');
		a.answer('q2', 'P3');
		const again = new TutorialProgress('one', 3);
		again.load(storage);
		expect(again.answers).toEqual({ q1: '5', q2: 'P3' });
		expect(again.answered).toBe(2);
		const other = new TutorialProgress('two', 1);
		other.load(storage);
		expect(other.answered).toBe(0);
		again.reset();
		expect(again.answered).toBe(0);
		expect(storage.getItem(progressKey('one'))).toBeNull();
	});

	it('treats malformed saved data as no progress', () => {
		expect(parseSavedProgress(null)).toEqual({ answers: {}, total: 0 });
		expect(parseSavedProgress('{oops')).toEqual({ answers: {}, total: 0 });
		expect(parseSavedProgress('[1,2]').answers).toEqual({});
		expect(parseSavedProgress('{"answers":{"a":"1","b":2},"total":-1}')).toEqual({
			answers: { a: '1' },
			total: 0
		});
	});

	it('still works when storage throws (private mode)', () => {
		const broken = {
			getItem: () => {
				throw new Error('denied');
			},
			setItem: () => {
				throw new Error('denied');
			},
			removeItem: () => {
				throw new Error('denied');
			}
		} as unknown as Storage;
		const p = new TutorialProgress('x', 1);
		p.load(broken);
		p.answer('q', '1');
		expect(p.answers).toEqual({ q: '1' });
		p.reset();
		expect(p.answered).toBe(0);
	});
});
