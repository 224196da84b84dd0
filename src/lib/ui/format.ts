// Number formatting for panels and formulas. Only numbers pass through here, so the strings are safe to hand to KaTeX.

/** Fixed decimals, ASCII minus (copy-pastes into Python), and no "-0.0000". */
export function fmt(v: number, digits = 4): string {
	if (Number.isNaN(v)) return 'NaN';
	if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
	const s = v.toFixed(digits);
	return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** Like `fmt` but drops trailing zeros (1.5000 → 1.5, 32.0 → 32): for coordinates and sizes. */
export function fmtShort(v: number, digits = 4): string {
	const s = fmt(v, digits);
	return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** A number as a TeX term: negative values in parentheses so "a · (−b)" reads right. */
export function tex(v: number, digits = 4): string {
	const s = fmt(v, digits);
	return s.startsWith('-') ? `(${s})` : s;
}

/** A short number as a TeX term. */
export function texShort(v: number, digits = 4): string {
	const s = fmtShort(v, digits);
	return s.startsWith('-') ? `(${s})` : s;
}

/** A signed difference for readouts: "+0.3125" / "-0.2500". */
export function fmtSigned(v: number, digits = 4): string {
	const s = fmt(v, digits);
	return s.startsWith('-') ? s : `+${s}`;
}

/** "1 point", "4 points", "1,322 objects": a count with its noun, singular for exactly one (pass the plural when
 * adding -s is wrong: count(2, 'box', 'boxes')). Every such phrase on the site goes through here. */
export function count(n: number, singular: string, plural = singular + 's'): string {
	return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}
