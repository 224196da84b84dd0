// TeX for the RoIAlign stage: the proposal scaled to the level's map, RoIAlign's bins and sampling grid, and
// RoIPool's rounding, each filled in with the numbers of the ops' traces (roiAlignTrace, roiPoolTrace).
import type { RoiAlignTrace, RoiPoolTrace } from '$lib/ops';
import { fmtShort, texShort } from '$lib/ui/format';

/** The proposal `box` ([x1, y1, x2, y2], image pixels) divided by the stride of P`level`, as the kernel scaled it. */
export function scaleTex(
	box: ArrayLike<number>,
	level: number,
	align: Pick<RoiAlignTrace, 'scaledBox'>,
	aligned: boolean
): string {
	const stride = 2 ** level;
	const shift = aligned ? ' - 0.5' : '';
	const names = ['x_1', 'y_1', 'x_2', 'y_2'];
	const rows = names.map(
		(n, i) => `${n}' &= \\tfrac{${texShort(box[i], 2)}}{${stride}}${shift} = ${fmtShort(align.scaledBox[i])}`
	);
	return (
		`\\begin{aligned}k &= ${level} \\;\\Rightarrow\\; \\text{spatial scale} = 2^{-${level}} = \\tfrac{1}{${stride}}\\\\` +
		`${rows.join('\\\\')}\\end{aligned}`
	);
}

/**
 * RoIAlign's RoI size (clamped to ≥ 1 with aligned=False), bin size and sampling grid for an `out`×`out` output at
 * sampling ratio `sr` (0: adaptive, the ceiling of the bin size), and how many points that makes.
 */
export function gridTex(
	align: Pick<
		RoiAlignTrace,
		'scaledBox' | 'roiWidth' | 'roiHeight' | 'binWidth' | 'binHeight' | 'gridW' | 'gridH' | 'count'
	>,
	out: number,
	sr: number,
	aligned: boolean
): string {
	const [x1, y1, x2, y2] = align.scaledBox;
	const size = (a: number, b: number) =>
		aligned ? `${texShort(a)} - ${texShort(b)}` : `\\max(${texShort(a)} - ${texShort(b)},\\, 1)`;
	const g = (s: number, n: number, v: number) =>
		sr > 0 ? `${sr}` : `\\lceil ${fmtShort(s)} / ${n} \\rceil = ${v}`;
	return (
		`\\begin{gathered}w = ${size(x2, x1)} = ${fmtShort(align.roiWidth)},\\quad h = ${size(y2, y1)} = ${fmtShort(align.roiHeight)}\\\\[3pt]` +
		`\\text{bin}_w = \\tfrac{${fmtShort(align.roiWidth)}}{${out}} = ${fmtShort(align.binWidth)},\\quad` +
		`\\text{bin}_h = \\tfrac{${fmtShort(align.roiHeight)}}{${out}} = ${fmtShort(align.binHeight)}\\\\[3pt]` +
		`g_w = ${g(align.roiWidth, out, align.gridW)},\\quad g_h = ${g(align.roiHeight, out, align.gridH)}` +
		`\\quad\\Rightarrow\\quad ${align.count} \\text{ samples per bin}, ${align.count * out * out} \\text{ in all}\\end{gathered}`
	);
}

/** RoIPool's first quantization (the scaled box rounded to cells), its inclusive size and bin size for `out`×`out`. */
export function poolTex(
	pool: Pick<RoiPoolTrace, 'scaledBox' | 'roundedBox' | 'roiWidth' | 'roiHeight' | 'binWidth' | 'binHeight'>,
	out: number
): string {
	const [sx1, sy1, sx2, sy2] = pool.scaledBox;
	const [rx1, ry1, rx2, ry2] = pool.roundedBox;
	const r = (n: string, s: number, v: number) => `${n} &= \\operatorname{round}(${fmtShort(s)}) = ${v}`;
	return (
		`\\begin{aligned}${r('x_1', sx1, rx1)} & ${r('y_1', sy1, ry1)}\\\\${r('x_2', sx2, rx2)} & ${r('y_2', sy2, ry2)}\\\\` +
		`w &= ${rx2} - ${rx1} + 1 = ${pool.roiWidth} & h &= ${ry2} - ${ry1} + 1 = ${pool.roiHeight}\\\\` +
		`\\text{bin}_w &= \\tfrac{${pool.roiWidth}}{${out}} = ${fmtShort(pool.binWidth)} & \\text{bin}_h &= \\tfrac{${pool.roiHeight}}{${out}} = ${fmtShort(pool.binHeight)}` +
		`\\end{aligned}`
	);
}
