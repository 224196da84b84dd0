// The shipped model on tfjs in Node (WASM, tests/helpers/node-backend.ts), run on one generated scene: the setup shared by the tests that
// check what a run keeps (heads on chosen boxes, the FPN pathway).
import { existsSync } from 'node:fs';
import { DEFAULT_MODEL, MaskRcnnModel, type ModelTrace } from '../../src/lib/model';
import { generateScene } from '../../src/lib/scenes';
import { fileFetch } from './file-fetch';
import { useNodeBackend } from './node-backend';

const WEIGHTS_ROOT = 'static/weights';
export const haveWeights = existsSync(`${WEIGHTS_ROOT}/${DEFAULT_MODEL}/manifest.json`);

/** Loads the weights from disk (no cache) and runs scene `seed`; the caller disposes both. */
export async function cpuModelOnScene(seed = 11): Promise<{ model: MaskRcnnModel; trace: ModelTrace }> {
	await useNodeBackend();
	const model = await MaskRcnnModel.load(`/${DEFAULT_MODEL}`, {
		fetch: fileFetch(WEIGHTS_ROOT),
		cacheName: null
	});
	const s = generateScene(seed);
	const trace = await model.run({ data: s.image, height: s.height, width: s.width, channels: 3 });
	return { model, trace };
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
	if (a.length !== b.length) throw new Error(`maxAbsDiff: lengths differ (${a.length} vs ${b.length})`);
	let m = 0;
	for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
	return m;
}
