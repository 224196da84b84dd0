// `hide=a,b,c`: the controls a lecturer hides in an embed, checked against the names the panel knows.
import { clip } from './grammar';

/** Nothing hidden. */
export const NO_HIDDEN: ReadonlySet<string> = new Set();

export function parseHide(
	params: URLSearchParams,
	known: readonly string[],
	prefix = ''
): { hidden: Set<string>; notices: string[] } {
	const raw = params.get(prefix + 'hide');
	const hidden = new Set<string>();
	const notices: string[] = [];
	if (raw === null || raw === '') return { hidden, notices };
	const unknown: string[] = [];
	for (const name of raw.split(',')) {
		if (known.includes(name)) hidden.add(name);
		else unknown.push(clip(name));
	}
	if (unknown.length)
		notices.push(`hide= names no control "${unknown.join('", "')}". Known names: ${known.join(', ')}.`);
	return { hidden, notices };
}
