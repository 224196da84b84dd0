// The FPN level formula (Eq. 1, torchvision's LevelMapper) filled in with one box's numbers.
import type { FpnLevelTrace } from '$lib/ops';
import { fmt, fmtShort } from '$lib/ui/format';

/** k = ⌊4 + log2(√(wh)/224) + 1e-6⌋ for box `b`, then the clamp to [2, 5]; with `round`, what rounding gives. */
export function levelTex(b: readonly number[], t: FpnLevelTrace, round: boolean): string {
	const arrow = (k: number, lvl: number) =>
		k === lvl ? `\\Rightarrow P_{${lvl}}` : `\\xrightarrow{\\text{clamp to }[2,5]} P_{${lvl}}`;
	const rows = [
		`k &= \\left\\lfloor 4 + \\log_2\\frac{\\sqrt{${fmtShort(b[2] - b[0], 2)} \\cdot ${fmtShort(b[3] - b[1], 2)}}}{224} + 10^{-6} \\right\\rfloor`,
		`&= \\left\\lfloor 4 + \\log_2\\frac{${fmt(t.sqrtArea, 2)}}{224} + 10^{-6} \\right\\rfloor`,
		`&= \\lfloor ${fmt(t.kRaw, 4)} + 10^{-6} \\rfloor = ${t.kFloor} \\;${arrow(t.kFloor, t.level)}`
	];
	if (round)
		rows.push(
			`\\text{round: } k &= \\operatorname{round}(${fmt(t.kRaw, 4)}) = ${t.kRound} \\;${arrow(t.kRound, t.levelIfRounded)}`
		);
	return `\\begin{aligned}${rows.join('\\\\')}\\end{aligned}`;
}
