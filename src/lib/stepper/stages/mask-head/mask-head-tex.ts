// Stage 9 formulas as TeX: the probed cell's logit read by the sigmoid (Mask R-CNN) and by a softmax across the class
// planes (FCN-style), filled in with the trace's numbers. Only numbers (through $lib/ui/format) go into the strings.
import { fmt, tex } from '$lib/ui/format';

/** σ(z_c) of the kept plane's logit z at the probed cell, ending in the view's probability. */
export function sigmoidTex(channel: number, z: number, prob: number): string {
	return (
		`\\sigma(z_{${channel}}) = \\frac{1}{1 + e^{-z_{${channel}}}} = \\frac{1}{1 + e^{-${tex(z, 3)}}}` +
		` = ${fmt(prob, 4)}`
	);
}

/**
 * p_c = e^{z_c} / Σ_j e^{z_j} at the probed cell: `logits` holds that cell's logit of every class plane (index =
 * class), the sum runs over the competing planes `first`..last (0 with the background plane, 1 without).
 */
export function softmaxTex(channel: number, logits: readonly number[], first: number, prob: number): string {
	const terms = [];
	for (let c = first; c < logits.length; c++) terms.push(`e^{${tex(logits[c], 2)}}`);
	return (
		`p_{${channel}} = \\frac{e^{z_{${channel}}}}{\\sum_{j=${first}}^{${logits.length - 1}} e^{z_j}}` +
		` = \\frac{e^{${tex(logits[channel], 2)}}}{${terms.join(' + ')}} = ${fmt(prob, 4)}`
	);
}
