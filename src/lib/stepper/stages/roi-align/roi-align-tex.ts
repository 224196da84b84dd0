// TeX for the RoIAlign stage: the proposal scaled to the level's map and RoIPool's rounding, filled in with the
// numbers of the ops' traces. RoIAlign's bins and sampling grid are the RoIAlign panel's formula (alignSizeTex).
import type { RoiAlignTrace, RoiPoolTrace } from '$lib/ops';
import { alignBoxRows } from '$lib/panels/roi/roi-tex';
import { fmtShort } from '$lib/ui/format';

/** The proposal `box` ([x1, y1, x2, y2], image pixels) divided by the stride of P`level`, as the kernel scaled it. */
export function scaleTex(
	box: ArrayLike<number>,
	level: number,
	align: Pick<RoiAlignTrace, 'scaledBox'>,
	aligned: boolean
): string {
	const stride = 2 ** level;
	return (
		`\\begin{aligned}k &= ${level} \\;\\Rightarrow\\; \\text{spatial scale} = 2^{-${level}} = \\tfrac{1}{${stride}}\\\\` +
		`${alignBoxRows(box, stride, aligned, align).join('\\\\')}\\end{aligned}`
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
