// A WebGL context can be taken away mid-run (the browser reclaims the GPU, a driver resets, a tab is backgrounded on
// a phone). tfjs then leaves its pending reads unresolved forever, so a run would say "Running…" for good. This
// file watches the WebGL backend's canvas: a loss rejects whatever run is waiting, and the loader starts over
// (a fresh WebGL backend if the browser gives one, else WASM). Plain DOM events on tfjs's own canvas.
import * as tf from '@tensorflow/tfjs';

export class ContextLostError extends Error {
	constructor() {
		super('the GPU (WebGL) context was lost in the middle of the run; "Try again" starts the model afresh');
		this.name = 'ContextLostError';
	}
}

let waiters: ((e: Error) => void)[] = [];
let lost = false;
const watched = new WeakSet<object>();

/** Starts watching the current backend's canvas (a no-op off WebGL); `onLost` runs once when it is lost. */
export function watchContext(onLost: () => void): void {
	if (tf.getBackend() !== 'webgl') return;
	const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
	const canvas = gl?.canvas as HTMLCanvasElement | OffscreenCanvas | undefined;
	if (!canvas || watched.has(canvas)) return;
	watched.add(canvas);
	lost = false;
	canvas.addEventListener('webglcontextlost', () => {
		lost = true;
		const w = waiters;
		waiters = [];
		for (const reject of w) reject(new ContextLostError());
		onLost();
	});
}

/** Resolves with `work`, or rejects with ContextLostError if the context is lost first. */
export function unlessContextLost<T>(work: Promise<T>): Promise<T> {
	if (lost) return Promise.reject(new ContextLostError());
	return new Promise<T>((resolve, reject) => {
		waiters.push(reject);
		work.then(resolve, reject).finally(() => {
			waiters = waiters.filter((w) => w !== reject);
		});
	});
}

/**
 * Drops the lost WebGL backend so the next backend choice makes a new one: tfjs keeps one instance per name, and the
 * registry entry goes with it, so its factory is registered again under the same name and priority.
 */
export function resetWebglBackend(): void {
	const factory = tf.findBackendFactory('webgl');
	if (!factory) return;
	try {
		tf.removeBackend('webgl'); // disposes the old backend: GL calls on a lost context are no-ops
	} catch (e) {
		console.warn('removing the lost WebGL backend:', e);
	}
	tf.registerBackend('webgl', factory, 2);
}
