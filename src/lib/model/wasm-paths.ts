// The tfjs WASM binaries, emitted by Vite into the build (self-hosted, no CDN) and handed to setWasmPaths.
import wasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export const WASM_PATHS: Record<string, string> = {
	'tfjs-backend-wasm.wasm': wasm,
	'tfjs-backend-wasm-simd.wasm': wasmSimd,
	'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded
};
