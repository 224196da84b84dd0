// Stage 2 formula as TeX: how the pyramid value at the pointed cell is made (top-down sum, P5's lateral-only start,
// or P6's subsampling of P5), filled in with the cell, the channel and the values read from the maps.
import { tex } from '$lib/ui/format';

export interface PyramidCell {
	/** pyramid level 2..6 */
	level: number;
	channel: number;
	y: number;
	x: number;
	/** P_level[channel, y, x] */
	value: number;
	/** for P6: P5[channel, 2y, 2x], or null while P5 is not read yet */
	p5Value?: number | null;
	/** for P2..P4: the cell (y, x) of M_{level+1} the nearest-neighbour upsampling copies here */
	source?: readonly [number, number];
}

/** The rows of the formula for one cell, as a `gathered` block. */
export function pyramidTex(c: PyramidCell): string {
	const { level, channel, y, x } = c;
	const v = tex(c.value, 3);
	let body: string;
	if (level === 6) {
		const v5 = c.p5Value == null ? '?' : tex(c.p5Value, 3);
		body = `P_6[${channel}, ${y}, ${x}] = P_5[${channel}, ${2 * y}, ${2 * x}] \\quad (${v} = ${v5})`;
	} else if (level === 5) {
		body = `P_5 = \\mathrm{conv}_{3\\times3}\\big(M_5\\big),\\quad M_5 = \\mathrm{conv}_{1\\times1}(C_5) \\qquad P_5[${channel}, ${y}, ${x}] = ${v}`;
	} else {
		const [sy, sx] = c.source ?? ['?', '?'];
		body =
			`M_${level}[y, x] = \\underbrace{\\mathrm{conv}_{1\\times1}(C_${level})[y, x]}_{\\text{lateral}} + \\underbrace{M_${level + 1}[\\lfloor y/2 \\rfloor, \\lfloor x/2 \\rfloor]}_{\\text{top-down}}` +
			`\\qquad M_${level}[${y}, ${x}] \\leftarrow M_${level + 1}[${sy}, ${sx}]` +
			` \\\\ P_${level} = \\mathrm{conv}_{3\\times3}(M_${level}) \\qquad P_${level}[${channel}, ${y}, ${x}] = ${v}`;
	}
	return `\\begin{gathered} ${body} \\end{gathered}`;
}
