// Query strings from and to entries.

/** Attributes or props named like URL parameters (tutorial cells) → URLSearchParams; undefined ones are left out. */
export function paramsOf(attrs: Readonly<Record<string, string | undefined>>): URLSearchParams {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(attrs)) if (v !== undefined) q.set(k, String(v));
	return q;
}

/**
 * A query string from entries. Values here come from our own serialisers (digits, letters, '.', '-', ',', ';', 'x'),
 * so commas and semicolons are kept readable; everything else is percent-encoded.
 */
export function toQuery(entries: readonly [string, string][]): string {
	const enc = (s: string) => encodeURIComponent(s).replace(/%2C/g, ',').replace(/%3B/g, ';');
	return entries.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

/**
 * `search` with the keys in `owned` replaced by `entries` (other keys, e.g. hide=, are kept as they are).
 * Returns '' or '?…'.
 */
export function mergeQuery(
	search: string,
	owned: readonly string[],
	entries: readonly [string, string][]
): string {
	const params = new URLSearchParams(search);
	const kept: [string, string][] = [];
	for (const [k, v] of params) if (!owned.includes(k)) kept.push([k, v]);
	const q = toQuery([...entries, ...kept]);
	return q ? '?' + q : '';
}
