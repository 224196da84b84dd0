// The box head's two training losses for one RoI, as torchvision's fastrcnn_loss computes them: cross-entropy of
// the class logits, and smooth-L1 (beta = 1/9, summed over the 4 coordinates) between the predicted deltas of the
// true class and the box-coder targets. torchvision then divides both by the number of sampled RoIs.

/** −log softmax(z)_label = logsumexp(z) − z_label (`F.cross_entropy` for one row). */
export function crossEntropy(logits: ArrayLike<number>, label: number): number {
	if (!Number.isInteger(label) || label < 0 || label >= logits.length)
		throw new Error(`crossEntropy: label must be an index into ${logits.length} logits, got ${label}`);
	let m = -Infinity;
	for (let i = 0; i < logits.length; i++) m = Math.max(m, logits[i]);
	let s = 0;
	for (let i = 0; i < logits.length; i++) s += Math.exp(logits[i] - m);
	return m + Math.log(s) - logits[label];
}

/** Huber-style smooth L1 of a difference x: quadratic below beta (0.5·x²/beta), linear above (|x| − 0.5·beta). */
export function smoothL1(x: number, beta: number): number {
	if (!(beta >= 0)) throw new Error(`smoothL1: beta must be ≥ 0, got ${beta}`);
	const a = Math.abs(x);
	return beta > 0 && a < beta ? (0.5 * a * a) / beta : a - 0.5 * beta;
}

/** Σ smoothL1(pred − target) over matching entries (`reduction='sum'`). */
export function smoothL1Sum(pred: ArrayLike<number>, target: ArrayLike<number>, beta: number): number {
	if (pred.length !== target.length)
		throw new Error(`smoothL1Sum: pred and target lengths differ (${pred.length} vs ${target.length})`);
	let s = 0;
	for (let i = 0; i < pred.length; i++) s += smoothL1(pred[i] - target[i], beta);
	return s;
}
