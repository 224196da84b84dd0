// Stored runs of another model of the switcher (src/lib/model/models.ts) on the shipped model's preset scenes, so
// the same picture opens at once whichever model is chosen and the comparison page needs no live run:
//   npx tsx tools/traces/make-traces.ts && npx tsx tools/traces/model-traces.ts --model shapes-mrcnn-r10s-roipool
// The scenes are the ones models.ts lists for that model (they were chosen for the shipped model, not for this one:
// whatever this model gets wrong on them is shown as it is). Rerun after retraining that model.
import * as tf from '@tensorflow/tfjs';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MODEL } from '../../src/lib/model/default-model';
import { MaskRcnnModel } from '../../src/lib/model/model';
import { modelChoice } from '../../src/lib/model/models';
import { storedRunPath } from '../../src/lib/model/precomputed';
import { TRACE_PRESETS } from '../../src/lib/model/trace-presets';
import { generateScene } from '../../src/lib/scenes';
import { fileFetch } from '../../tests/helpers/file-fetch';
import { writeStoredRun } from './stored-run';

const args = process.argv.slice(2);
const id = args[args.indexOf('--model') + 1];
const choice = args.includes('--model') ? modelChoice(id) : undefined;
if (!choice || choice.id === DEFAULT_MODEL)
	throw new Error(`--model must name a model of src/lib/model/models.ts other than ${DEFAULT_MODEL}`);

await tf.setBackend('cpu');
const model = await MaskRcnnModel.load(`/${choice.id}`, {
	fetch: fileFetch('static/weights'),
	cacheName: null
});
const root = `static${storedRunPath('', choice.id).replace(/\/$/, '')}`;
for (const dir of (() => {
	try {
		return readdirSync(root);
	} catch {
		return [];
	}
})())
	if (!choice.storedRuns.includes(dir)) {
		console.log(`removing the stale ${root}/${dir}`);
		rmSync(join(root, dir), { recursive: true });
	}
for (const preset of TRACE_PRESETS.filter((p) => choice.storedRuns.includes(p.id))) {
	const scene = generateScene(preset.seed);
	const trace = await model.run({ data: scene.image, width: scene.width, height: scene.height, channels: 3 });
	console.log(await writeStoredRun(model, preset.seed, scene, trace));
	trace.dispose();
}
model.dispose();
