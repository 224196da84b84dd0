// tfjs reads the page's own address when it loads: `?tfjsflags=DEBUG:true,…` switches its internals, and a malformed
// `%` anywhere in the query makes its parser throw (URIError) so the model never loads. Only the site's documented
// parameters may change behaviour, so before tfjs is imported the address is rewritten without those pairs. The
// site's own parsers have already read (and reported) them by then.

/** The query without `tfjsflags` and without pairs tfjs could not decode; null when nothing needs to change. */
export function queryForTfjs(search: string): string | null {
	if (search === '' || search === '?') return null;
	const pairs = search.replace(/^\?/, '').split('&');
	const kept = pairs.filter((pair) => {
		if (pair === '') return false;
		const [name, ...rest] = pair.split('=');
		try {
			const key = decodeURIComponent(name);
			decodeURIComponent(rest.join('='));
			// tfjs matches the decoded name exactly; a look-alike is not a tfjs flag, but nor is it one of ours
			return key.toLowerCase() !== 'tfjsflags';
		} catch {
			return false;
		}
	});
	if (kept.length === pairs.length) return null;
	return kept.length ? `?${kept.join('&')}` : '';
}

/** Rewrites the address in place (no navigation) when tfjs would obey or choke on part of it. */
export function guardAddressForTfjs(): void {
	if (typeof location === 'undefined' || typeof history === 'undefined') return;
	const q = queryForTfjs(location.search);
	if (q === null) return;
	history.replaceState(history.state, '', location.pathname + q + location.hash);
}
