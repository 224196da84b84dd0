// The Mask R-CNN network (convolutional parts) built from the manifest's architecture config: ResNet-style backbone,
// FPN with P6, RPN head, box head and mask head. Post-processing between them lives in run.ts and src/lib/ops.
import * as tf from '@tensorflow/tfjs';
import type { ArchitectureConfig } from './manifest';
import { conv, deconv2x, linear, maxPool3s2, upsampleNearest } from './layers';
import type { Params } from './params';

export interface BackboneOut {
	/** C2..C5 (ResNet layer1..layer4 outputs), NHWC */
	c: tf.Tensor4D[];
}

export interface RpnLevelOut {
	/** [H*W*A] objectness logits in torchvision's (y, x, anchor) order */
	logits: tf.Tensor1D;
	/** [H*W*A, 4] box deltas (dx, dy, dw, dh) */
	deltas: tf.Tensor2D;
}

/** The top-down pathway at one pyramid level, NHWC [1,H,W,C] each. */
export interface FpnPathway {
	/** conv1×1(C_level): the lateral connection */
	lateral: tf.Tensor4D;
	/** M_(level+1) upsampled ×2 by nearest neighbour; null at the top level, which has nothing above it */
	topDown: tf.Tensor4D | null;
	/** M_level = lateral + topDown (torchvision's last_inner); P_level = conv3×3(M_level) */
	merged: tf.Tensor4D;
}

export class MaskRcnnNetwork {
	constructor(
		readonly cfg: ArchitectureConfig,
		private readonly p: Params
	) {
		if (cfg.backbone.block !== 'BasicBlock')
			throw new Error(`backbone.block ${cfg.backbone.block} is not supported yet (BasicBlock only)`);
	}

	/** x: normalized, padded image [1,H,W,3] → C2..C5. */
	backbone(x: tf.Tensor4D): BackboneOut {
		const p = this.p;
		const b = this.cfg.backbone;
		return tf.tidy(() => {
			let y = tf.relu(conv(p, 'backbone.body.conv1', x, 2, (b.stem_kernel - 1) / 2));
			y = maxPool3s2(y);
			const c: tf.Tensor4D[] = [];
			b.depths.forEach((depth, i) => {
				for (let j = 0; j < depth; j++) {
					const name = `backbone.body.layer${i + 1}.${j}`;
					const stride = i > 0 && j === 0 ? 2 : 1;
					const identity = p.has(`${name}.downsample.0.weight`)
						? conv(p, `${name}.downsample.0`, y, stride)
						: y;
					let z = tf.relu(conv(p, `${name}.conv1`, y, stride, 1));
					z = conv(p, `${name}.conv2`, z, 1, 1);
					y = tf.relu(tf.add(z, identity) as tf.Tensor4D);
				}
				c.push(y);
			});
			return { c };
		});
	}

	/** C2..C5 → P2..P6 (P6 = max_pool2d(P5, 1, 2): every other pixel, used by the RPN only). */
	fpn(c: tf.Tensor4D[]): tf.Tensor4D[] {
		const p = this.p;
		return tf.tidy(() => {
			const n = c.length;
			let last = conv(p, `backbone.fpn.inner_blocks.${n - 1}.0`, c[n - 1]);
			const out: tf.Tensor4D[] = new Array(n);
			out[n - 1] = conv(p, `backbone.fpn.layer_blocks.${n - 1}.0`, last, 1, 1);
			for (let i = n - 2; i >= 0; i--) {
				const lateral = conv(p, `backbone.fpn.inner_blocks.${i}.0`, c[i]);
				const topDown = upsampleNearest(last, [lateral.shape[1], lateral.shape[2]]);
				last = tf.add(lateral, topDown);
				out[i] = conv(p, `backbone.fpn.layer_blocks.${i}.0`, last, 1, 1);
			}
			const p5 = out[n - 1];
			const p6 = tf.stridedSlice(p5, [0, 0, 0, 0], p5.shape, [1, 2, 2, 1]) as tf.Tensor4D;
			return [...out, p6];
		});
	}

	/**
	 * The intermediate maps of the top-down pathway at `level` (2 = P2 … 5 = P5), recomputed from C2–C5 on request:
	 * a run keeps only C and P, and the stepper needs these for one level at a time. Same layers as fpn().
	 */
	fpnPathway(c: tf.Tensor4D[], level: number): FpnPathway {
		const p = this.p;
		const n = c.length;
		const i = level - 2;
		if (!Number.isInteger(level) || i < 0 || i >= n)
			throw new Error(`fpnPathway: level must be an integer from 2 to ${n + 1}, got ${level}`);
		let out: FpnPathway | undefined;
		tf.tidy(() => {
			let last = conv(p, `backbone.fpn.inner_blocks.${n - 1}.0`, c[n - 1]);
			if (i === n - 1) {
				out = { lateral: tf.keep(last.clone()), topDown: null, merged: tf.keep(last) };
				return;
			}
			for (let k = n - 2; k >= i; k--) {
				const lateral = conv(p, `backbone.fpn.inner_blocks.${k}.0`, c[k]);
				const topDown = upsampleNearest(last, [lateral.shape[1], lateral.shape[2]]);
				last = tf.add(lateral, topDown);
				if (k === i) out = { lateral: tf.keep(lateral), topDown: tf.keep(topDown), merged: tf.keep(last) };
			}
		});
		return out!;
	}

	/** Shared RPN head on one pyramid level. */
	rpnHead(feature: tf.Tensor4D): RpnLevelOut {
		const p = this.p;
		return tf.tidy(() => {
			const t = tf.relu(conv(p, 'rpn.head.conv.0.0', feature, 1, 1));
			const logits = conv(p, 'rpn.head.cls_logits', t).reshape([-1]) as tf.Tensor1D;
			const deltas = conv(p, 'rpn.head.bbox_pred', t).reshape([-1, 4]) as tf.Tensor2D;
			return { logits, deltas };
		});
	}

	/** pooled [K,7,7,C] → class logits [K,classes] and per-class deltas [K,classes*4]. */
	boxHead(pooled: tf.Tensor4D): { classLogits: tf.Tensor2D; boxDeltas: tf.Tensor2D } {
		const p = this.p;
		return tf.tidy(() => {
			// TwoMLPHead flattens NCHW (index c*49 + y*7 + x): transpose before flattening.
			const flat = pooled.transpose([0, 3, 1, 2]).reshape([pooled.shape[0], -1]) as tf.Tensor2D;
			let h = tf.relu(linear(p, 'roi_heads.box_head.fc6', flat));
			h = tf.relu(linear(p, 'roi_heads.box_head.fc7', h));
			return {
				classLogits: linear(p, 'roi_heads.box_predictor.cls_score', h),
				boxDeltas: linear(p, 'roi_heads.box_predictor.bbox_pred', h)
			};
		});
	}

	/** pooled [K,14,14,C] → mask logits for every class [K,28,28,classes]. */
	maskHead(pooled: tf.Tensor4D): tf.Tensor4D {
		const p = this.p;
		return tf.tidy(() => {
			let y = pooled;
			for (let i = 0; i < this.cfg.mask_head_layers; i++)
				y = tf.relu(conv(p, `roi_heads.mask_head.${i}.0`, y, 1, 1));
			y = tf.relu(deconv2x(p, 'roi_heads.mask_predictor.conv5_mask', y));
			return conv(p, 'roi_heads.mask_predictor.mask_fcn_logits', y);
		});
	}
}
