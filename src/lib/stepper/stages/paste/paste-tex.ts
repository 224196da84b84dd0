// Stage 10 formulas as TeX: how the detection box is enlarged before the padded mask is stretched over it, and the
// threshold that turns the pasted probabilities into a mask. Only numbers (through $lib/ui/format) go into the strings.
import type { PasteMaskTrace } from '$lib/ops';
import { fmt, texShort } from '$lib/ui/format';

/** s = (M+2)/M, then the enlarged box's x-extent x0', x1' (truncated) and its width W', from the paste trace. */
export function expandTex(
	paste: Pick<PasteMaskTrace, 'scale' | 'center' | 'half' | 'expanded' | 'width'>,
	m: number
): string {
	const e = paste.expanded;
	const cx = texShort(paste.center[0], 2);
	const hx = texShort(paste.half[0], 2);
	return (
		`s = \\tfrac{M+2}{M} = \\tfrac{${m + 2}}{${m}} = ${texShort(paste.scale, 4)},\\quad ` +
		`x_0' = \\operatorname{trunc}\\big(c_x - s\\,\\tfrac{w}{2}\\big) = ` +
		`\\operatorname{trunc}(${cx} - ${hx}) = ${e[0]},\\quad ` +
		`x_1' = \\operatorname{trunc}(${cx} + ${hx}) = ${e[2]},\\quad ` +
		`W' = x_1' - x_0' + 1 = ${paste.width}`
	);
}

/** m = [p ≥ t] at threshold t, and the mask's area in pixels when known. */
export function thresholdTex(threshold: number, area: number | null): string {
	return (
		`m(x, y) = [\\,p(x, y) \\ge t\\,],\\quad t = ${fmt(threshold, 2)}` +
		(area !== null ? `\\;\\Rightarrow\\; ${area}\\text{ pixels}` : '')
	);
}
