// The two per-pixel mask losses the Mask R-CNN paper compares (Table 2b): binary cross-entropy on one class's logit
// (what Mask R-CNN trains, `F.binary_cross_entropy_with_logits`) and the multinomial cross-entropy of a softmax over
// class planes (the FCN-style alternative, `F.cross_entropy` with probability targets). Both take targets in [0, 1]:
// torchvision's mask targets come from RoIAlign on a 0/1 mask, so edge pixels are fractions. Math in double: these
// are read by people, not compared bit-for-bit with torch.

/** One pixel's BCE on a logit z with target t, in torch's overflow-free form max(z,0) − z·t + log(1 + e^−|z|). */
export function bceWithLogits(z: number, t: number): number {
	return Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
}

export interface PixelLoss {
	/** loss at each pixel */
	perPixel: Float32Array;
	/** their mean (torch's reduction='mean') */
	mean: number;
}

function checkSameLength(op: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
	if (a.length !== b.length || a.length === 0)
		throw new Error(
			`${op}: logits and targets must have the same nonzero length, got ${a.length} and ${b.length}`
		);
}

/** BCE with logits at every pixel of one plane and its mean. */
export function bceWithLogitsPlane(logits: ArrayLike<number>, targets: ArrayLike<number>): PixelLoss {
	checkSameLength('bceWithLogitsPlane', logits, targets);
	const perPixel = new Float32Array(logits.length);
	let s = 0;
	for (let i = 0; i < logits.length; i++) {
		const l = bceWithLogits(logits[i], targets[i]);
		perPixel[i] = l;
		s += l;
	}
	return { perPixel, mean: s / logits.length };
}

/**
 * Cross-entropy of a per-pixel softmax over C planes: logits and target distributions are channel-major [C, P];
 * the loss at pixel i is −Σ_c t[c,i] · log softmax(z[·,i])_c (log-sum-exp, max-subtracted).
 */
export function softmaxCrossEntropyPlanes(
	logits: ArrayLike<number>,
	targets: ArrayLike<number>,
	channels: number
): PixelLoss {
	checkSameLength('softmaxCrossEntropyPlanes', logits, targets);
	if (!Number.isInteger(channels) || channels <= 0 || logits.length % channels !== 0)
		throw new Error(`softmaxCrossEntropyPlanes: channels must divide ${logits.length}, got ${channels}`);
	const p = logits.length / channels;
	const perPixel = new Float32Array(p);
	let s = 0;
	for (let i = 0; i < p; i++) {
		let m = -Infinity;
		for (let c = 0; c < channels; c++) m = Math.max(m, logits[c * p + i]);
		let e = 0;
		for (let c = 0; c < channels; c++) e += Math.exp(logits[c * p + i] - m);
		const lse = m + Math.log(e);
		let l = 0;
		for (let c = 0; c < channels; c++) {
			const t = targets[c * p + i];
			if (t !== 0) l -= t * (logits[c * p + i] - lse);
		}
		perPixel[i] = l;
		s += l;
	}
	return { perPixel, mean: s / p };
}
