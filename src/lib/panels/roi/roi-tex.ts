// The RoI panels' worked formulas, filled in from the ops' traces (never recomputed here).
import type { RoiAlignTrace, RoiPoolBin, RoiPoolTrace } from '$lib/ops';
import { fmt, fmtShort, tex, texShort } from '$lib/ui/format';

const CORNERS = ['x_1', 'y_1', 'x_2', 'y_2'];

/** RoIPool's 1st quantization: each box coordinate scaled by 1/stride and rounded half away from zero. */
export function poolCoordTex(box: readonly number[], stride: number, t: RoiPoolTrace): string {
	const rows = CORNERS.map(
		(n, i) =>
			`${n}' &= \\operatorname{round}\\!\\left(\\tfrac{${texShort(box[i], 2)}}{${stride}}\\right) = \\operatorname{round}(${fmtShort(t.scaledBox[i])}) = ${t.roundedBox[i]}`
	);
	return `\\begin{aligned}${rows.join('\\\\')}\\end{aligned}`;
}

/** RoIPool's region size in whole cells (+1: both end cells count) and the float bin size. */
export function poolSizeTex(t: RoiPoolTrace): string {
	const [x1, y1, x2, y2] = t.roundedBox;
	return (
		`w = x_2' - x_1' + 1 = ${x2} - ${tex(x1, 0)} + 1 = ${t.roiWidth},\\quad ` +
		`h = ${y2} - ${tex(y1, 0)} + 1 = ${t.roiHeight};\\qquad ` +
		`\\text{bin}_w = \\tfrac{${t.roiWidth}}{${t.outW}} = ${fmtShort(t.binWidth)},\\quad ` +
		`\\text{bin}_h = \\tfrac{${t.roiHeight}}{${t.outH}} = ${fmtShort(t.binHeight)}`
	);
}

/** RoIPool's 2nd quantization for one bin (floor the start, ceil the end) and the max it keeps. */
export function poolBinTex(t: RoiPoolTrace, b: RoiPoolBin, mapW: number): string {
	const [x1, y1] = t.roundedBox;
	const rows =
		`h_{\\text{start}} &= \\lfloor ${b.ph} \\cdot ${fmtShort(t.binHeight)} \\rfloor + ${tex(y1, 0)} \\to ${b.hstart}, & ` +
		`h_{\\text{end}} &= \\lceil ${b.ph + 1} \\cdot ${fmtShort(t.binHeight)} \\rceil + ${tex(y1, 0)} \\to ${b.hend} \\\\ ` +
		`w_{\\text{start}} &= \\lfloor ${b.pw} \\cdot ${fmtShort(t.binWidth)} \\rfloor + ${tex(x1, 0)} \\to ${b.wstart}, & ` +
		`w_{\\text{end}} &= \\lceil ${b.pw + 1} \\cdot ${fmtShort(t.binWidth)} \\rceil + ${tex(x1, 0)} \\to ${b.wend}`;
	const cell =
		b.argmax[0] >= 0
			? `x[${Math.floor(b.argmax[0] / mapW)}, ${b.argmax[0] % mapW}] = ${fmt(b.value[0])}`
			: `0 \\;(\\text{empty bin})`;
	return (
		`\\begin{gathered}\\begin{aligned}${rows}\\end{aligned}\\\\[4pt]` +
		`\\text{out}[${b.ph}, ${b.pw}] = \\max_{h \\in [${b.hstart}, ${b.hend}),\\; w \\in [${b.wstart}, ${b.wend})} x[h, w] = ${cell}\\end{gathered}`
	);
}

/** The rows of alignBoxTex, for a figure that puts a line of its own above them. */
export function alignBoxRows(
	box: ArrayLike<number>,
	stride: number,
	aligned: boolean,
	t: Pick<RoiAlignTrace, 'scaledBox'>
): string[] {
	const shift = aligned ? ' - 0.5' : '';
	return CORNERS.map(
		(n, i) => `${n}' &= \\tfrac{${texShort(box[i], 2)}}{${stride}}${shift} = ${fmtShort(t.scaledBox[i])}`
	);
}

/** RoIAlign's box: scaled by 1/stride (and shifted by −½ when aligned), never rounded. */
export function alignBoxTex(
	box: readonly number[],
	stride: number,
	aligned: boolean,
	t: RoiAlignTrace
): string {
	return `\\begin{aligned}${alignBoxRows(box, stride, aligned, t).join('\\\\')}\\end{aligned}`;
}

/**
 * RoIAlign's size (at least 1 cell unless aligned), bins, sampling grid (fixed or adaptive) and sample count;
 * `total` also counts the samples of the whole output.
 */
export function alignSizeTex(
	t: RoiAlignTrace,
	aligned: boolean,
	samplingRatio: number,
	total = false
): string {
	const [x1, y1, x2, y2] = t.scaledBox;
	const wrap = (a: number, b: number) =>
		aligned ? `${texShort(a)} - ${texShort(b)}` : `\\max(${texShort(a)} - ${texShort(b)},\\, 1)`;
	const grid = (size: number, out: number, g: number) =>
		samplingRatio > 0 ? `${samplingRatio}` : `\\lceil ${fmtShort(size)} / ${out} \\rceil = ${g}`;
	return (
		`\\begin{gathered}w = ${wrap(x2, x1)} = ${fmtShort(t.roiWidth)},\\quad h = ${wrap(y2, y1)} = ${fmtShort(t.roiHeight)}\\\\[3pt]` +
		`\\text{bin}_w = ${fmtShort(t.roiWidth)} / ${t.outW} = ${fmtShort(t.binWidth)},\\quad ` +
		`\\text{bin}_h = ${fmtShort(t.roiHeight)} / ${t.outH} = ${fmtShort(t.binHeight)}\\\\[3pt]` +
		`g_w = ${grid(t.roiWidth, t.outW, t.gridW)},\\quad g_h = ${grid(t.roiHeight, t.outH, t.gridH)},\\quad` +
		(total
			? `\\Rightarrow\\quad ${t.count} \\text{ samples per bin}, ${t.count * t.outH * t.outW} \\text{ in all}`
			: `\\text{count} = \\max(g_h g_w, 1) = ${t.count}`) +
		`\\end{gathered}`
	);
}
