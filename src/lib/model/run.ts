// One forward pass of Mask R-CNN: convolutions on the tfjs backend (network.ts), everything between them with the
// tfjs-free glue (glue.ts, on the pure-TS ops), exactly in torchvision's eval order. Returns the full trace
// (trace.ts), and reports each part as it finishes (RunOptions.onPart) so a page can draw before the end.
import * as tf from '@tensorflow/tfjs';
import type { Tensor } from '$lib/ops';
import { liveFeatureMap } from './feature-map';
import {
	detectionsOf,
	maskLogitsShape,
	masksOf,
	proposalsOf,
	rpnOf,
	transformInput,
	type HeadThresholds,
	type ImageInput
} from './glue';
import type { MaskRcnnNetwork } from './network';
import { bucketRows, chunksOf, compilesPerShape, MASK_CHUNK } from './head-rows';
import { multiScalePool } from './multi-scale-pool';
import type { ModelTrace, RunPart } from './trace';
import { TraceDraft } from './trace-draft';

export { inferLevelRange, type ImageInput } from './glue';
export { readFeature } from './feature-map';

export interface RunOptions extends HeadThresholds {
	/** box-head score threshold (default: the config's, 0.05) */
	scoreThresh?: number;
	/** box-head per-class NMS IoU threshold (default: the config's, 0.5) */
	nmsThresh?: number;
	/** resize target in px (default: the config's image_size); smaller runs faster on weak devices, less accurately */
	inputSize?: number;
	/**
	 * Called after each part (input, network with the RPN head's outputs, proposals, boxHead, maskHead) with the
	 * trace so far: fields not computed yet are empty arrays and `parts` says what is done. A partial's feature
	 * tensors belong to the run (freed by the final trace's dispose(), or when the run fails).
	 */
	onPart?: (part: RunPart, partial: ModelTrace) => void;
	/** pad the heads' rows to a few sizes (head-rows.ts); default: on backends that compile a program per shape */
	padRows?: boolean;
	/** detections per mask-head chunk when padding (default MASK_CHUNK) */
	maskChunk?: number;
}

async function download(t: tf.Tensor): Promise<Float32Array> {
	return (await t.data()) as Float32Array;
}

