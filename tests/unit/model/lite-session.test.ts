// The tfjs-free entry: lite.ts and ModelSession load with tfjs made unimportable, a precomputed trace goes on
// screen without the loader, and the loader (mocked here) is imported only by load(). The session's progressive
// state follows a run's parts and clears when it ends.
import { expect, test, vi } from 'vitest';
import type { MaskRcnnModel, ModelTrace, RunOptions, SessionInput } from '../../../src/lib/model/lite';
import { RUN_PARTS } from '../../../src/lib/model/trace';
import { syntheticTrace } from '../../helpers/synthetic-trace';

const imported = vi.hoisted(() => ({ loader: 0 }));
/** lets the mocked run finish, one per run in flight */
const release = vi.hoisted(() => [] as (() => void)[]);
vi.mock('@tensorflow/tfjs', () => {
	throw new Error('tfjs was imported');
});
vi.mock('../../../src/lib/model/backend', () => ({ tensorCount: () => 42 }));
// A model whose run reports every part of a synthetic trace, then waits for the test to let it finish.
vi.mock('../../../src/lib/model/loader', () => {
	imported.loader++;
	const { trace } = syntheticTrace(5);
	const model = {
		run: async (_img: unknown, opts: RunOptions) => {
			for (let i = 0; i < RUN_PARTS.length; i++)
				opts.onPart?.(RUN_PARTS[i], { ...trace, parts: RUN_PARTS.slice(0, i + 1) });
			await new Promise<void>((r) => release.push(r));
			return trace;
		}
	} as unknown as MaskRcnnModel;
	return {
		loadModelOnce: async () => ({ model, backend: { name: 'cpu', reasons: [] } }),
		unlessContextLost: <T>(work: Promise<T>) => work
	};
});

const input = (label: string): SessionInput => ({
	image: { data: new Uint8Array(12), width: 2, height: 2 },
	label
});

test('the tfjs entry cannot load here (the mock works), the lite entry can', async () => {
	// (vitest rewraps the factory's error as "There was an error when mocking a module")
	await expect(import('../../../src/lib/model/index')).rejects.toThrow(/mocking a module|tfjs was imported/);
	const lite = await import('../../../src/lib/model/lite');
	expect(typeof lite.loadPrecomputedTrace).toBe('function');
	expect(lite.FALLBACK_SIZE).toBe(320);
});

test('showPrecomputed shows a trace without importing the loader; load() imports it', async () => {
	const { ModelSession } = await import('../../../src/lib/model/lite');
	const s = new ModelSession('/weights/x');
	const { trace } = syntheticTrace(3);
	const pre: ModelTrace = { ...trace, source: 'precomputed' };
	s.showPrecomputed(pre, input('scene 3'));
	expect(s.shown?.trace).toBe(pre);
	expect(s.status).toBe('ready');
	expect(s.model).toBeNull();
	expect(s.tensors).toBe(0);
	expect(imported.loader).toBe(0);
	await s.load();
	expect(imported.loader).toBe(1);
	expect(s.model).not.toBeNull();
	s.countTensors();
	expect(s.tensors).toBe(42);
	s.close();
});

test('a live run: partial and parts follow onPart, then clear when the trace is shown', async () => {
	const { ModelSession } = await import('../../../src/lib/model/lite');
	const s = new ModelSession('/weights/x', { delay: 0 });
	s.request(input('scene 1'), true);
	await vi.waitFor(() => expect(release).toHaveLength(1));
	expect(s.running).toBe('scene 1');
	expect(s.parts).toEqual(RUN_PARTS);
	expect(s.partial?.parts).toEqual(RUN_PARTS);
	release.shift()!();
	await vi.waitFor(() => expect(s.shown).not.toBeNull());
	expect(s.partial).toBeNull();
	expect(s.parts).toEqual([]);
	expect(s.running).toBeNull();
	s.close();
});

test('showPrecomputed during a run drops the run: its result is never shown', async () => {
	const { ModelSession } = await import('../../../src/lib/model/lite');
	const s = new ModelSession('/weights/x', { delay: 0 });
	s.request(input('scene 1'), true);
	await vi.waitFor(() => expect(release).toHaveLength(1));
	const pre: ModelTrace = { ...syntheticTrace(4).trace, source: 'precomputed' };
	s.showPrecomputed(pre, input('scene 4'));
	expect(s.partial).toBeNull();
	expect(s.running).toBeNull();
	release.shift()!();
	await new Promise((r) => setTimeout(r, 10));
	expect(s.shown?.trace).toBe(pre);
	expect(s.shown?.input.label).toBe('scene 4');
	s.close();
});
