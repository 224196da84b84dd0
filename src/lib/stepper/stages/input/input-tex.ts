// Stage 1 formulas as TeX: the normalization of one pixel and the resize/pad arithmetic, filled in with the numbers
// of this image. Only numbers (through $lib/ui/format) go into the strings, so they are safe to hand to KaTeX.
import { tex, texShort } from '$lib/ui/format';
import type { PixelSteps, TransformSummary } from './input-view';

const CHANNELS = ['R', 'G', 'B'] as const;

/** (byte/255 − mean)/std for each channel of the pixel, one aligned row per channel, ending in the trace's value. */
export function normTex(
	px: Pick<PixelSteps, 'rgb' | 'normalized'>,
	mean: readonly number[],
	std: readonly number[]
): string {
	const rows = CHANNELS.map(
		(c, k) =>
			`\\hat{x}_{${c}} &= \\frac{${px.rgb[k]}/255 - ${texShort(mean[k])}}{${texShort(std[k])}} = ${tex(px.normalized[k], 3)}`
	);
	return `\\begin{aligned} ${rows.join(' \\\\ ')} \\end{aligned}`;
}

/** The scale factor: the target size over the short side, capped so the long side fits it too. */
export function scaleTex(target: number, s: Pick<TransformSummary, 'original' | 'scale'>): string {
	const [H0, W0] = s.original;
	return `s = \\min\\!\\left(\\frac{${target}}{\\min(${H0}, ${W0})}, \\frac{${target}}{\\max(${H0}, ${W0})}\\right) = ${texShort(s.scale, 4)}`;
}

/** The resized size (floor of side · scale) and the padded size (up to a multiple of 32). */
export function sizeTex(s: Pick<TransformSummary, 'original' | 'scale' | 'resized' | 'padded'>): string {
	const [H0, W0] = s.original;
	const [rh, rw] = s.resized;
	const [hp, wp] = s.padded;
	const k = texShort(s.scale, 4);
	return (
		`h' = \\lfloor ${H0} \\cdot ${k} \\rfloor = ${rh},\\quad w' = \\lfloor ${W0} \\cdot ${k} \\rfloor = ${rw},\\quad ` +
		`H_p = \\left\\lceil \\tfrac{${rh}}{32} \\right\\rceil \\cdot 32 = ${hp},\\quad W_p = \\left\\lceil \\tfrac{${rw}}{32} \\right\\rceil \\cdot 32 = ${wp}`
	);
}
