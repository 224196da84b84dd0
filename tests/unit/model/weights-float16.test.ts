import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeFloat16 } from '../../../src/lib/model/float16';
import { loadWeights } from '../../../src/lib/model/load-weights';
import { parseManifest } from '../../../src/lib/model/manifest';

// float16 shards (formatVersion 2): the loader widens each value to the float32 it stands for. A two-tensor model
// built here, its bytes made with numpy's rounding (the same as encodeFloat16: round to nearest, ties to even).
const A = [0.1, -2.5, 1 / 3, 65504, 6e-8, -0]; // ordinary, exact, inexact, the largest, a subnormal, −0
const B = [1e-3, 7, -0.0009765625];
// the float16 values of A and B as numpy prints them (np.float16(x).astype(np.float32)); 2^-24 is the smallest subnormal
const A16 = [0.0999755859375, -2.5, 0.333251953125, 65504, 2 ** -24, -0];
const B16 = [1049 * 2 ** -20, 7, -0.0009765625];

function tinyModel(version: number, dtype = 'float16') {
	const bytes = Buffer.concat([Buffer.from(encodeFloat16(A).buffer), Buffer.from(encodeFloat16(B).buffer)]);
	const base = JSON.parse(
		JSON.stringify({
			format: 'mask-rcnn-explainer/weights',
			formatVersion: version,
			modelName: 'tiny',
			architecture: architecture(),
			classNames: ['__background__', 'x'],
			weightsManifest: [
				{
					paths: ['s.bin'],
					weights: [
						{ name: 'a', shape: [2, 3], dtype, shard: 0, byteOffset: 0, byteLength: 12 },
						// an odd byte offset (not a multiple of 4): the loader must copy to an aligned buffer
						{ name: 'b', shape: [3], dtype, shard: 0, byteOffset: 12, byteLength: 6 }
					]
				}
			],
			shards: [{ path: 's.bin', byteLength: 18, sha256: createHash('sha256').update(bytes).digest('hex') }],
			totalBytes: 18,
			paramCount: 9
		})
	);
	const doFetch = (async (input: string | URL | Request) =>
		String(input).endsWith('manifest.json')
			? new Response(JSON.stringify(base))
			: new Response(bytes)) as typeof fetch;
	return { manifest: base, doFetch };
}

function architecture() {
	return {
		name: 'tiny',
		image_size: 64,
		classes: ['__background__', 'x'],
		image_mean: [0.5, 0.5, 0.5],
		image_std: [0.25, 0.25, 0.25],
		backbone: { block: 'BasicBlock', stem_width: 8, stem_kernel: 3, widths: [8], depths: [1] },
		fpn_channels: 8,
		anchor_sizes: [16],
		aspect_ratios: [1],
		box_roi_output: 7,
		mask_roi_output: 14,
		sampling_ratio: 2,
		box_head_dim: 16,
		mask_head_channels: 8,
		mask_head_layers: 1,
		rpn: { pre_nms_top_n_test: 10, post_nms_top_n_test: 10, nms_thresh: 0.7 },
		roi_heads: { box_score_thresh: 0.05, box_nms_thresh: 0.5, box_detections_per_img: 10 },
		pooler: 'roi_pool',
		mask_activation: 'softmax'
	};
}

describe('float16 weights', () => {
	it('are widened to exactly the float32 each float16 stands for', async () => {
		const { doFetch } = tinyModel(2);
		const { tensors } = await loadWeights('/w/tiny', { fetch: doFetch, cacheName: null });
		const a = tensors.get('a')!;
		expect(a.shape).toEqual([2, 3]);
		expect(a.data).toBeInstanceOf(Float32Array);
		expect(Array.from(a.data)).toEqual(A16);
		expect(Object.is(a.data[5], -0)).toBe(true);
		expect(Array.from(tensors.get('b')!.data)).toEqual(B16);
	});

	it('need formatVersion 2: a version-1 manifest with float16 tensors is refused, naming the tensor', () => {
		expect(() => parseManifest(tinyModel(1).manifest, 'm.json')).toThrow(
			'm.json: tensor "a" (weightsManifest[0].weights[0]) has dtype "float16"; formatVersion 1 allows float32'
		);
	});

	it('a float16 entry sized as float32 is refused with both figures', () => {
		const { manifest } = tinyModel(2);
		manifest.weightsManifest[0].weights[1].byteLength = 12;
		expect(() => parseManifest(manifest, 'm.json')).toThrow(
			'tensor "b" (weightsManifest[0].weights[1]): byteLength 12 is not 2 × 3 (its shape, float16)'
		);
	});

	it('the pooler and mask activation are read from the architecture, and anything else is named', () => {
		expect(parseManifest(tinyModel(2).manifest).architecture.pooler).toBe('roi_pool');
		const { manifest } = tinyModel(2);
		manifest.architecture.pooler = 'roi_warp';
		expect(() => parseManifest(manifest, 'm.json')).toThrow(
			'm.json: architecture.pooler "roi_warp" is not one of roi_align, roi_pool'
		);
		manifest.architecture.pooler = 'roi_align';
		manifest.architecture.mask_activation = 'tanh';
		expect(() => parseManifest(manifest, 'm.json')).toThrow(
			'architecture.mask_activation "tanh" is not one of sigmoid, softmax'
		);
	});
});
