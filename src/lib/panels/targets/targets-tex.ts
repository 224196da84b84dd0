// The RPN's regression target of one anchor (BoxCoder.encode, weights 1): the move from the anchor to its matched
// ground-truth box, in the anchor's own units, filled in from the ops' numbers.
import { fmt, tex } from '$lib/ui/format';

/** anchor, gt: x1, y1, x2, y2; target: the op's (dx, dy, dw, dh). */
export function regressionTex(
	anchor: ArrayLike<number>,
	gt: ArrayLike<number>,
	target: ArrayLike<number>
): string {
	const c = (b: ArrayLike<number>) => ({
		w: b[2] - b[0],
		h: b[3] - b[1],
		x: (b[0] + b[2]) / 2,
		y: (b[1] + b[3]) / 2
	});
	const a = c(anchor);
	const g = c(gt);
	const n = (v: number) => fmt(v, 2);
	return (
		`\\begin{aligned}` +
		`d_x &= \\frac{x_g - x_a}{w_a} = \\frac{${n(g.x)} - ${n(a.x)}}{${n(a.w)}} = ${tex(target[0], 4)} & ` +
		`d_y &= \\frac{y_g - y_a}{h_a} = \\frac{${n(g.y)} - ${n(a.y)}}{${n(a.h)}} = ${tex(target[1], 4)}\\\\` +
		`d_w &= \\log\\frac{w_g}{w_a} = \\log\\frac{${n(g.w)}}{${n(a.w)}} = ${tex(target[2], 4)} & ` +
		`d_h &= \\log\\frac{h_g}{h_a} = \\log\\frac{${n(g.h)}}{${n(a.h)}} = ${tex(target[3], 4)}` +
		`\\end{aligned}`
	);
}
