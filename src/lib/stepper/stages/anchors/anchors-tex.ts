// Stage 3 formula as TeX: one anchor from its size, ratio and grid cell to its box, filled in with the numbers of the
// model's own anchor list. Only numbers (through $lib/ui/format) go into the string.
import { fmt, fmtShort, texShort } from '$lib/ui/format';
import { anchorShape, type Box4, type Location } from './anchor-view';

export interface AnchorSteps {
	/** the level's anchor size s and the ratio r = h / w */
	size: number;
	ratio: number;
	/** the zero-centred cell anchor of this ratio (x1, y1, x2, y2), as the generator rounded it */
	cell: ArrayLike<number>;
	loc: Location;
	/** [S_y, S_x] */
	stride: readonly [number, number];
	/** the anchor read from the model's list */
	box: Box4;
}

export function anchorTex(a: AnchorSteps): string {
	const { size: s, ratio: r, loc } = a;
	const { w, h } = anchorShape(s, r);
	const [sy, sx] = a.stride;
	return (
		`\\begin{aligned}` +
		`w &= \\frac{s}{\\sqrt{r}} = \\frac{${s}}{\\sqrt{${r}}} = ${fmt(w, 2)}\\\\` +
		`h &= s\\sqrt{r} = ${s} \\cdot \\sqrt{${r}} = ${fmt(h, 2)}\\\\` +
		`\\text{cell} &= \\operatorname{round}\\big(\\!-\\tfrac{w}{2}, -\\tfrac{h}{2}, \\tfrac{w}{2}, \\tfrac{h}{2}\\big) = (${Array.from(a.cell, (v) => fmtShort(v)).join(', ')})\\\\` +
		`(c_x, c_y) &= (j \\cdot S_x,\\; i \\cdot S_y) = (${loc.col} \\cdot ${sx},\\; ${loc.row} \\cdot ${sy}) = (${loc.cx}, ${loc.cy})\\\\` +
		`\\text{anchor} &= (c_x, c_y, c_x, c_y) + \\text{cell}\\\\` +
		`&= (${a.box.map((v) => texShort(v, 2)).join(', ')})` +
		`\\end{aligned}`
	);
}
