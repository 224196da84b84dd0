// The precomputed trace files: a synthetic trace written by tools/traces/trace-writer.ts and read back by
// loadPrecomputedTrace must come back whole (network outputs exact, features within float16 rounding), and every
// bad or stale file must fail with an error that names the file and the field.
import { beforeAll, describe, expect, test } from 'vitest';
import { readFpnPathway } from '../../../src/lib/model/fpn-pathway';
import { runHeadsOnBoxes } from '../../../src/lib/model/heads-on-boxes';
import type { MaskRcnnNetwork } from '../../../src/lib/model/network';
import { checkTraceWeights, loadPrecomputedTrace } from '../../../src/lib/model/precomputed';
import { previewOf } from '../../../src/lib/model/feature-map';
import type { ModelTrace } from '../../../src/lib/model/trace';
import type { TraceHeader } from '../../../src/lib/model/trace-format';
import { encodeTraceFiles, type TraceFiles } from '../../../tools/traces/trace-writer';
import { memoryFetch, SHIPPED_MANIFEST, syntheticTrace, type Synthetic } from '../../helpers/synthetic-trace';

const ROOT = '/traces/t/';
let syn: Synthetic;
let files: TraceFiles;

beforeAll(async () => {
	syn = syntheticTrace(7);
	files = await encodeTraceFiles(syn.trace, {
		model: SHIPPED_MANIFEST.modelName,
		weights: SHIPPED_MANIFEST.shards.map((s) => ({ path: s.path, sha256: s.sha256 })),
		architecture: syn.architecture,
		seed: 7,
		image: syn.image,
		run: { inputSize: 64, scoreThresh: 0.05, nmsThresh: 0.5 }
	});
});

/** The stored folder, optionally edited: a header patch and byte-level edits of the two binaries. */
function folder(
	edit: {
		header?: (h: TraceHeader) => void;
		traceBin?: (b: Uint8Array) => Uint8Array;
		featuresBin?: (b: Uint8Array) => Uint8Array;
	} = {}
) {
	const header = structuredClone(files.header);
	edit.header?.(header);
	return memoryFetch(
		new Map<string, Uint8Array | string>([
			[ROOT + 'trace.json', JSON.stringify(header)],
			[ROOT + 'trace.bin', edit.traceBin ? edit.traceBin(files.traceBin) : files.traceBin],
			[ROOT + 'features.bin', edit.featuresBin ? edit.featuresBin(files.featuresBin) : files.featuresBin]
		])
	);
}

const load = (f: ReturnType<typeof folder>, image = syn.image) => loadPrecomputedTrace(ROOT, image, f.fetch);

/** Half a float16 ulp at x (from the binade of |x|; 2^-25 below the normals): the largest rounding error. */
function halfUlp16(x: number): number {
	const a = Math.abs(x);
	return a < 2 ** -14 ? 2 ** -25 : 2 ** (Math.floor(Math.log2(a)) - 11);
}

