// Downloads a model's manifest and shards with byte-level progress, verifies each shard's sha256, and caches verified
// shards (Cache API, keyed by hash) so a second visit reads them locally.
import { decodeFloat16 } from './float16';
import { parseManifest, type WeightsManifest } from './manifest';
import { sha256Hex } from './sha256';

export interface LoadProgress {
	loadedBytes: number;
	totalBytes: number;
	/** the shard being read */
	file: string;
	fromCache: boolean;
}

export interface LoadedWeights {
	manifest: WeightsManifest;
	/** torchvision state_dict name → float32 values in PyTorch layout */
	tensors: Map<string, { shape: number[]; data: Float32Array }>;
}

export interface LoadOptions {
	onProgress?: (p: LoadProgress) => void;
	fetch?: typeof fetch;
	/** Cache API name; null disables caching (tests, or pages without the Cache API). */
	cacheName?: string | null;
}

const CACHE = 'mask-rcnn-explainer-weights-v1';

/** `baseUrl` is the model folder, e.g. `${base}/weights/shapes-mrcnn-r10s/` (trailing slash optional). */
export async function loadWeights(baseUrl: string, opts: LoadOptions = {}): Promise<LoadedWeights> {
	const doFetch = opts.fetch ?? fetch;
	const root = baseUrl.endsWith('/') ? baseUrl : baseUrl + '/';
	const manifestUrl = root + 'manifest.json';
	const res = await doFetch(manifestUrl).catch((e: unknown) => {
		throw new Error(`Could not fetch the weights manifest ${manifestUrl}: ${String(e)}`);
	});
	if (!res.ok) throw new Error(`Weights manifest ${manifestUrl} is missing (HTTP ${res.status})`);
	const manifest = parseManifest(await readJson(res, manifestUrl), manifestUrl);
	const totalBytes = manifest.shards.reduce((a, s) => a + s.byteLength, 0);
	const cache = await openCache(opts.cacheName === undefined ? CACHE : opts.cacheName);

	let loadedBytes = 0;
	const shards: Uint8Array[] = [];
	for (const shard of manifest.shards) {
		const url = root + shard.path;
		const cacheKey = `${url}?sha256=${shard.sha256}`;
		let bytes = await readCached(cache, cacheKey, shard.sha256);
		const fromCache = bytes !== null;
		if (bytes === null) {
			bytes = await download(doFetch, url, shard.byteLength, (n) =>
				opts.onProgress?.({ loadedBytes: loadedBytes + n, totalBytes, file: shard.path, fromCache })
			);
			if (bytes.length !== shard.byteLength)
				throw new Error(
					`Weight file ${shard.path} is ${bytes.length} bytes, expected ${shard.byteLength}: corrupt or truncated`
				);
			const hash = await sha256Hex(bytes);
			if (hash !== shard.sha256)
				throw new Error(`Weight file ${shard.path} is corrupt: sha256 ${hash}, expected ${shard.sha256}`);
			await cache?.put(cacheKey, new Response(bytes as Uint8Array<ArrayBuffer>)).catch(() => undefined);
		}
		loadedBytes += shard.byteLength;
		opts.onProgress?.({ loadedBytes, totalBytes, file: shard.path, fromCache });
		shards.push(bytes);
	}

	const tensors = new Map<string, { shape: number[]; data: Float32Array }>();
	for (const w of manifest.weightsManifest[0].weights) {
		const src = shards[w.shard].subarray(w.byteOffset, w.byteOffset + w.byteLength);
		// Copy into an aligned buffer: byte offsets need not be multiples of 4 (or 2) across formats.
		const aligned = new Uint8Array(w.byteLength);
		aligned.set(src);
		const data =
			w.dtype === 'float16'
				? decodeFloat16(new Uint16Array(aligned.buffer))
				: new Float32Array(aligned.buffer);
		tensors.set(w.name, { shape: w.shape, data });
	}
	return { manifest, tensors };
}

/** The manifest's JSON, or an error that names the file (JSON.parse's own message names neither file nor cause). */
async function readJson(res: Response, url: string): Promise<unknown> {
	const text = await res.text().catch((e: unknown) => {
		throw new Error(`Could not read the weights manifest ${url}: ${String(e)}`);
	});
	try {
		return JSON.parse(text);
	} catch (e) {
		const start = JSON.stringify(text.slice(0, 20));
		throw new Error(
			`Weights manifest ${url} is not valid JSON (it begins ${start}${text.length > 20 ? '…' : ''}; ${e instanceof Error ? e.message : String(e)})`
		);
	}
}

async function openCache(name: string | null): Promise<Cache | null> {
	if (!name || typeof caches === 'undefined') return null;
	try {
		return await caches.open(name);
	} catch {
		return null; // e.g. opaque origins or storage disabled: just download again
	}
}

async function readCached(cache: Cache | null, key: string, sha: string): Promise<Uint8Array | null> {
	if (!cache) return null;
	const hit = await cache.match(key).catch(() => undefined);
	if (!hit) return null;
	const bytes = new Uint8Array(await hit.arrayBuffer());
	if ((await sha256Hex(bytes)) === sha) return bytes;
	await cache.delete(key).catch(() => undefined); // a damaged cache entry is dropped and downloaded again
	return null;
}

async function download(
	doFetch: typeof fetch,
	url: string,
	expected: number,
	progress: (n: number) => void
): Promise<Uint8Array> {
	const res = await doFetch(url).catch((e: unknown) => {
		throw new Error(`Could not fetch weight file ${url}: ${String(e)}`);
	});
	if (!res.ok) throw new Error(`Weight file ${url} is missing (HTTP ${res.status})`);
	if (!res.body) {
		const b = new Uint8Array(await res.arrayBuffer());
		progress(b.length);
		return b;
	}
	const out = new Uint8Array(expected);
	const reader = res.body.getReader();
	let n = 0;
	let extra: Uint8Array[] | null = null;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (n + value.length <= expected && !extra) out.set(value, n);
		else (extra ??= []).push(value);
		n += value.length;
		progress(Math.min(n, expected));
	}
	if (n === expected && !extra) return out;
	// Wrong length: return what arrived so the caller reports the size mismatch with the real figure.
	return n < expected ? out.subarray(0, n) : new Uint8Array(n);
}
