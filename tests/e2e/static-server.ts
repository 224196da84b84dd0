import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.bin': 'application/octet-stream',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.ttf': 'font/ttf',
	'.txt': 'text/plain; charset=utf-8'
};

/**
 * Serves a static build under a base path the way a plain static host does (`/base/x` → `x.html` or `x/index.html`),
 * so the browser tests exercise the prerendered site exactly as deployed, sub-path included.
 */
export function serveStatic(root: string, base: string): Promise<{ server: Server; url: string }> {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		if (!path.startsWith(base)) {
			res.writeHead(404).end('outside base path');
			return;
		}
		const rel = normalize(path.slice(base.length) || '/');
		if (rel.includes('..')) {
			res.writeHead(400).end();
			return;
		}
		const tries = [join(root, rel), join(root, rel + '.html'), join(root, rel, 'index.html')];
		const file = tries.find((f) => existsSync(f) && statSync(f).isFile());
		if (!file) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(res);
	});
	return new Promise((ok) =>
		server.listen(0, '127.0.0.1', () => {
			const addr = server.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			ok({ server, url: `http://127.0.0.1:${port}${base}` });
		})
	);
}