describe('round trip of a synthetic trace', () => {
	let back: ModelTrace;
	let f: ReturnType<typeof folder>;
	beforeAll(async () => {
		f = folder();
		back = await load(f);
	});

	test('the synthetic trace is not trivial', () => {
		expect(syn.trace.proposals.scores.length).toBeGreaterThan(10);
		expect(syn.trace.detections.scores.length).toBeGreaterThan(0);
	});

	test('it is a complete precomputed trace that knows its origin', () => {
		expect(back.source).toBe('precomputed');
		expect(back.parts).toEqual(['input', 'network', 'proposals', 'boxHead', 'maskHead']);
		expect(back.precomputed).toMatchObject({ url: ROOT, seed: 7, model: SHIPPED_MANIFEST.modelName });
		expect(back.timings.network).toBe(0);
		expect(back.features.c.every((m) => m.tensor === null)).toBe(true);
	});

	test('everything the glue recomputes equals the written trace exactly', () => {
		const t = syn.trace;
		expect(back.input.padded).toEqual(t.input.padded);
		expect(back.rpn).toEqual(t.rpn);
		expect(back.proposals).toEqual(t.proposals);
		expect(back.proposalLevels).toEqual(t.proposalLevels);
		expect(back.boxHead).toEqual(t.boxHead);
		expect(back.detections).toEqual(t.detections);
		expect(back.masks).toEqual(t.masks);
		expect(back.classNames).toEqual(t.classNames);
	});

	test('features.bin is fetched on the first read only; values within float16 rounding', async () => {
		expect(f.requests.get(ROOT + 'features.bin')).toBeUndefined();
		const maps = [...back.features.c, ...back.features.p];
		let subnormals = 0;
		for (let i = 0; i < maps.length; i++) {
			const want = syn.maps[i];
			expect(maps[i].shape).toEqual([1, want.shape[2], want.shape[3], want.shape[1]]);
			const got = await maps[i].read();
			expect(got.shape).toEqual(want.shape);
			let bad = 0;
			want.data.forEach((v, j) => {
				if (Math.abs(v) < 2 ** -14) subnormals++;
				if (!(Math.abs(got.data[j] - v) <= halfUlp16(v))) bad++;
			});
			expect(bad, `map ${i}: values off by more than half a float16 ulp`).toBe(0);
		}
		expect(subnormals).toBeGreaterThan(100);
		expect(f.requests.get(ROOT + 'features.bin')).toBe(1);
	});

	test('previews come from trace.bin: the largest-variance channel, exact', async () => {
		for (let i = 0; i < 9; i++) {
			const m = i < 4 ? back.features.c[i] : back.features.p[i - 4];
			expect(await m.preview()).toEqual(previewOf(syn.maps[i]));
		}
	});

	test('what needs the live tensors says so', async () => {
		const net = { cfg: syn.architecture } as unknown as MaskRcnnNetwork;
		await expect(runHeadsOnBoxes(net, back, back.proposals.boxes.slice(0, 4))).rejects.toThrow(
			'runHeadsOnBoxes needs the live model: this trace was precomputed'
		);
		await expect(readFpnPathway(net, back, 3)).rejects.toThrow(
			'readFpnPathway needs the live model: this trace was precomputed'
		);
	});

	test('the weights fingerprint: equal passes, another shard hash or model fails, a live trace is refused', () => {
		expect(() => checkTraceWeights(back, SHIPPED_MANIFEST)).not.toThrow();
		const retrained = {
			modelName: SHIPPED_MANIFEST.modelName,
			shards: SHIPPED_MANIFEST.shards.map((s, i) => ({
				...s,
				sha256: i === SHIPPED_MANIFEST.shards.length - 1 ? '0'.repeat(64) : s.sha256
			}))
		};
		expect(() => checkTraceWeights(back, retrained)).toThrow(
			/trace\.json: made with weights .*npm run traces/
		);
		expect(() => checkTraceWeights(back, { ...SHIPPED_MANIFEST, modelName: 'other' })).toThrow(/made with/);
		expect(() => checkTraceWeights(syn.trace, SHIPPED_MANIFEST)).toThrow(/live run/);
	});
});

