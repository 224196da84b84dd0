// Stage 4 formula as TeX: one proposal decoded step by step from its anchor and the RPN's deltas (centre moved in
// units of the anchor's size, sides scaled by e^d), clipped to the image, and its score. Numbers come from
// rpn-view's decodeSteps and the trace; only numbers (through $lib/ui/format) go into the string.
import { fmt, fmtShort, tex, texShort } from '$lib/ui/format';
import type { DecodeSteps, ProposalOrigin } from './rpn-view';

const boxTex = (b: readonly number[]) => `(${b.map((v) => texShort(v, 1)).join(',\\ ')})`;

/**
 * `logit` is the RPN's objectness logit of the proposal's anchor; `image` the [w, h] the boxes are clipped to (a
 * clipping row appears only when clipping changed the box).
 */
export function decodeTex(
	o: Pick<ProposalOrigin, 'deltas' | 'box' | 'score'>,
	s: DecodeSteps,
	logit: number,
	image: readonly [number, number]
): string {
	const [dx, dy, dw, dh] = o.deltas;
	const [iw, ih] = image;
	const rows = [
		`w_a &= ${fmtShort(s.w, 2)},\\ h_a = ${fmtShort(s.h, 2)},\\ (x_a, y_a) = (${fmtShort(s.cx, 2)}, ${fmtShort(s.cy, 2)})`,
		`x &= x_a + d_x w_a = ${fmtShort(s.cx, 2)} + ${tex(dx, 3)} \\cdot ${fmtShort(s.w, 2)} = ${fmt(s.pcx, 2)}`,
		`y &= y_a + d_y h_a = ${fmtShort(s.cy, 2)} + ${tex(dy, 3)} \\cdot ${fmtShort(s.h, 2)} = ${fmt(s.pcy, 2)}`,
		`w &= w_a\\, e^{d_w} = ${fmtShort(s.w, 2)} \\cdot e^{${tex(dw, 3)}} = ${fmt(s.pw, 2)}`,
		`h &= h_a\\, e^{d_h} = ${fmtShort(s.h, 2)} \\cdot e^{${tex(dh, 3)}} = ${fmt(s.ph, 2)}`,
		`\\text{box} &= (x - \\tfrac{w}{2},\\ y - \\tfrac{h}{2},\\ x + \\tfrac{w}{2},\\ y + \\tfrac{h}{2})`,
		`&= ${boxTex(s.unclipped)}`
	];
	if (s.clipped) rows.push(`&\\xrightarrow{\\text{clip to } ${iw}\\times${ih}} ${boxTex(o.box)}`);
	rows.push(`\\text{score} &= \\sigma(\\text{logit}) = \\sigma(${tex(logit, 3)}) = ${fmt(o.score, 4)}`);
	return `\\begin{aligned}${rows.join('\\\\')}\\end{aligned}`;
}
