// The model part of `npm run bench`: one 512 px scene through the shipped weights with each tfjs backend Node has
// (CPU, WASM) and with torchvision (1 thread and default threads) on the same pixels, printed as ratios; then the
// WebGL time from headless Chromium (software GL here: a record, not a GPU figure).
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// Direct imports: the model's index pulls in Vite-only `?url` WASM imports that tsx cannot load.
import { DEFAULT_MODEL } from '../src/lib/model/default-model';
import { MaskRcnnModel } from '../src/lib/model/model';
import { generateScene } from '../src/lib/scenes';
import { fileFetch } from '../tests/helpers/file-fetch';
import { webglRunMs } from './model-webgl';

const REPS = Number(process.env.MODEL_BENCH_REPS ?? 3);
const SEED = 11;

async function medianRunMs(backend: string, scene: ReturnType<typeof generateScene>) {
	await tf.setBackend(backend);
	await tf.ready();
	const model = await MaskRcnnModel.load(DEFAULT_MODEL, {
		fetch: fileFetch('static/weights'),
		cacheName: null
	});
	const input = { data: scene.image, height: scene.height, width: scene.width, channels: 3 as const };
	let detections = 0;
	const times: number[] = [];
	for (let i = 0; i <= REPS; i++) {
		const t0 = performance.now();
		const t = await model.run(input);
		if (i > 0) times.push(performance.now() - t0); // the first run compiles/warms up
		detections = t.detections.scores.length;
		t.dispose();
	}
	model.dispose();
	times.sort((a, b) => a - b);
	return { ms: times[times.length >> 1], detections };
}

export async function benchModel(): Promise<void> {
	const scene = generateScene(SEED);
	const dir = mkdtempSync(join(tmpdir(), 'mrcnn-model-bench-'));
	try {
		const rgb = join(dir, 'scene.rgb');
		writeFileSync(rgb, scene.image);
		const py = spawnSync(
			'/usr/bin/python3',
			[
				'bench/torch_model_bench.py',
				`static/weights/${DEFAULT_MODEL}`,
				rgb,
				`${scene.height}`,
				`${scene.width}`,
				`${REPS}`
			],
			{ encoding: 'utf8' }
		);
		if (py.status !== 0) throw new Error(`torch_model_bench.py failed:\n${py.stderr}`);
		const torch = JSON.parse(py.stdout.trim().split('\n').pop()!);

		setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
		const rows: [string, number, number][] = [];
		for (const b of ['cpu', 'wasm']) {
			const r = await medianRunMs(b, scene);
			rows.push([`tfjs ${b} (Node)`, r.ms, r.detections]);
		}
		const gl = await webglRunMs(SEED);
		if (!('skipped' in gl))
			rows.push([
				'tfjs webgl (headless Chromium, SwiftShader software GL — not a GPU figure)',
				gl.ms,
				gl.detections
			]);
		console.log(
			`\nmodel forward, ${scene.width}×${scene.height} scene seed ${SEED}, median of ${REPS} after one warm-up`
		);
		console.log(
			`torchvision: ${torch.threads1.toFixed(0)} ms (1 thread), ${torch.threadsDefault.toFixed(0)} ms (${torch.defaultThreads} threads), ${torch.detections} detections`
		);
		console.log(
			`torchvision with its heads' Linear layers through oneDNN (tools/train/fast_cpu.py; this torch has a generic BLAS): ${torch.threads1FastHeads.toFixed(0)} ms (1 thread)`
		);
		console.log(
			'backend | ms | detections | / torch 1 thread | / torch default threads | / torch 1 thread, oneDNN heads'
		);
		for (const [name, ms, n] of rows)
			console.log(
				`${name} | ${ms.toFixed(0)} | ${n} | ${(ms / torch.threads1).toFixed(2)} | ${(ms / torch.threadsDefault).toFixed(2)} | ${(ms / torch.threads1FastHeads).toFixed(2)}`
			);
		if ('skipped' in gl) console.log(`tfjs webgl (headless Chromium): skipped, ${gl.skipped}`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
