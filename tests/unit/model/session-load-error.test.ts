// A weights load that fails is a load error, never a run error: the status line (ModelStatus, used by /model, the
// stepper and the embeds) says "The model could not load: …" from loadError, and "could not run" only from runError.
import { expect, test, vi } from 'vitest';
import type { SessionInput } from '../../../src/lib/model/lite';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('@tensorflow/tfjs', () => {
	throw new Error('tfjs was imported');
});
vi.mock('../../../src/lib/model/backend', () => ({ tensorCount: () => 0 }));
vi.mock('../../../src/lib/model/loader', () => ({
	unlessContextLost: <T>(work: Promise<T>) => work,
	loadModelOnce: async () => {
		calls.n++;
		throw new Error('/weights/x/manifest.json: shards[0].byteLength 1099511627776 is over the limit');
	}
}));

const input: SessionInput = { image: { data: new Uint8Array(12), width: 2, height: 2 }, label: 'scene 1' };

test('a failed load sets loadError (with the loader’s message) and leaves runError empty, also after Try again', async () => {
	const { ModelSession } = await import('../../../src/lib/model/lite');
	const s = new ModelSession('/weights/x', { delay: 0 });
	s.request(input, true);
	await vi.waitFor(() => expect(s.status).toBe('error'));
	expect((s.loadError as Error).message).toMatch(/manifest\.json: shards\[0\]\.byteLength/);
	expect(s.runError).toBeNull();
	expect(s.running).toBeNull();
	s.retry();
	await vi.waitFor(() => expect(calls.n).toBe(2));
	await vi.waitFor(() => expect(s.status).toBe('error'));
	expect(s.loadError).not.toBeNull();
	expect(s.runError).toBeNull();
	s.close();
});
