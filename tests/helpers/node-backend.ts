// The tfjs backend the model tests run on in Node: WASM (SIMD), several times faster than the plain-JS CPU backend
// on the 512 px model (docs/performance.md) and float32 all the same, so the suite spends less of its time running
// the model. MODEL_TEST_BACKEND=cpu runs them on the CPU backend instead (the browser's last fallback), as a cross-check.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';

export async function useNodeBackend(): Promise<string> {
	const name = process.env.MODEL_TEST_BACKEND ?? 'wasm';
	if (name === 'wasm') setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
	if (!(await tf.setBackend(name)))
		throw new Error(`MODEL_TEST_BACKEND: tfjs backend "${name}" did not start`);
	return name;
}
