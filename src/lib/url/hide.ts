// `hide=a,b,c`: the controls a lecturer hides in an embed, checked against the names the panel knows.
import { clip } from './grammar';

/** Nothing hidden. */
export const NO_HIDDEN: ReadonlySet<string> = new Set();

/** At most this many unknown names are quoted; a hostile link may carry thousands. */
export const MAX_QUOTED = 8;

export function parseHide(
	params: URLSearchParams,
	known: readonly string[],
	prefix = ''
): { hidden: Set<string>; notices: string[] } {
	const raw = params.get(prefix + 'hide');
	const hidden = new Set<string>();
	const notices: string[] = [];
	if (raw === null || raw === '') return { hidden, notices };
	const unknown = new Set<string>();
	for (const name of raw.split(',')) {
		if (known.includes(name)) hidden.add(name);
		else if (name !== '') unknown.add(name); // a stray comma names nothing
	}
	if (unknown.size) notices.push(unknownNotice([...unknown], known));
	return { hidden, notices };
}

/** The first few unknown names, each clipped, and how many more there were. */
function unknownNotice(unknown: readonly string[], known: readonly string[]): string {
	const quoted = unknown.slice(0, MAX_QUOTED).map((n) => `"${clip(n)}"`);
	const more = unknown.length - quoted.length;
	const rest = more > 0 ? ` and ${more.toLocaleString('en-US')} more` : '';
	return `hide= names no control ${quoted.join(', ')}${rest}. Known names: ${known.join(', ')}.`;
}
