import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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

describe('static/weights/shapes-mrcnn-r10s', () => {
	const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'));
	const group = manifest.weightsManifest[0] as { paths: string[]; weights: WeightEntry[] };
	const shards = group.paths.map((p) => readFileSync(join(DIR, p)));

	it('shards match their declared length and sha256, each <= 4 MB, all <= 8 MB', () => {
		shards.forEach((buf, i) => {
			expect(buf.length).toBe(manifest.shards[i].byteLength);
			expect(createHash('sha256').update(buf).digest('hex')).toBe(manifest.shards[i].sha256);
			expect(buf.length).toBeLessThanOrEqual(4 * 1024 * 1024);
		});
		expect(shards.reduce((a, b) => a + b.length, 0)).toBeLessThanOrEqual(8 * 1024 * 1024);
	});

	it('tensors are float32, back to back (tfjs layout), and their shard offsets agree', () => {
		const starts = [0];
		for (const b of shards) starts.push(starts[starts.length - 1] + b.length);
		let pos = 0;
		for (const w of group.weights) {
			expect(w.dtype).toBe('float32');
			expect(w.byteLength).toBe(4 * w.shape.reduce((a, b) => a * b, 1));
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
	});
});
