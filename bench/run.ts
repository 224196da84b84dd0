// `npm run bench`: times the TS ops against torchvision (bench/torch_bench.py, one thread) on identical inputs,
// checks that both produce the same result, and prints median times and the ratio TS / torchvision.
// The machine may be shared, so the two sides run in ABBA order (torch, TS, TS, torch) and each side's figure is
// the mean of its two medians: a load change during the run then affects both sides alike.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nms } from '../src/lib/ops/nms';
import { roiAlign } from '../src/lib/ops/roi-align';
import { featureMap, nmsInputs, rois } from './inputs';
import { benchModel } from './model';

const CASES = [
	{ key: 'nms1000', name: 'nms 1000 boxes, IoU 0.7', reps: 15 },
	{ key: 'nms5000', name: 'nms 5000 boxes, IoU 0.7', reps: 5 },
	{ key: 'roiAlign', name: 'roiAlign 1×256×200×272, 1000 RoIs, 7×7, sr 2', reps: 3 }
] as const;
type Key = (typeof CASES)[number]['key'];

function medianMs(fn: () => unknown, reps: number, warmup = 1): number {
	for (let i = 0; i < warmup; i++) fn();
	const times: number[] = [];
	for (let i = 0; i < reps; i++) {
		const t = performance.now();
		fn();
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	return times[times.length >> 1];
}

function readBin(path: string): ArrayBuffer {
	return new Uint8Array(readFileSync(path)).buffer; // a copy: Node may pool small files' buffers
}

function runTorch(dir: string): Record<string, number | string> {
	const py = spawnSync('/usr/bin/python3', ['bench/torch_bench.py', dir], { encoding: 'utf8' });
	if (py.status !== 0) throw new Error(`torch_bench.py failed:\n${py.stderr}`);
	return JSON.parse(py.stdout.trim().split('\n').pop()!);
}

const nmsIn = { nms1000: nmsInputs(1000), nms5000: nmsInputs(5000) };
const x = featureMap(256, 200, 272);
const r = rois(1000);
const alignOpts = { outputSize: 7, spatialScale: 1 / 4, samplingRatio: 2, aligned: false };
const run: Record<Key, () => unknown> = {
	nms1000: () => nms(nmsIn.nms1000.boxes, nmsIn.nms1000.scores, 0.7),
	nms5000: () => nms(nmsIn.nms5000.boxes, nmsIn.nms5000.scores, 0.7),
	roiAlign: () => roiAlign(x, r, alignOpts)
};

function runTs(): Record<Key, number> {
	return Object.fromEntries(CASES.map((c) => [c.key, medianMs(run[c.key], c.reps)])) as Record<Key, number>;
}

const dir = mkdtempSync(join(tmpdir(), 'mrcnn-bench-'));
try {
	console.log('ABBA rounds: torchvision, TS, TS, torchvision …');
	const t1 = runTorch(dir);
	const s1 = runTs();
	const s2 = runTs();
	const t2 = runTorch(dir);

	const checks: Record<Key, string> = { nms1000: '', nms5000: '', roiAlign: '' };
	for (const k of ['nms1000', 'nms5000'] as const) {
		const got = run[k]() as Int32Array;
		const want = new Int32Array(readBin(join(dir, `${k}.i32`)));
		const same = want.length === got.length && want.every((v, i) => v === got[i]);
		checks[k] = same ? `same ${got.length} kept` : 'DIFFERENT';
	}
	const got = (run.roiAlign() as { data: Float32Array }).data;
	const want = new Float32Array(readBin(join(dir, 'roiAlign.f32')));
	let maxDiff = want.length === got.length ? 0 : Infinity;
	for (let i = 0; i < want.length && maxDiff !== Infinity; i++)
		maxDiff = Math.max(maxDiff, Math.abs(want[i] - got[i]));
	checks.roiAlign = maxDiff === 0 ? 'bit-identical' : `max |Δ| ${maxDiff}`;

	console.log(
		`torch ${t1.torch}, torchvision ${t1.torchvision}, ${t1.threads} thread; node ${process.version}`
	);
	console.log('op | TS ms (two medians) | torchvision ms (two medians) | TS / torchvision | output check');
	for (const c of CASES) {
		const ts = (s1[c.key] + s2[c.key]) / 2;
		const tv = ((t1[c.key] as number) + (t2[c.key] as number)) / 2;
		const pair = (a: number, b: number) => `${((a + b) / 2).toFixed(1)} (${a.toFixed(1)}, ${b.toFixed(1)})`;
		console.log(
			`${c.name} | ${pair(s1[c.key], s2[c.key])} | ${pair(t1[c.key] as number, t2[c.key] as number)} | ${(ts / tv).toFixed(2)} | ${checks[c.key]}`
		);
	}
} finally {
	rmSync(dir, { recursive: true, force: true });
}

// MODEL_BENCH=0 skips the (minutes-long) whole-model part.
if (process.env.MODEL_BENCH !== '0') await benchModel();
