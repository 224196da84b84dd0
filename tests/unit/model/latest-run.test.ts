import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LatestRun } from '../../../src/lib/model/latest-run';

class Result {
	disposed = false;
	constructor(readonly input: number) {}
	dispose() {
		this.disposed = true;
	}
}

/** A run whose completion the test controls. */
function controlledRuns() {
	const pending: { input: number; resolve: (r: Result) => void; reject: (e: Error) => void }[] = [];
	const run = (input: number) =>
		new Promise<Result>((resolve, reject) => pending.push({ input, resolve, reject }));
	return { pending, run };
}

describe('LatestRun', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	test('a burst of requests runs once, on the last input', async () => {
		const { pending, run } = controlledRuns();
		const shown: number[] = [];
		const r = new LatestRun<number, Result>(
			{ run, onResult: (x) => shown.push(x.input), onError: () => {} },
			300
		);
		r.request(1);
		r.request(2);
		r.request(3);
		await vi.advanceTimersByTimeAsync(299);
		expect(pending).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(pending.map((p) => p.input)).toEqual([3]);
		pending[0].resolve(new Result(3));
		await vi.advanceTimersByTimeAsync(0);
		expect(shown).toEqual([3]);
	});

	test('a run overtaken while computing is disposed and never shown; one pass at a time', async () => {
		const { pending, run } = controlledRuns();
		const shown: Result[] = [];
		const r = new LatestRun<number, Result>({ run, onResult: (x) => shown.push(x), onError: () => {} }, 0);
		r.request(1, true);
		await vi.advanceTimersByTimeAsync(0);
		r.request(2, true);
		r.request(3, true);
		await vi.advanceTimersByTimeAsync(0);
		expect(pending.map((p) => p.input)).toEqual([1]); // 2 and 3 wait; only 3 will run
		const first = new Result(1);
		pending[0].resolve(first);
		await vi.advanceTimersByTimeAsync(0);
		expect(first.disposed).toBe(true);
		expect(shown).toEqual([]);
		expect(pending.map((p) => p.input)).toEqual([1, 3]);
		const third = new Result(3);
		pending[1].resolve(third);
		await vi.advanceTimersByTimeAsync(0);
		expect(shown).toEqual([third]);
		expect(third.disposed).toBe(false);
	});

	test('errors of the newest run are reported, stale errors are not; close disposes a late result', async () => {
		const { pending, run } = controlledRuns();
		const errors: unknown[] = [];
		const r = new LatestRun<number, Result>({ run, onResult: () => {}, onError: (e) => errors.push(e) }, 0);
		r.request(1, true);
		await vi.advanceTimersByTimeAsync(0);
		pending[0].reject(new Error('out of memory'));
		await vi.advanceTimersByTimeAsync(0);
		expect(errors).toHaveLength(1);
		r.request(2, true);
		await vi.advanceTimersByTimeAsync(0);
		r.close();
		const late = new Result(2);
		pending[1].resolve(late);
		await vi.advanceTimersByTimeAsync(0);
		expect(late.disposed).toBe(true);
		r.request(3, true);
		expect(pending).toHaveLength(2);
	});

	test('cancel drops the run in flight and pending requests; isCurrent turns false; later requests run', async () => {
		const pending: { input: number; resolve: (r: Result) => void; isCurrent: () => boolean }[] = [];
		const run = (input: number, isCurrent: () => boolean) =>
			new Promise<Result>((resolve) => pending.push({ input, resolve, isCurrent }));
		const shown: number[] = [];
		const r = new LatestRun<number, Result>(
			{ run, onResult: (x) => shown.push(x.input), onError: () => {} },
			300
		);
		r.request(1, true);
		await vi.advanceTimersByTimeAsync(0);
		expect(pending[0].isCurrent()).toBe(true);
		r.request(2); // debounced, then cancelled before it starts
		r.cancel();
		expect(pending[0].isCurrent()).toBe(false);
		const first = new Result(1);
		pending[0].resolve(first);
		await vi.advanceTimersByTimeAsync(400);
		expect(first.disposed).toBe(true);
		expect(pending).toHaveLength(1);
		r.request(3, true);
		await vi.advanceTimersByTimeAsync(0);
		pending[1].resolve(new Result(3));
		await vi.advanceTimersByTimeAsync(0);
		expect(shown).toEqual([3]);
	});
});
