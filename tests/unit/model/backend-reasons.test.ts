// The fallback reasons say what failed: tfjs's setBackend only logs a backend's init error and returns false, so
// without care every failure read "not available in this browser". Real tfjs, real WASM backend (its .wasm files
// pointed at paths that do not exist), and fake backends registered under their own names.
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { chooseBackend } from '../../../src/lib/model/backend';

const registered: string[] = [];
function register(name: string, factory: () => tf.KernelBackend | Promise<tf.KernelBackend>) {
	tf.registerBackend(name, factory, 0);
	registered.push(name);
}
beforeEach(() => {
	// tfjs logs each init failure and emscripten its abort: expected here, and noise in the test output
	vi.spyOn(console, 'warn').mockImplementation(() => {});
	vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
	vi.restoreAllMocks();
	for (const name of registered.splice(0)) tf.removeBackend(name);
});

const MISSING = {
	'tfjs-backend-wasm.wasm': '/missing/tfjs-backend-wasm.wasm',
	'tfjs-backend-wasm-simd.wasm': '/missing/tfjs-backend-wasm-simd.wasm',
	'tfjs-backend-wasm-threaded-simd.wasm': '/missing/tfjs-backend-wasm-threaded-simd.wasm'
};
/** A server on which none of the .wasm files exists. */
const notFound = (async () => new Response('not found', { status: 404 })) as typeof fetch;

describe('chooseBackend fallback reasons', () => {
	test('a WASM file that does not download is named, with the HTTP status; the CPU takes over', async () => {
		const choice = await chooseBackend({ order: ['wasm', 'cpu'], wasmPaths: MISSING, fetch: notFound });
		expect(choice.name).toBe('cpu');
		expect(choice.reasons).toHaveLength(1);
		const [reason] = choice.reasons;
		expect(reason).toMatch(/^wasm: the WebAssembly file did not load \(/);
		expect(reason).toContain('/missing/tfjs-backend-wasm-simd.wasm: HTTP 404');
		expect(reason).not.toContain('not available in this browser');
		expect(tf.getBackend()).toBe('cpu');
	});

	test('an async init that rejects keeps its message (a plain { message } object, as the WASM init throws)', async () => {
		register('broken-async', () => Promise.reject({ message: 'the GPU adapter went away' }));
		const choice = await chooseBackend({ order: ['broken-async', 'cpu'] });
		expect(choice).toEqual({
			name: 'cpu',
			reasons: ['broken-async: did not start (the GPU adapter went away)']
		});
	});

	test('a factory that throws at once keeps its message too', async () => {
		register('broken-sync', () => {
			throw new Error('WebGL is not supported on this device');
		});
		const choice = await chooseBackend({ order: ['broken-sync', 'cpu'] });
		expect(choice.reasons).toEqual(['broken-sync: did not start (WebGL is not supported on this device)']);
		expect(choice.name).toBe('cpu');
	});

	test('the factory is left as it was, and a backend that starts gives no reason', async () => {
		const factory = () => tf.findBackend('cpu')!;
		register('fine', factory);
		expect(await chooseBackend({ order: ['fine'] })).toEqual({ name: 'fine', reasons: [] });
		expect(tf.engine().registryFactory['fine'].factory).toBe(factory);
	});

	test('a name tfjs does not know, and nothing left to try, end in an error listing every reason', async () => {
		await expect(chooseBackend({ order: ['no-such-backend'] })).rejects.toThrow(
			/No TensorFlow.js backend could start: no-such-backend: .*not found in registry/
		);
	});
});
