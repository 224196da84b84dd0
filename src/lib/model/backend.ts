// Picks the tfjs backend: WebGL with float32 textures first, then WASM (self-hosted .wasm files), then plain CPU.
// Every fallback records why, so the page can show the student what runs and the reason.
import * as tf from '@tensorflow/tfjs';

export interface BackendChoice {
	name: string;
	/** why the preferred backends were skipped, in order; empty when WebGL works */
	reasons: string[];
}

export interface BackendOptions {
	/** try these in order (default webgl, wasm, cpu) */
	order?: string[];
	/** allow WebGL on software renderers (SwiftShader in headless test browsers) */
	allowSoftwareWebgl?: boolean;
	/** where the tfjs WASM binaries are served, per file name (needed for the wasm backend) */
	wasmPaths?: Record<string, string>;
	/** checks the .wasm files when WASM fails to start (default: the global fetch) */
	fetch?: typeof fetch;
}

export async function chooseBackend(opts: BackendOptions = {}): Promise<BackendChoice> {
	const order = opts.order ?? ['webgl', 'wasm', 'cpu'];
	const reasons: string[] = [];
	if (opts.allowSoftwareWebgl) tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
	for (const name of order) {
		try {
			if (name === 'wasm') {
				if (typeof WebAssembly === 'undefined') {
					reasons.push('wasm: this browser has no WebAssembly');
					continue;
				}
				const wasm = await import('@tensorflow/tfjs-backend-wasm');
				if (opts.wasmPaths) wasm.setWasmPaths(opts.wasmPaths);
			}
			const started = await setBackendSeeingInitError(name);
			if (started !== true) {
				reasons.push(await whyNotStarted(name, started, opts));
				continue;
			}
			await tf.ready();
			if (name === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
				// float16 textures hold ~3 significant digits and max 65504: boxes and logits would be wrong.
				reasons.push('webgl: this GPU only renders float16 textures, too imprecise for box coordinates');
				continue;
			}
			return { name, reasons };
		} catch (e) {
			reasons.push(`${name}: ${textOf(e)}`);
		}
	}
	throw new Error(`No TensorFlow.js backend could start: ${reasons.join('; ')}`);
}

/** The init failure, when tfjs swallowed one. */
interface InitFailure {
	error: unknown;
}

/**
 * `tf.setBackend` returns false when a backend's factory throws, and only logs the error; the factory is wrapped for
 * this one call so the reason reaches the page. (Calling the factory again to learn why is no option: the WASM
 * backend's init never settles a second time after an abort.)
 */
async function setBackendSeeingInitError(name: string): Promise<true | InitFailure | null> {
	const entry = tf.engine().registryFactory[name];
	if (!entry || name in tf.engine().registry) return (await tf.setBackend(name)) || null;
	let failure: InitFailure | null = null;
	const original = entry.factory;
	entry.factory = () => {
		const seen = (error: unknown) => {
			failure = { error };
			throw error;
		};
		try {
			const made = original();
			// tfjs's own test for an async factory (custom Promise implementations included)
			return made && typeof (made as { then?: unknown }).then === 'function'
				? Promise.resolve(made).catch(seen)
				: made;
		} catch (e) {
			return seen(e);
		}
	};
	try {
		return (await tf.setBackend(name)) || failure;
	} finally {
		entry.factory = original;
	}
}

/** The reason a backend did not start, in words; for WASM, which of its files did not download. */
async function whyNotStarted(
	name: string,
	failure: InitFailure | null,
	opts: BackendOptions
): Promise<string> {
	if (!failure) return `${name}: not available in this browser`;
	const message = textOf(failure.error);
	if (name !== 'wasm') return `${name}: did not start (${message})`;
	const missing = await unreachable(Object.values(opts.wasmPaths ?? {}), opts.fetch);
	return missing.length
		? `wasm: the WebAssembly file did not load (${missing.join('; ')})`
		: `wasm: WebAssembly did not start (${message})`;
}

/** The URLs that do not answer 200, each with what went wrong (tfjs's own message never names the file). */
async function unreachable(urls: string[], doFetch: typeof fetch | undefined): Promise<string[]> {
	const get = doFetch ?? (typeof fetch === 'function' ? fetch : null);
	if (!get) return [];
	const checks = urls.map(async (url) => {
		try {
			const res = await get(url, { method: 'HEAD' });
			return res.ok ? null : `${url}: HTTP ${res.status}`;
		} catch (e) {
			return `${url}: ${textOf(e)}`;
		}
	});
	return (await Promise.all(checks)).filter((m): m is string => m !== null);
}

/** tfjs rejects with Errors, strings, and plain `{ message }` objects (the WASM init does). */
function textOf(e: unknown): string {
	if (e instanceof Error) return e.message || e.name;
	if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string')
		return (e as { message: string }).message;
	return String(e);
}

/** Tensors alive on the current backend (a leak shows as a count that keeps growing between identical steps). */
export function tensorCount(): number {
	return tf.memory().numTensors;
}
