// One forward pass of Mask R-CNN: convolutions on the tfjs backend (network.ts), everything between them with the
// pure-TS ops, exactly in torchvision's eval order. Returns the full trace (trace.ts).
import * as tf from '@tensorflow/tfjs';
import {
	anchorLevels,
	assignFpnLevels,
	filterProposals,
	generateAnchors,
	imageFromBytes,
	pasteMasks,
	postprocessDetections,
	rescaleBoxes,
	sigmoid32,
	transformImage,
	type Tensor
} from '$lib/ops';
import { roundHalfEven } from '$lib/ops/float32';
import type { MaskRcnnNetwork } from './network';
import { multiScaleRoiAlign } from './roi-align-gpu';
import type { ModelTrace } from './trace';

export interface ImageInput {
	/** RGB or RGBA bytes, row-major (ImageData.data works as is) */
	data: ArrayLike<number>;
	height: number;
	width: number;
	channels: 3 | 4;
}

export interface RunOptions {
	/** box-head score threshold (default: the config's, 0.05) */
	scoreThresh?: number;
	/** box-head per-class NMS IoU threshold (default: the config's, 0.5) */
	nmsThresh?: number;
	/** resize target in px (default: the config's image_size); smaller runs faster on weak devices, less accurately */
	inputSize?: number;
}

