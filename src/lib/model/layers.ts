// torchvision layers as tfjs NHWC ops. Padding is always explicit and symmetric, as PyTorch's is: tfjs's 'same' pads
// 0 before / 1 after for stride 2 on even sizes, which shifts every stride-2 conv and pool by one pixel.
import * as tf from '@tensorflow/tfjs';
import type { Params } from './params';

/** Conv2d(+bias) with PyTorch's symmetric zero padding. */
export function conv(p: Params, name: string, x: tf.Tensor4D, stride = 1, pad = 0): tf.Tensor4D {
	const w = p.conv(`${name}.weight`);
	const y = tf.conv2d(x, w, stride, pad === 0 ? 'valid' : pad);
	return p.has(`${name}.bias`) ? tf.add(y, p.bias(`${name}.bias`)) : y;
}

/** nn.MaxPool2d(3, stride=2, padding=1): padded positions never win (tfjs pools skip them). */
export function maxPool3s2(x: tf.Tensor4D): tf.Tensor4D {
	return tf.maxPool(x, 3, 2, 1);
}

/** Linear layer: x [N,in] · Wᵀ + b. */
export function linear(p: Params, name: string, x: tf.Tensor2D): tf.Tensor2D {
	return tf.add(tf.matMul(x, p.linear(`${name}.weight`)), p.bias(`${name}.bias`));
}

/** ConvTranspose2d(k=2, s=2, p=0)+bias: each input pixel writes its own 2×2 block (no overlap). */
export function deconv2x(p: Params, name: string, x: tf.Tensor4D): tf.Tensor4D {
	const w = p.convTranspose(`${name}.weight`);
	const [n, h, wd] = x.shape;
	const outC = w.shape[2];
	const y = tf.conv2dTranspose(x, w, [n, h * 2, wd * 2, outC], 2, 'valid');
	return tf.add(y, p.bias(`${name}.bias`));
}

/** F.interpolate(x, size, mode='nearest'): source index floor(dst · in/out), as tfjs computes without half-pixel centres. */
export function upsampleNearest(x: tf.Tensor4D, size: [number, number]): tf.Tensor4D {
	return tf.image.resizeNearestNeighbor(x, size, false, false);
}
