// Browser-side loading: choose a backend once, load the default model once per page session, report progress.
// (A resource cache, not UI state: every widget still owns its own inputs and outputs.)
import { chooseBackend, type BackendChoice } from './backend';
import { resetWebglBackend, watchContext } from './context-loss';

export { unlessContextLost } from './context-loss';
import type { LoadProgress } from './load-weights';
import { MaskRcnnModel } from './model';
import { WASM_PATHS } from './wasm-paths';

export { DEFAULT_MODEL } from './default-model';

let backend: Promise<BackendChoice> | null = null;
const models = new Map<string, Promise<MaskRcnnModel>>();

/** WebGL (software WebGL allowed: headless test browsers), else WASM, else CPU; the reasons are kept for the UI. */
export function backendOnce(): Promise<BackendChoice> {
	backend ??= chooseBackend({ allowSoftwareWebgl: true, wasmPaths: WASM_PATHS }).then((b) => {
		watchContext(startOver);
		return b;
	});
	return backend;
}

/** After a lost context: the weights on the old backend are gone, so the next load chooses and uploads afresh. */
function startOver(): void {
	backend = null;
	models.clear();
	resetWebglBackend();
}

export async function loadModelOnce(
	weightsUrl: string,
	onProgress?: (p: LoadProgress) => void
): Promise<{ model: MaskRcnnModel; backend: BackendChoice }> {
	const b = await backendOnce();
	let m = models.get(weightsUrl);
	if (!m) {
		m = MaskRcnnModel.load(weightsUrl, { onProgress });
		models.set(weightsUrl, m);
		m.catch(() => models.delete(weightsUrl)); // a failed load can be retried
	}
	return { model: await m, backend: b };
}
