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
}

export async function chooseBackend(opts: BackendOptions = {}): Promise<BackendChoice> {
	const order = opts.order ?? ['webgl', 'wasm', 'cpu'];
	const reasons: string[] = [];
	if (opts.allowSoftwareWebgl) tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
	for (const name of order) {
		try {
			if (name === 'wasm') {
				const wasm = await import('@tensorflow/tfjs-backend-wasm');
				if (opts.wasmPaths) wasm.setWasmPaths(opts.wasmPaths);
			}
			if (!(await tf.setBackend(name))) {
				reasons.push(`${name}: not available in this browser`);
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
			reasons.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
		}
	}
	throw new Error(`No TensorFlow.js backend could start: ${reasons.join('; ')}`);
}

/** Tensors alive on the current backend (a leak shows as a count that keeps growing between identical steps). */
export function tensorCount(): number {
	return tf.memory().numTensors;
}
