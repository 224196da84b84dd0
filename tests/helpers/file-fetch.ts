import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A `fetch` that serves files from a folder, so the browser loader (streaming, sha256) runs unchanged in Node. */
export function fileFetch(root: string): typeof fetch {
	return (async (input: string | URL | Request) => {
		const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
		try {
			const bytes = await readFile(join(root, url));
			return new Response(bytes);
		} catch {
			return new Response('not found', { status: 404 });
		}
	}) as typeof fetch;
}