describe('bad or stale files name the file and what is wrong', () => {
	const cases: [string, Parameters<typeof folder>[0], RegExp][] = [
		[
			'wrong format',
			{ header: (h) => ((h as { format: string }).format = 'x') },
			/trace\.json: format is "x"/
		],
		[
			'another version',
			{ header: (h) => (h.formatVersion = 1) },
			/trace\.json: formatVersion 1 is not supported/
		],
		[
			'no architecture field',
			{ header: (h) => delete (h.architecture as Partial<typeof h.architecture>).rpn },
			/trace\.json: architecture\.rpn/
		],
		[
			'truncated trace.bin',
			{ traceBin: (b) => b.slice(0, -4) },
			/trace\.bin: \d+ bytes, trace\.json says \d+ \(truncated/
		],
		[
			'a tensor whose bytes do not hold its shape',
			{
				header: (h) => (h.files.trace.tensors.find((t) => t.name === 'boxHead.classLogits')!.byteLength -= 4)
			},
			/trace\.bin tensor boxHead\.classLogits: byteLength \d+ does not hold shape/
		],
		[
			'a tensor past the end of its file',
			{ header: (h) => (h.files.trace.tensors.at(-1)!.byteOffset += 4) },
			/trace\.bin tensor preview\.P6: bytes .* run past/
		],
		[
			'an RPN level of the wrong length',
			{
				header: (h) => {
					const t = h.files.trace.tensors[0];
					t.shape = [t.shape[0] - 1];
					t.byteLength -= 4;
				}
			},
			/trace\.bin rpn\.logits\.0: \d+ values, its grid needs \d+/
		],
		[
			'mask logits for another number of detections',
			{
				header: (h) => {
					const t = h.files.trace.tensors.find((x) => x.name === 'masks.logits')!;
					t.byteLength -= 4 * t.shape.slice(1).reduce((a, b) => a * b, 1);
					t.shape = [t.shape[0] - 1, ...t.shape.slice(1)];
				}
			},
			/trace\.bin masks\.logits: \d+ values, \[\d+, 6, 28, 28\] needs \d+/
		],
		[
			'a stale detection count',
			{ header: (h) => (h.counts.detections += 1) },
			/trace\.bin detections: the replay gives/
		],
		[
			'deltas stored for other anchors than the replay picks',
			{
				traceBin: (b) => {
					const c = b.slice();
					const t = files.header.files.trace.tensors.find((x) => x.name === 'rpn.candidates.0')!;
					const view = new DataView(c.buffer, c.byteOffset + t.byteOffset);
					view.setFloat32(0, view.getFloat32(0, true) === 0 ? 1 : 0, true);
					return c;
				}
			},
			/rpn\.candidates: the replay picks other top-k anchors/
		],
		['a missing tensor', { header: (h) => h.files.trace.tensors.pop() }, /files\.trace\.tensors must be \[/]
	];
	test.each(cases)('%s', async (_, edit, message) => {
		await expect(load(folder(edit))).rejects.toThrow(message);
	});

	test('a missing folder says HTTP 404 and the URL', async () => {
		await expect(loadPrecomputedTrace('/nowhere', syn.image, folder().fetch)).rejects.toThrow(
			'/nowhere/trace.json: HTTP 404'
		);
	});

	test('another picture is refused (size, then bytes)', async () => {
		const other = { ...syn.image, data: syn.image.data.map((v, i) => (i === 0 ? v ^ 1 : v)) };
		await expect(load(folder(), other)).rejects.toThrow(/trace\.json: image sha256 .* differs/);
		await expect(load(folder(), { ...syn.image, width: 32 })).rejects.toThrow(
			/made for a 64×64 image, got 32×64/
		);
	});

	test('a truncated features.bin fails the read, names the file, and a later read can succeed', async () => {
		let cut = true;
		const good = folder();
		const bad = folder({ featuresBin: (b) => b.slice(0, 100) });
		const t = await loadPrecomputedTrace(ROOT, syn.image, ((url: string) =>
			(cut ? bad : good).fetch(url)) as typeof fetch);
		await expect(t.features.p[0].read()).rejects.toThrow(/features\.bin: 100 bytes, trace\.json says/);
		cut = false;
		expect((await t.features.p[0].read()).shape).toEqual(syn.maps[4].shape);
	});
});

test('previewOf picks the channel of largest variance, the lowest index on a tie', () => {
	const plane = (vals: number[]) => vals;
	const t = {
		shape: [1, 4, 1, 3],
		data: Float32Array.from([
			...plane([5, 5, 5]),
			...plane([0, 1, 2]),
			...plane([2, 0, 1]),
			...plane([0, 0, 1])
		])
	};
	const p = previewOf(t);
	expect(p.channel).toBe(1);
	expect(Array.from(p.map.data)).toEqual([0, 1, 2]);
	expect(p.map.shape).toEqual([1, 1, 1, 3]);
	expect(() => previewOf({ shape: [4, 1, 3], data: new Float32Array(12) })).toThrow(
		/t\.shape must be \[1, C, H, W\]/
	);
});
