// Stage 11 formulas as TeX: the three head losses of one RoI and the binary cross-entropy at the probed cell, filled
// in with the numbers of roiLosses. Only numbers (through $lib/ui/format) go into the strings.
import { tex } from '$lib/ui/format';
import type { RoiLoss } from './training-view';

/** L = L_cls + L_box + L_mask with this RoI's three terms and their sum. */
export function totalTex(loss: Pick<RoiLoss, 'lCls' | 'lBox' | 'lMask' | 'total'>): string {
	return `L = L_{cls} + L_{box} + L_{mask} = ${tex(loss.lCls)} + ${tex(loss.lBox)} + ${tex(loss.lMask)} = ${tex(loss.total)}`;
}

/** L_cls = −log p of the true class `label`. */
export function clsTex(label: number, loss: Pick<RoiLoss, 'classProbs' | 'lCls'>): string {
	return `L_{cls} = -\\log p_{${label}} = -\\log ${tex(loss.classProbs[label])} = ${tex(loss.lCls)}`;
}

/** L_box: the four smooth-L1 terms (dx, dy, dw, dh) and their sum. */
export function boxTex(loss: Pick<RoiLoss, 'boxTerms' | 'lBox'>): string {
	const terms = [0, 1, 2, 3].map((j) => tex(loss.boxTerms[j]));
	return (
		`L_{box} = \\sum_{i\\in\\{x,y,w,h\\}} \\mathrm{smooth}_{L_1}^{\\beta=1/9}(v_i - t_i) = ` +
		`${terms.join(' + ')} = ${tex(loss.lBox)}`
	);
}

/** L_mask: the mean BCE over the size × size cells of the true class's plane, and the softmax alternative. */
export function maskTex(size: number, label: number, loss: Pick<RoiLoss, 'lMask' | 'lMaskSoftmax'>): string {
	return (
		`L_{mask} = \\frac{1}{${size}^2}\\sum_{\\text{cells}} \\mathrm{BCE}(z_{${label}}, t) = ${tex(loss.lMask)}` +
		`\\qquad(\\text{softmax: } ${tex(loss.lMaskSoftmax)})`
	);
}

/** The BCE at one cell: target t, logit z, its sigmoid p and the cell's loss. */
export function bceTex(cell: { t: number; z: number; p: number; bce: number }): string {
	const { t, z, p, bce } = cell;
	return (
		`\\mathrm{BCE} = -\\big[t\\log\\sigma(z) + (1-t)\\log(1-\\sigma(z))\\big] = ` +
		`-\\big[${tex(t, 3)}\\log ${tex(p)} + ${tex(1 - t, 3)}\\log ${tex(1 - p)}\\big] = ${tex(bce)}` +
		`\\quad(z = ${tex(z, 3)})`
	);
}
