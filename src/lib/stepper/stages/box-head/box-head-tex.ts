// TeX for the box-head stage: the softmax of one class for one RoI, and the box decoding of that class spelled out,
// filled in with the numbers from box-head-view (softmaxTerms, decodeTerms).
import { fmt, fmtShort, tex, texShort } from '$lib/ui/format';
import { BOX_WEIGHTS, sciTex, type ClassRow, type DecodeTerms, type SoftmaxTerms } from './box-head-view';

/**
 * p_c = e^(z_c − m) / Σ_j e^(z_j − m) for class `row.cls` named `name`, out of `classes` classes, with this RoI's
 * logit, the largest logit m, the sum of the exponentials and the op's probability.
 */
export function softmaxTex(row: ClassRow, name: string, classes: number, terms: SoftmaxTerms): string {
	const c = row.cls;
	return (
		`p_{\\text{${name}}} = \\frac{e^{z_{${c}} - m}}{\\sum_{j=0}^{${classes - 1}} e^{z_j - m}}` +
		` = \\frac{e^{${tex(row.logit, 2)} - ${tex(terms.max, 2)}}}{${fmt(terms.sum, 4)}}` +
		` = \\frac{${sciTex(terms.exps[c])}}{${fmt(terms.sum, 4)}} = ${fmt(row.prob)}`
	);
}

/**
 * The proposal's size and centre, the deltas divided by BOX_WEIGHTS (size changes capped when `dec.clamped`), the
 * refined centre and size, the decoded box, and the clipped box when clipping moved it.
 */
export function decodeTex(dec: DecodeTerms): string {
	const [x1, y1, x2, y2] = dec.proposal;
	const [wx, wy, ww, wh] = BOX_WEIGHTS;
	const e = (d: number) => (dec.clamped ? `\\min(${tex(d, 3)},\\,4.135)` : tex(d, 3));
	const b = (v: [number, number, number, number]) => `(${v.map((x) => fmtShort(x, 1)).join(',\\ ')})`;
	return (
		`\\begin{aligned}` +
		`w &= ${texShort(x2, 1)} - ${texShort(x1, 1)} = ${fmtShort(dec.w, 2)} & h &= ${texShort(y2, 1)} - ${texShort(y1, 1)} = ${fmtShort(dec.h, 2)}\\\\` +
		`c_x &= x_1 + \\tfrac{w}{2} = ${fmtShort(dec.cx, 2)} & c_y &= y_1 + \\tfrac{h}{2} = ${fmtShort(dec.cy, 2)}\\\\` +
		`d_x &= \\tfrac{${tex(dec.raw[0], 3)}}{${wx}} = ${tex(dec.d[0], 3)} & d_y &= \\tfrac{${tex(dec.raw[1], 3)}}{${wy}} = ${tex(dec.d[1], 3)}\\\\` +
		`d_w &= \\tfrac{${tex(dec.raw[2], 3)}}{${ww}} = ${tex(dec.d[2], 3)} & d_h &= \\tfrac{${tex(dec.raw[3], 3)}}{${wh}} = ${tex(dec.d[3], 3)}\\\\` +
		`c_x' &= c_x + d_x w = ${fmtShort(dec.pcx, 2)} & c_y' &= c_y + d_y h = ${fmtShort(dec.pcy, 2)}\\\\` +
		`w' &= w\\,e^{${e(dec.d[2])}} = ${fmtShort(dec.pw, 2)} & h' &= h\\,e^{${e(dec.d[3])}} = ${fmtShort(dec.ph, 2)}\\\\` +
		`\\text{box} &= (c_x' \\mp \\tfrac{w'}{2},\\ c_y' \\mp \\tfrac{h'}{2}) = ${b(dec.decoded)}` +
		(dec.clipped ? `\\\\ \\text{clipped} &= ${b(dec.final)}` : '') +
		`\\end{aligned}`
	);
}
