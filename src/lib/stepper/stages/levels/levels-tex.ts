// TeX for the FPN-level stage: FPN Eq. 1 (torchvision's LevelMapper) worked through for one proposal.
import type { FpnLevelTrace } from '$lib/ops';
import { fmt, fmtShort } from '$lib/ui/format';

/**
 * k = ⌊k0 + log2(√(wh)/224) + 1e-6⌋ for `box` ([x1, y1, x2, y2]) with the ops' float32 steps from `t`
 * (fpnLevelTrace), ending at the level the model used — through the clamp to [2, 5] when ⌊…⌋ falls outside.
 */
export function levelTex(
	box: ArrayLike<number>,
	t: Pick<FpnLevelTrace, 'sqrtArea' | 'kRaw' | 'kFloor' | 'level'>
): string {
	const [x1, y1, x2, y2] = [box[0], box[1], box[2], box[3]];
	const to =
		t.kFloor === t.level
			? `\\Rightarrow P_{${t.level}}`
			: `\\xrightarrow{\\text{clamp to }[2,5]} P_{${t.level}}`;
	return (
		`\\begin{aligned}k &= \\left\\lfloor k_0 + \\log_2\\frac{\\sqrt{wh}}{224} + 10^{-6} \\right\\rfloor\\\\` +
		`&= \\left\\lfloor 4 + \\log_2\\frac{\\sqrt{${fmtShort(x2 - x1, 2)} \\cdot ${fmtShort(y2 - y1, 2)}}}{224} + 10^{-6}\\right\\rfloor\\\\` +
		`&= \\left\\lfloor 4 + \\log_2\\frac{${fmt(t.sqrtArea, 2)}}{224} + 10^{-6}\\right\\rfloor\\\\` +
		`&= \\lfloor ${fmt(t.kRaw, 4)} + 10^{-6}\\rfloor = ${t.kFloor} \\;${to}\\end{aligned}`
	);
}