export async function runModel(
	net: MaskRcnnNetwork,
	image: ImageInput,
	opts: RunOptions = {}
): Promise<ModelTrace> {
	const cfg = net.cfg;
	const now = () => performance.now();
	const t0 = now();
	const input = transformInput(image, cfg, opts.inputSize);
	const [hp, wp] = input.paddedSize;
	const draft = new TraceDraft({
		source: 'live',
		precomputed: null,
		input,
		architecture: cfg,
		backend: tf.getBackend()
	});
	const tm = draft.timings;
	let last = t0;
	const lap = (key: Exclude<keyof typeof tm, 'total'>) => {
		const t = now();
		tm[key] = t - last;
		tm.total = t - t0;
		last = t;
	};
	lap('transform');
	draft.done('input', opts.onPart);

	// Every tensor this run makes is listed here, so that a read that rejects midway (a lost WebGL context, a
	// device out of memory) frees them all: the caller's retry starts from the tensor count it had before.
	const owned: tf.Tensor[] = [];
	const own = <T extends tf.Tensor | tf.Tensor[]>(t: T): T => {
		if (Array.isArray(t)) owned.push(...t);
		else owned.push(t);
		return t;
	};
	try {
		const x = own(
			tf.tidy(() => tf.tensor4d(input.padded.data, [1, 3, hp, wp]).transpose([0, 2, 3, 1]) as tf.Tensor4D)
		);
		const c = own(net.backbone(x).c);
		const p = own(net.fpn(c));
		x.dispose();
		const rpnOut = p.map((level) => net.rpnHead(level));
		rpnOut.forEach((r) => own([r.logits, r.deltas]));
		const logitParts = await Promise.all(rpnOut.map((r) => download(r.logits)));
		const deltaParts = await Promise.all(rpnOut.map((r) => download(r.deltas)));
		tf.dispose(rpnOut.flatMap((r) => [r.logits, r.deltas]));
		const sizes = p.map((t) => [t.shape[1], t.shape[2]] as [number, number]);
		const rpn = rpnOf(cfg, input, sizes, logitParts, deltaParts);
		draft.set({ features: { c: c.map(liveFeatureMap), p: p.map(liveFeatureMap) }, rpn });
		lap('network');
		draft.done('network', opts.onPart);

		const poolFeatures = p.slice(0, 4);
		const stage = proposalsOf(
			cfg,
			input,
			rpn,
			poolFeatures.map((t) => t.shape[1])
		);
		const minLevel = stage.levelRange[0];
		draft.set({ proposals: stage.proposals, proposalLevels: stage.proposalLevels });
		lap('proposals');
		draft.done('proposals', opts.onPart);

		// Zero proposals and zero detections are ordinary results (an empty scene): the heads are skipped, as a
		// zero-row tensor must never reach a GPU kernel (WebGL fails on it), and their outputs are empty.
		let classLogits: Float32Array = new Float32Array(0);
		let boxDeltas: Float32Array = new Float32Array(0);
		// On WebGL the heads run on padded row counts (head-rows.ts): one set of programs for every scene.
		const padRows = opts.padRows ?? compilesPerShape();
		const k = stage.proposalLevels.length;
		if (k > 0) {
			const boxPooled = own(
				multiScalePool(poolFeatures, stage.proposals.boxes, stage.proposalLevels, {
					outputSize: cfg.box_roi_output,
					samplingRatio: cfg.sampling_ratio,
					minLevel,
					pooler: cfg.pooler,
					padTo: padRows ? bucketRows(k, cfg.rpn.post_nms_top_n_test) : k
				})
			);
			const head = net.boxHead(boxPooled);
			own([head.classLogits, head.boxDeltas]);
			boxPooled.dispose();
			const classes = cfg.classes.length;
			classLogits = (await download(head.classLogits)).slice(0, k * classes);
			boxDeltas = (await download(head.boxDeltas)).slice(0, k * classes * 4);
			tf.dispose([head.classLogits, head.boxDeltas]);
		}
		const heads = detectionsOf(cfg, input, stage, classLogits, boxDeltas, opts);
		draft.set(heads);
		lap('boxHead');
		draft.done('boxHead', opts.onPart);

		const det = heads.detections;
		const d = det.scores.length;
		const maskLogits: Tensor = { shape: maskLogitsShape(cfg, d), data: new Float32Array(0) };
		if (d > 0) {
			const perDet = maskLogits.shape.slice(1).reduce((a, b) => a * b, 1);
			const chunkRows = padRows ? (opts.maskChunk ?? MASK_CHUNK) : d;
			// every chunk is queued before the first read, so the GPU never waits for the CPU between them
			const chunks = chunksOf(d, chunkRows).map(([start, n]) => {
				const pooled = own(
					multiScalePool(
						poolFeatures,
						det.boxes.subarray(4 * start, 4 * (start + n)),
						det.levels.subarray(start, start + n),
						{
							outputSize: cfg.mask_roi_output,
							samplingRatio: cfg.sampling_ratio,
							minLevel,
							pooler: cfg.pooler,
							padTo: chunkRows
						}
					)
				);
				const nhwc = own(net.maskHead(pooled));
				pooled.dispose();
				const nchw = own(tf.tidy(() => nhwc.transpose([0, 3, 1, 2])));
				nhwc.dispose();
				return { start, n, nchw };
			});
			maskLogits.data = new Float32Array(d * perDet);
			const parts = await Promise.all(chunks.map((ch) => download(ch.nchw)));
			chunks.forEach((ch, i) => {
				maskLogits.data.set(parts[i].subarray(0, ch.n * perDet), ch.start * perDet);
				ch.nchw.dispose();
			});
		}
		lap('maskHead');
		draft.set({ masks: masksOf(cfg, input, det, maskLogits) });
		lap('paste'); // the mask probabilities and pasting, on the CPU
		draft.done('maskHead', opts.onPart);
		return draft.snapshot(() => tf.dispose([...c, ...p]));
	} catch (e) {
		tf.dispose(owned); // disposing a tensor twice is a no-op, so those already freed are fine
		throw e;
	}
}
