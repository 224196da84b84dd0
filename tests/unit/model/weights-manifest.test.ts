import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWeights } from '../../../src/lib/model/load-weights';
import { parseManifest } from '../../../src/lib/model/manifest';

// Checks the shipped weights are self-consistent (sizes, hashes, offsets) and within the size budget.
const DIR = join(import.meta.dirname, '..', '..', '..', 'static', 'weights', 'shapes-mrcnn-r10s');

interface WeightEntry {
	name: string;
	shape: number[];
	dtype: string;
	shard: number;
	byteOffset: number;
	byteLength: number;
}

const WEIGHTS = join(import.meta.dirname, '..', '..', '..', 'static', 'weights');
const MODELS = readdirSync(WEIGHTS, { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.map((d) => d.name);
const BYTES: Record<string, number> = { float32: 4, float16: 2 };

describe.each(MODELS)('static/weights/%s', (model) => {
	const dir = join(WEIGHTS, model);
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	const group = manifest.weightsManifest[0] as { paths: string[]; weights: WeightEntry[] };
	const shards = group.paths.map((p) => readFileSync(join(dir, p)));
	const float16 = group.weights.every((w) => w.dtype === 'float16');

	it('shards match their declared length and sha256, each <= 4 MB; float16 models <= 3.5 MB in all', () => {
		shards.forEach((buf, i) => {
			expect(buf.length).toBe(manifest.shards[i].byteLength);
			expect(createHash('sha256').update(buf).digest('hex')).toBe(manifest.shards[i].sha256);
			expect(buf.length).toBeLessThanOrEqual(4 * 1024 * 1024);
		});
		const total = shards.reduce((a, b) => a + b.length, 0);
		expect(total).toBe(manifest.totalBytes);
		expect(total).toBeLessThanOrEqual(float16 ? 3.5e6 : 8 * 1024 * 1024);
	});

	it('tensors are all float32 (format 1) or all float16 (format 2), back to back, and their offsets agree', () => {
		expect(manifest.formatVersion).toBe(float16 ? 2 : 1);
		const starts = [0];
		for (const b of shards) starts.push(starts[starts.length - 1] + b.length);
		let pos = 0;
		for (const w of group.weights) {
			expect(w.dtype).toBe(float16 ? 'float16' : 'float32');
			expect(w.byteLength).toBe(BYTES[w.dtype] * w.shape.reduce((a, b) => a * b, 1));
			expect(starts[w.shard] + w.byteOffset).toBe(pos);
			expect(w.byteOffset + w.byteLength).toBeLessThanOrEqual(shards[w.shard].length);
			pos += w.byteLength;
		}
		expect(pos).toBe(starts[starts.length - 1]);
	});

	it('has torchvision names with BN folded away, and the config the browser needs', () => {
		const names = new Set(group.weights.map((w) => w.name));
		expect(names.has('backbone.body.conv1.weight')).toBe(true);
		expect(names.has('backbone.body.conv1.bias')).toBe(true);
		expect([...names].some((n) => /\.bn\d|downsample\.1|running_/.test(n))).toBe(false);
		expect(names.has('roi_heads.mask_predictor.mask_fcn_logits.weight')).toBe(true);
		const a = manifest.architecture;
		expect(manifest.classNames).toEqual(['__background__', 'circle', 'square', 'triangle', 'star', 'ring']);
		expect(a.image_size).toBe(512);
		expect(a.anchor_sizes).toHaveLength(5);
		expect(manifest.normalization.mean).toHaveLength(3);
		expect(parseManifest(manifest, model)).toBeTruthy();
	});
});

// A broken or hostile manifest is refused with the file and the field named, before any shard is fetched or any
// buffer allocated; nothing reaches the page as a bare JSON.parse or TypeError message.
const URL_ = '/weights/m/manifest.json';
const shipped = () => JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'));
type Json = ReturnType<typeof shipped>;
// the shipped layout, read rather than assumed (float32 was 2 shards, float16 is 1)
const SHARD0: string = shipped().shards[0].path;
const LAST: number = shipped().shards.length - 1;
const LAST_PATH: string = shipped().shards[LAST].path;
const LAST_BYTES: number = shipped().shards[LAST].byteLength;

/** A fetch that serves `manifest` as the manifest and counts every other request (shards). */
function stubFetch(manifest: string) {
	const asked: string[] = [];
	const doFetch = (async (input: string | URL | Request) => {
		const url = String(input);
		asked.push(url);
		if (url === URL_) return new Response(manifest);
		const file = url.slice(url.lastIndexOf('/') + 1);
		return new Response(readFileSync(join(DIR, file)));
	}) as typeof fetch;
	return { doFetch, asked };
}
const load = (manifest: string) => {
	const { doFetch, asked } = stubFetch(manifest);
	return { asked, done: loadWeights('/weights/m', { fetch: doFetch, cacheName: null }) };
};
const broken = (edit: (m: Json) => void) => {
	const m = shipped();
	edit(m);
	return () => parseManifest(m, URL_);
};

describe('a manifest that is not JSON', () => {
	it('names the file and says it is not JSON (and how it begins), not JSON.parse alone', async () => {
		const { done, asked } = load('<!doctype html><p>Not found</p>');
		await expect(done).rejects.toThrow(
			`Weights manifest ${URL_} is not valid JSON (it begins "<!doctype html><p>No"…;`
		);
		expect(asked).toEqual([URL_]);
		await expect(load('{"format": ').done).rejects.toThrow(/manifest\.json is not valid JSON/);
	});
});

describe('parseManifest names the field that is wrong', () => {
	it('accepts the shipped manifest as it is', () => {
		expect(parseManifest(shipped(), URL_)).toEqual(shipped());
	});

	const cases: [string, (m: Json) => void, RegExp][] = [
		[
			'weights not an array',
			(m) => (m.weightsManifest[0].weights = 5),
			/weightsManifest\[0\]\.weights must be an array/
		],
		[
			'group not an object',
			(m) => (m.weightsManifest = [null]),
			/weightsManifest\[0\]\.weights must be an array/
		],
		['weightsManifest not an array', (m) => (m.weightsManifest = {}), /exactly one weightsManifest group/],
		[
			'an entry not an object',
			(m) => (m.weightsManifest[0].weights[2] = 'w'),
			/weights\[2\] is not an object/
		],
		[
			'shape a string',
			(m) => (m.weightsManifest[0].weights[3].shape = '16x3'),
			/weights\[3\]\): shape "16x3" is not an array of non-negative integers/
		],
		[
			'shape negative',
			(m) => (m.weightsManifest[0].weights[3].shape = [-16, 3]),
			/weights\[3\]\): shape \[-16,3\] is not an array of non-negative/
		],
		[
			'shape fractional',
			(m) => (m.weightsManifest[0].weights[0].shape = [1.5]),
			/weights\[0\]\): shape \[1\.5\]/
		],
		[
			'dtype int8',
			(m) => (m.weightsManifest[0].weights[1].dtype = 'int8'),
			/tensor "backbone\.body\.conv1\.bias" \(weightsManifest\[0\]\.weights\[1\]\) has dtype "int8"; formatVersion \d allows float/
		],
		[
			'name missing',
			(m) => delete m.weightsManifest[0].weights[4].name,
			/weights\[4\]\.name undefined is not a tensor name/
		],
		[
			'name twice',
			(m) => (m.weightsManifest[0].weights[1].name = m.weightsManifest[0].weights[0].name),
			/weights\[1\]\) appears twice/
		],
		[
			'shard index',
			(m) => (m.weightsManifest[0].weights[0].shard = 7),
			/weights\[0\]\) points at missing shard 7/
		],
		[
			'byteOffset',
			(m) => (m.weightsManifest[0].weights[0].byteOffset = -4),
			/weights\[0\]\): byteOffset -4 is not a non-negative integer/
		],
		[
			'byteLength vs shape',
			(m) => (m.weightsManifest[0].weights[0].byteLength += 4),
			/weights\[0\]\): byteLength \d+ is not [24] × \d+ \(its shape, float(32|16)\)/
		],
		[
			'tensor past its shard',
			(m) => (m.weightsManifest[0].weights[0].byteOffset = m.shards[0].byteLength),
			new RegExp(`does not fit its shard ${SHARD0.replace(/\./g, '\\.')}`)
		],
		[
			'shard of 2^40 bytes',
			(m) => (m.shards[0].byteLength = 2 ** 40),
			new RegExp(
				`shards\\[0\\]\\.byteLength 1099511627776 \\(${SHARD0.replace(/\./g, '\\.')}\\) is over the 67108864 byte limit`
			)
		],
		[
			'shard 4 bytes longer than its tensors',
			(m) => (m.shards[LAST].byteLength += 4),
			new RegExp(
				`shards\\[${LAST}\\]\\.byteLength ${LAST_BYTES + 4} \\(${LAST_PATH.replace(/\./g, '\\.')}\\) is not the ${LAST_BYTES} bytes of its tensors`
			)
		],
		[
			'shard length a string',
			(m) => (m.shards[LAST].byteLength = String(LAST_BYTES)),
			new RegExp(`shards\\[${LAST}\\]\\.byteLength "${LAST_BYTES}" is not a positive integer`)
		],
		[
			'shards over 256 MiB in all',
			(m) =>
				(m.shards = Array.from({ length: 5 }, (_, i) => ({
					...m.shards[0],
					path: `s${i}.bin`,
					byteLength: 60 * 2 ** 20
				}))),
			/shards add up to 314572800 bytes, over the 268435456 byte limit/
		],
		[
			'shard path climbing out',
			(m) => (m.shards[0].path = '../../secret.bin'),
			/shards\[0\]\.path "\.\.\/\.\.\/secret\.bin" is not a plain file name/
		],
		[
			'shard path another host',
			(m) => (m.shards[0].path = 'https://example.com/x.bin'),
			/shards\[0\]\.path .* is not a plain file name/
		],
		[
			'sha256',
			(m) => (m.shards[0].sha256 = 'abc'),
			/shards\[0\]\.sha256 "abc" is not 64 lowercase hex digits/
		],
		['no classNames', (m) => delete m.classNames, /classNames must be an array of strings/],
		[
			'architecture widths',
			(m) => (m.architecture.backbone.widths = 'wide'),
			/architecture\.backbone\.widths "wide" is not a list of positive integers/
		],
		[
			'architecture depths per width',
			(m) => m.architecture.backbone.depths.pop(),
			/architecture\.backbone\.depths \[2,2,2\] is not a list of 4 positive integers/
		],
		[
			'architecture image size',
			(m) => (m.architecture.image_size = 0),
			/architecture\.image_size 0 is not a positive integer/
		],
		[
			'architecture mean',
			(m) => (m.architecture.image_mean = [0.5]),
			/architecture\.image_mean \[0\.5\] is not a list of 3 positive numbers/
		],
		['architecture rpn', (m) => delete m.architecture.rpn, /architecture\.rpn undefined is not an object/],
		[
			'architecture thresholds',
			(m) => (m.architecture.roi_heads.box_nms_thresh = 5),
			/architecture\.roi_heads\.box_nms_thresh 5 is not a number from 0 to 1/
		]
	];
	it.each(cases)('%s', (_, edit, message) => {
		const parse = broken(edit);
		expect(parse).toThrow(message);
		expect(parse).toThrow(URL_ + ': '); // the file, first
	});

	it('a very long bad value is clipped in the message', () => {
		const parse = broken((m) => (m.shards[0].path = 'x/'.repeat(5000)));
		expect(parse).toThrow(/"(x\/){19}x…/);
		try {
			parse();
		} catch (e) {
			expect((e as Error).message.length).toBeLessThan(200);
		}
	});
});

describe('loadWeights refuses a bad size before fetching or allocating anything', () => {
	it('a shard byteLength of 2^40 is named, with the file, and no shard is fetched', async () => {
		const m = shipped();
		m.shards[0].byteLength = 2 ** 40;
		const { done, asked } = load(JSON.stringify(m));
		await expect(done).rejects.toThrow(
			`${URL_}: shards[0].byteLength 1099511627776 (${SHARD0}) is over the 67108864 byte limit for one shard`
		);
		expect(asked).toEqual([URL_]);
	});

	it('the shipped manifest still loads every tensor through the same stub', async () => {
		const { done, asked } = load(readFileSync(join(DIR, 'manifest.json'), 'utf8'));
		const { tensors } = await done;
		expect(tensors.size).toBe(shipped().weightsManifest[0].weights.length);
		expect(asked).toHaveLength(1 + shipped().shards.length);
	});
});
