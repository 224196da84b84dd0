// The box and mask heads run on boxes of the caller's choice, on the feature maps a trace still holds. The training
// view needs this: during training the mask head sees RPN proposals (and the ground-truth boxes themselves), which
// an inference run never sends through it. Same pooling and level rule as run.ts, so on the trace's own proposals
// and detections it reproduces the trace's logits.
import * as tf from '@tensorflow/tfjs';
import { assignFpnLevels, type Tensor } from '$lib/ops';
import type { MaskRcnnNetwork } from './network';
import { bucketRows, compilesPerShape } from './head-rows';
import { multiScalePool } from './multi-scale-pool';
import { liveTensors } from './feature-map';
import { inferLevelRange } from './glue';
import type { ModelTrace } from './trace';
import type { Pooler } from './manifest';

export interface HeadsOnBoxes {
	/** [K*classes] box-head class logits */
	classLogits: Float32Array;
	/** [K*classes*4] per-class deltas (dx, dy, dw, dh), before the box coder's weights */
	boxDeltas: Float32Array;
	/** [K, classes, 28, 28] mask logits of every class */
	maskLogits: Tensor;
	/** FPN level (2..5) each box was pooled from */
	levels: Int32Array;
}

/**
 * Both heads on `boxes` ([K*4], resized-image pixels). Needs the trace's features: call before trace.dispose().
 * `pooler` pools with another kernel than the model was trained with (stage 7 asks what RoIPool's rounding would do
 * to the masks of a RoIAlign-trained head).
 */
export async function runHeadsOnBoxes(
	net: MaskRcnnNetwork,
	trace: ModelTrace,
	boxes: Float32Array,
	options: { pooler?: Pooler } = {}
): Promise<HeadsOnBoxes> {
	const cfg = net.cfg;
	const k = boxes.length / 4;
	if (!Number.isInteger(k) || k === 0)
		throw new Error(`runHeadsOnBoxes: boxes must be K×4 with K ≥ 1, got ${boxes.length}`);
	const features = liveTensors(trace.features.p.slice(0, 4), 'runHeadsOnBoxes');
	if (features.some((t) => t.isDisposed))
		throw new Error(
			'runHeadsOnBoxes: the trace was disposed (its feature maps are gone); run the model again'
		);
	const [minLevel, maxLevel] = inferLevelRange(
		features.map((t) => t.shape[1]),
		trace.input.imageSize[0]
	);
	const levels = assignFpnLevels(boxes, { minLevel, maxLevel });
	const classes = cfg.classes.length;

	const pool = (outputSize: number) =>
		multiScalePool(features, boxes, levels, {
			outputSize,
			samplingRatio: cfg.sampling_ratio,
			minLevel,
			pooler: options.pooler ?? cfg.pooler,
			// as run.ts: on WebGL a few padded sizes, not one program set per box count
			padTo: compilesPerShape() ? bucketRows(k, cfg.rpn.post_nms_top_n_test) : k
		});
	const boxPooled = pool(cfg.box_roi_output);
	const head = net.boxHead(boxPooled);
	boxPooled.dispose();
	const maskPooled = pool(cfg.mask_roi_output);
	const maskNhwc = net.maskHead(maskPooled);
	maskPooled.dispose();
	const maskNchw = tf.tidy(() => maskNhwc.transpose([0, 3, 1, 2]) as tf.Tensor4D);
	maskNhwc.dispose();
	try {
		const [classLogits, boxDeltas, maskData] = (await Promise.all([
			head.classLogits.data(),
			head.boxDeltas.data(),
			maskNchw.data()
		])) as Float32Array[];
		const m = maskNchw.shape[2];
		return {
			classLogits: classLogits.slice(0, k * classes),
			boxDeltas: boxDeltas.slice(0, k * classes * 4),
			maskLogits: { shape: [k, classes, m, m], data: maskData.slice(0, k * classes * m * m) },
			levels
		};
	} finally {
		tf.dispose([head.classLogits, head.boxDeltas, maskNchw]);
	}
}
