// A small trace made without tfjs: random "network outputs" on a 64 px image pushed through the real glue, with
// random feature maps behind the FeatureMap interface. For testing the precomputed files' writer and loader, whose
// job is to carry such outputs faithfully; the model's own numbers are tested against a live run elsewhere.
import { readFileSync } from 'node:fs';
import { previewOf } from '../../src/lib/model/feature-map';
import {
	detectionsOf,
	maskLogitsShape,
	masksOf,
	proposalsOf,
	rpnOf,
	transformInput
} from '../../src/lib/model/glue';
import { parseManifest, type ArchitectureConfig } from '../../src/lib/model/manifest';
import type { FeatureMap, ModelTrace } from '../../src/lib/model/trace';
import { TraceDraft } from '../../src/lib/model/trace-draft';
import { RUN_PARTS } from '../../src/lib/model/trace';
import type { Tensor } from '../../src/lib/ops';
import { mulberry32, normals } from '../../src/lib/scenes';

export const SHIPPED_MANIFEST = parseManifest(
	JSON.parse(readFileSync('static/weights/shapes-mrcnn-r10s/manifest.json', 'utf8'))
);

export interface Synthetic {
	trace: ModelTrace;
	image: { data: Uint8Array; width: number; height: number };
	architecture: ArchitectureConfig;
	/** the feature maps' NCHW values, C2..C5 then P2..P6 */
	maps: Tensor[];
}

export function syntheticTrace(seed = 1, size = 64): Synthetic {
	const rng = mulberry32(seed);
	const architecture = { ...SHIPPED_MANIFEST.architecture, image_size: size };
	const cfg = architecture;
	const image = {
		data: Uint8Array.from({ length: size * size * 3 }, () => rng.int(0, 255)),
		width: size,
		height: size
	};
	const input = transformInput({ ...image, channels: 3 }, cfg);
	const a = cfg.aspect_ratios.length;
	const grids = [4, 8, 16, 32, 64].map((s) => [size / s, size / s] as [number, number]);
	const logitParts = grids.map(([h, w]) => normals(() => rng.next(), h * w * a).map((v) => 3 * v));
	const deltaParts = grids.map(([h, w]) => normals(() => rng.next(), 4 * h * w * a).map((v) => 0.3 * v));
	const rpn = rpnOf(cfg, input, grids, logitParts, deltaParts);
	const stage = proposalsOf(
		cfg,
		input,
		rpn,
		grids.slice(0, 4).map(([h]) => h)
	);
	const k = stage.proposals.scores.length;
	const classes = cfg.classes.length;
	const classLogits = normals(() => rng.next(), k * classes).map((v) => 4 * v);
	const boxDeltas = normals(() => rng.next(), 4 * k * classes).map((v) => 0.2 * v);
	const heads = detectionsOf(cfg, input, stage, classLogits, boxDeltas);
	const shape = maskLogitsShape(cfg, heads.detections.scores.length);
	const maskLogits = {
		shape,
		data: normals(
			() => rng.next(),
			shape.reduce((x, y) => x * y, 1)
		)
	};

	// values over many binades, subnormals of float16 included, so the float16 rounding is exercised
	const chans = [16, 32, 64, 128, 8, 8, 8, 8, 8];
	const maps: Tensor[] = chans.map((c, i) => {
		const [h, w] = grids[i < 4 ? i : i - 4];
		const data = normals(() => rng.next(), c * h * w).map((v, j) => v * 2 ** ((j % 30) - 20));
		return { shape: [1, c, h, w], data };
	});
	const fm = (t: Tensor): FeatureMap => ({
		shape: [1, t.shape[2], t.shape[3], t.shape[1]],
		tensor: null,
		read: async () => t,
		preview: async () => previewOf(t)
	});
	const draft = new TraceDraft({
		source: 'live',
		precomputed: null,
		input,
		architecture,
		backend: 'synthetic'
	});
	draft.set({
		features: { c: maps.slice(0, 4).map(fm), p: maps.slice(4).map(fm) },
		rpn,
		proposals: stage.proposals,
		proposalLevels: stage.proposalLevels,
		...heads,
		masks: masksOf(cfg, input, heads.detections, maskLogits)
	});
	for (const part of RUN_PARTS) draft.done(part);
	return { trace: draft.snapshot(), image, architecture, maps };
}

/** A fetch over an in-memory folder; counts the requests per path. */
export function memoryFetch(files: Map<string, Uint8Array | string>): {
	fetch: typeof fetch;
	requests: Map<string, number>;
} {
	const requests = new Map<string, number>();
	const fetchFn = (async (input: string | URL | Request) => {
		const url = String(input);
		requests.set(url, (requests.get(url) ?? 0) + 1);
		const body = files.get(url);
		return body === undefined ? new Response('not found', { status: 404 }) : new Response(body as BodyInit);
	}) as typeof fetch;
	return { fetch: fetchFn, requests };
}
