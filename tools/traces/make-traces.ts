// Precomputed traces for the landing page and the presets (issue 14): the shipped model on tfjs's CPU backend in
// Node, on scenes it gets exactly right, written as static/weights/<model>/traces/<id>/{trace.json,trace.bin,features.bin} and
// src/lib/model/trace-presets.ts (the list, landing scene first). Regenerate after every retrain:
//   npm run traces                     (= npx tsx tools/traces/make-traces.ts)
//   npx tsx tools/traces/make-traces.ts --from 2500 --to 3500 --max-runs 40
// The other models of the switcher get stored runs of the same scenes: tools/traces/model-traces.ts.
// tests/unit/model/precomputed-trace.test.ts fails until the traces match the shipped weights again.
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MODEL } from '../../src/lib/model/default-model';
import { parseManifest } from '../../src/lib/model/manifest';
import { MaskRcnnModel } from '../../src/lib/model/model';
import { storedRunPath } from '../../src/lib/model/precomputed';
import type { ModelTrace } from '../../src/lib/model/trace';
import { generateScene, type Scene } from '../../src/lib/scenes';
import { fileFetch } from '../../tests/helpers/file-fetch';
import { byPromise, chooseCandidates, presetTitle, type Candidate } from './choose-scenes';
import { matchScene } from './scene-match';
import { writeStoredRun } from './stored-run';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : dflt;
};
// Training scenes are seeds 0..2499 and the held-out evaluation 1000000..1000299 (tools/train, model-card.md):
// a preset must be neither, or the landing page would show the model a picture it learned or was scored on.
const FROM = opt('from', 2500);
const TO = opt('to', 3500);
const MAX_RUNS = opt('max-runs', 40);
const WANT = 4;
const LEVELS = [2, 3, 4, 5];
for (const [lo, hi, what] of [
	[0, 2500, 'training'],
	[1_000_000, 1_000_300, 'evaluation']
] as const)
	if (FROM < hi && TO > lo)
		throw new Error(`--from ${FROM} --to ${TO} overlaps the ${what} seeds ${lo}..${hi - 1}`);

const WEIGHTS = 'static/weights';
// beside the weights that made them: static/weights/<model>/traces/<id>/
const OUT = `static${storedRunPath('').replace(/\/$/, '')}`;
const PRESETS_TS = 'src/lib/model/trace-presets.ts';

const manifest = parseManifest(
	JSON.parse(readFileSync(join(WEIGHTS, DEFAULT_MODEL, 'manifest.json'), 'utf8'))
);
await tf.setBackend('cpu');
const model = await MaskRcnnModel.load(`/${DEFAULT_MODEL}`, { fetch: fileFetch(WEIGHTS), cacheName: null });
const cfg = manifest.architecture;

const { candidates, summary } = chooseCandidates(FROM, TO, [2, 5]);
console.log(`scanned seeds ${FROM}..${TO - 1} on their ground truth: ${summary}`);

interface Chosen extends Candidate {
	scene: Scene;
	trace: ModelTrace;
	levels: number[];
	shown: number;
}
const chosen: Chosen[] = [];
const spare: Chosen[] = [];
const tried = new Set<number>();
let runs = 0;
const needed = () => LEVELS.filter((l) => !chosen.some((c) => c.levels.includes(l)));

while (chosen.length < WANT && runs < MAX_RUNS) {
	const need = needed();
	if (need.length === 0 && spare.length > 0) {
		chosen.push(spare.shift()!);
		continue;
	}
	const next = candidates.filter((c) => !tried.has(c.seed)).sort(byPromise(need))[0];
	if (!next) break;
	tried.add(next.seed);
	runs++;
	const scene = generateScene(next.seed);
	const image = { data: scene.image, width: scene.width, height: scene.height };
	const t0 = performance.now();
	const trace = await model.run({ ...image, channels: 3 });
	const ms = (performance.now() - t0).toFixed(0);
	const m = matchScene(trace.detections, scene.instances, cfg.classes);
	const head =
		`seed ${next.seed} (${next.objects} objects, ground-truth levels ${next.gtLevels.join('')}, ` +
		`least visible ${Math.min(100, 100 * next.minVisible).toFixed(0)} %, ${ms} ms):`;
	if (!m.ok) {
		console.log(`${head} rejected: ${m.problems.join('; ')}`);
		trace.dispose();
		continue;
	}
	const levels = [...new Set(Array.from(trace.detections.levels.subarray(0, m.shown)))].sort();
	const c: Chosen = { ...next, scene, trace, levels, shown: m.shown };
	const adds = levels.filter((l) => need.includes(l));
	if (adds.length > 0 || need.length === 0) {
		console.log(
			`${head} chosen: all ${m.shown} detections right, levels ${levels.join('')}${adds.length ? `, adds ${adds.join('')}` : ''}`
		);
		chosen.push(c);
	} else if (spare.length < WANT) {
		console.log(
			`${head} right (levels ${levels.join('')}) but adds no level still needed (${need.join('')}): kept as a spare`
		);
		spare.push(c);
	} else {
		console.log(`${head} right but adds no level still needed (${need.join('')})`);
		trace.dispose();
	}
}
if (chosen.length < WANT || needed().length > 0)
	throw new Error(
		`after ${runs} model runs: ${chosen.length} presets, levels ${needed().join(', ')} not covered; widen --to or --max-runs`
	);

// The landing scene: the most levels, then the most detections; the others by seed.
chosen.sort((a, b) => b.levels.length - a.levels.length || b.shown - a.shown || a.seed - b.seed);
const presets = [chosen[0], ...chosen.slice(1).sort((a, b) => a.seed - b.seed)];

mkdirSync(OUT, { recursive: true });
const ids = new Set(presets.map((p) => `scene-${p.seed}`));
for (const dir of readdirSync(OUT))
	if (dir.startsWith('scene-') && !ids.has(dir)) {
		console.log(`removing the stale ${OUT}/${dir}`);
		rmSync(join(OUT, dir), { recursive: true });
	}
for (const p of presets)
	console.log((await writeStoredRun(model, p.seed, p.scene, p.trace)) + ` (${p.shown} at ≥ 0.5)`);

const entries = presets.map(
	(p) =>
		`\t{\n\t\tid: '${`scene-${p.seed}`}',\n\t\tseed: ${p.seed},\n\t\ttitle: '${presetTitle(p.scene.instances)}',\n` +
		`\t\tdetections: ${p.shown},\n\t\tlevels: [${p.levels.join(', ')}]\n\t}`
);
writeFileSync(
	PRESETS_TS,
	`// Generated by tools/traces/make-traces.ts (npm run traces) from ${manifest.modelName}: do not edit by hand.\n` +
		`// Scenes (not training or evaluation seeds) where every detection at score ≥ 0.5 is right; the first is the\n` +
		`// landing scene. \`detections\`: how many at ≥ 0.5; \`levels\`: the FPN levels they are pooled from.\n` +
		`export interface TracePreset {\n\tid: string;\n\tseed: number;\n\ttitle: string;\n\tdetections: number;\n\tlevels: number[];\n}\n\n` +
		`export const TRACE_PRESETS: readonly TracePreset[] = [\n${entries.join(',\n')}\n];\n`
);
console.log(
	`wrote ${PRESETS_TS}: ${presets.map((p) => `scene-${p.seed} (levels ${p.levels.join('')})`).join(', ')}`
);
for (const c of [...chosen, ...spare]) c.trace.dispose();
model.dispose();