/** torchvision's MultiScaleRoIAlign scale inference: 2^round(log2(featureH / imageH)), height only, float32. */
export function inferLevelRange(featureHeights: number[], imageHeight: number): [number, number] {
	const levels = featureHeights.map((fh) => {
		const approx = Math.fround(fh / imageHeight);
		return -roundHalfEven(Math.fround(Math.log2(approx))); // torch.round: half to even
	});
	return [levels[0], levels[levels.length - 1]];
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
	const input = transformImage(imageFromBytes(image.data, image.height, image.width, image.channels), {
		minSize: opts.inputSize ?? cfg.image_size,
		maxSize: opts.inputSize ?? cfg.image_size,
		mean: cfg.image_mean,
		std: cfg.image_std
	});
	const [hp, wp] = input.paddedSize;
	const t1 = now();

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
		const t2 = now();

		const anchorOpts = {
			imageSize: input.paddedSize,
			featureSizes: p.map((t) => [t.shape[1], t.shape[2]] as [number, number]),
			sizes: cfg.anchor_sizes.map((s) => [s]),
			aspectRatios: cfg.anchor_sizes.map(() => cfg.aspect_ratios)
		};
		const levels = anchorLevels(anchorOpts);
		const anchors = generateAnchors(anchorOpts);
		const logits = concat(logitParts);
		const deltas = concat(deltaParts);
		const proposals = filterProposals(logits, deltas, anchors, {
			levelCounts: levels.map((l) => l.count),
			imageSize: input.imageSize,
			preNmsTopN: cfg.rpn.pre_nms_top_n_test,
			postNmsTopN: cfg.rpn.post_nms_top_n_test,
			nmsThresh: cfg.rpn.nms_thresh
		});
		const poolFeatures = p.slice(0, 4);
		const [minLevel, maxLevel] = inferLevelRange(
			poolFeatures.map((t) => t.shape[1]),
			input.imageSize[0]
		);
		const levelOpts = { minLevel, maxLevel };
		const proposalLevels = assignFpnLevels(proposals.boxes, levelOpts);
		const t3 = now();

		const classes = cfg.classes.length;
		// Zero proposals and zero detections are ordinary results (an empty scene): the heads are skipped, as a
		// zero-row tensor must never reach a GPU kernel (WebGL fails on it), and their outputs are empty.
		let classLogits: Float32Array = new Float32Array(0);
		let boxDeltas: Float32Array = new Float32Array(0);
		if (proposals.boxes.length > 0) {
			const boxPooled = own(
				multiScaleRoiAlign(poolFeatures, proposals.boxes, proposalLevels, {
					outputSize: cfg.box_roi_output,
					samplingRatio: cfg.sampling_ratio,
					minLevel
				})
			);
			const head = net.boxHead(boxPooled);
			own([head.classLogits, head.boxDeltas]);
			boxPooled.dispose();
			classLogits = await download(head.classLogits);
			boxDeltas = await download(head.boxDeltas);
			tf.dispose([head.classLogits, head.boxDeltas]);
		}
		const det = postprocessDetections(classLogits, boxDeltas, proposals.boxes, {
			imageSize: input.imageSize,
			scoreThresh: opts.scoreThresh ?? cfg.roi_heads.box_score_thresh,
			nmsThresh: opts.nmsThresh ?? cfg.roi_heads.box_nms_thresh,
			detectionsPerImage: cfg.roi_heads.box_detections_per_img
		});
		const t4 = now();

		const detLevels = assignFpnLevels(det.boxes, levelOpts);
		const d = det.scores.length;
		// the mask head's ConvTranspose doubles the pooled size (14 → 28)
		const m = 2 * cfg.mask_roi_output;
		const maskLogits: Tensor = { shape: [d, classes, m, m], data: new Float32Array(0) };
		if (d > 0) {
			const maskPooled = own(
				multiScaleRoiAlign(poolFeatures, det.boxes, detLevels, {
					outputSize: cfg.mask_roi_output,
					samplingRatio: cfg.sampling_ratio,
					minLevel
				})
			);
			const maskNhwc = own(net.maskHead(maskPooled));
			maskPooled.dispose();
			const logitsNchw = own(tf.tidy(() => maskNhwc.transpose([0, 3, 1, 2])));
			maskNhwc.dispose();
			maskLogits.data = await download(logitsNchw);
			logitsNchw.dispose();
		}
		// maskrcnn_inference: sigmoid, then the channel of each detection's predicted label.
		const probs: Tensor = { shape: [d, 1, m, m], data: new Float32Array(d * m * m) };
		for (let i = 0; i < d; i++) {
			const src = (i * classes + det.labels[i]) * m * m;
			for (let j = 0; j < m * m; j++) probs.data[i * m * m + j] = sigmoid32(maskLogits.data[src + j]);
		}
		const t5 = now();

		const boxesOriginal = rescaleBoxes(det.boxes, input.imageSize, input.originalSize);
		const pasted = pasteMasks(probs, boxesOriginal, input.originalSize);
		const t6 = now();
		return {
			input,
			features: { c, p },
			rpn: { levels, anchors, logits, deltas },
			proposals,
			proposalLevels,
			boxHead: { classLogits, boxDeltas, detections: det },
			detections: {
				boxes: det.boxes,
				boxesOriginal,
				scores: det.scores,
				labels: det.labels,
				levels: detLevels,
				proposalIndex: det.proposalIndex
			},
			masks: { logits: maskLogits, probs, pasted },
			classNames: cfg.classes,
			backend: tf.getBackend(),
			timings: {
				transform: t1 - t0,
				network: t2 - t1,
				proposals: t3 - t2,
				boxHead: t4 - t3,
				maskHead: t5 - t4,
				paste: t6 - t5,
				total: t6 - t0
			},
			dispose() {
				tf.dispose([...c, ...p]);
			}
		};
	} catch (e) {
		tf.dispose(owned); // disposing a tensor twice is a no-op, so those already freed are fine
		throw e;
	}
}

function concat(parts: Float32Array[]): Float32Array {
	const out = new Float32Array(parts.reduce((a, b) => a + b.length, 0));
	let o = 0;
	for (const part of parts) {
		out.set(part, o);
		o += part.length;
	}
	return out;
}

/** A feature map as an NCHW ops Tensor (downloads from the GPU). */
export async function readFeature(t: tf.Tensor4D): Promise<Tensor> {
	const nchw = tf.tidy(() => t.transpose([0, 3, 1, 2]));
	try {
		const data = (await nchw.data()) as Float32Array;
		return { shape: nchw.shape.slice(), data };
	} finally {
		nchw.dispose(); // also when the read rejects (a lost context)
	}
}
