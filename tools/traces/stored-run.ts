// One stored run on disk: a model's trace of one scene written as static/weights/<model>/traces/<id>/ and read back
// at once, so a broken file never leaves the scripts (the unit test then compares it with a live run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { MaskRcnnModel } from '../../src/lib/model/model';
import { loadPrecomputedTrace, storedRunPath } from '../../src/lib/model/precomputed';
import type { ModelTrace } from '../../src/lib/model/trace';
import { weightsFingerprint } from '../../src/lib/model/trace-format';
import type { Scene } from '../../src/lib/scenes';
import { fileFetch } from '../../tests/helpers/file-fetch';
import { encodeTraceFiles } from './trace-writer';

const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
const gz = (b: Uint8Array) => gzipSync(b, { level: 9 }).length;

/** Writes the run and returns a one-line report of its sizes. */
export async function writeStoredRun(
	model: MaskRcnnModel,
	seed: number,
	scene: Scene,
	trace: ModelTrace
): Promise<string> {
	const manifest = model.manifest;
	const cfg = manifest.architecture;
	const id = `scene-${seed}`;
	const image = { data: scene.image, width: scene.width, height: scene.height };
	const files = await encodeTraceFiles(trace, {
		model: manifest.modelName,
		weights: weightsFingerprint(manifest),
		architecture: cfg,
		seed,
		image,
		run: {
			inputSize: cfg.image_size,
			scoreThresh: cfg.roi_heads.box_score_thresh,
			nmsThresh: cfg.roi_heads.box_nms_thresh
		}
	});
	const path = storedRunPath(id, manifest.modelName);
	const dir = join('static', path);
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'trace.json'), JSON.stringify(files.header, null, '\t') + '\n');
	writeFileSync(join(dir, 'trace.bin'), files.traceBin);
	writeFileSync(join(dir, 'features.bin'), files.featuresBin);
	const replay = await loadPrecomputedTrace(path, image, fileFetch('static'));
	if (replay.detections.scores.join() !== trace.detections.scores.join())
		throw new Error(`${dir}: the replay's detections differ from the run's`);
	replay.dispose();
	return (
		`${dir}: trace.bin ${kb(files.traceBin.length)} (gzip ${kb(gz(files.traceBin))}), ` +
		`features.bin ${kb(files.featuresBin.length)} (gzip ${kb(gz(files.featuresBin))}), ` +
		`${trace.proposals.scores.length} proposals, ${trace.detections.scores.length} detections`
	);
}
