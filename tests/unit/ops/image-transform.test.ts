import { describe, expect, test } from 'vitest';
import {
	IMAGE_MEAN,
	IMAGE_STD,
	imageFromBytes,
	normalizeImage,
	padToMultiple,
	rescaleBoxes,
	resizeScale,
	resizedSize,
	transformImage
} from '../../../src/lib/ops/image-transform';
import { hexF32, loadFixture, mismatches } from '../../helpers/pipeline-golden';

interface TransformFixture {
	mean: number[];
	std: number[];
	sizes: {
		minSize: number;
		maxSize: number;
		inSize: [number, number];
		scale: string;
		resized?: [number, number];
		padded?: [number, number];
		error?: string;
	}[];
	pixels: {
		bytes: number[];
		inSize: [number, number];
		minSize: number;
		maxSize: number;
		normalized: string;
		imageSize: [number, number];
		output: string;
	}[];
	div255: string;
	rescale: { original: [number, number]; resized: [number, number]; boxes: string; rescaled: string }[];
}

const fx = loadFixture<TransformFixture>('image-transform.json');

/** [3, H, W] bytes (CHW, as torch.randint made them) as an RGB HWC buffer for imageFromBytes. */
function chwToRgb(bytes: number[], h: number, w: number): Uint8Array {
	const out = new Uint8Array(h * w * 3);
	for (let c = 0; c < 3; c++) for (let p = 0; p < h * w; p++) out[p * 3 + c] = bytes[c * h * w + p];
	return out;
}

describe('GeneralizedRCNNTransform sizes', () => {
	test('mean/std are torchvision’s', () => {
		expect(IMAGE_MEAN).toEqual(fx.mean);
		expect(IMAGE_STD).toEqual(fx.std);
	});

	const ok = fx.sizes.filter((c) => !c.error);
	test(`resizeScale = torch's float32 scale on ${fx.sizes.length} (size, min/max) cases (512/512 and 800/1333)`, () => {
		const got = fx.sizes.map((c) => resizeScale(c.inSize[0], c.inSize[1], c.minSize, c.maxSize));
		expect(
			mismatches(
				got,
				fx.sizes.flatMap((c) => Array.from(hexF32(c.scale)))
			)
		).toEqual([]);
	});

	test(`resizedSize and padToMultiple sizes = image_sizes and the padded batch on ${ok.length} cases`, () => {
		for (const c of ok) {
			const size = resizedSize(c.inSize[0], c.inSize[1], c.minSize, c.maxSize);
			expect(size, `${c.inSize} @ ${c.minSize}/${c.maxSize}`).toEqual(c.resized);
			const padded = padToMultiple({ shape: [1, ...size], data: new Float32Array(size[0] * size[1]) });
			expect(padded.shape.slice(1)).toEqual(c.padded);
		}
	});

	test('known consequences: 427×640 → 799×1199, 375×500 → 799×1066, 300×2000 → 199×1333', () => {
		expect(resizedSize(427, 640)).toEqual([799, 1199]);
		expect(resizedSize(375, 500)).toEqual([799, 1066]);
		expect(resizedSize(300, 2000)).toEqual([199, 1333]);
	});

	test('a size that torch refuses (2×1333 at 512/512 → height 0) throws', () => {
		const bad = fx.sizes.filter((c) => c.error);
		expect(bad.length).toBeGreaterThan(0);
		for (const c of bad)
			expect(() => resizedSize(c.inSize[0], c.inSize[1], c.minSize, c.maxSize)).toThrow(
				/must not resize to an empty/
			);
	});
});

describe('image pixels: bytes / 255 → normalize → resize → pad, bit-exact', () => {
	test('imageFromBytes divides by 255 exactly as torch (all 256 byte values)', () => {
		// RGBA pixel p = (p, p, p, p): the red plane is 0..255
		const img = imageFromBytes(
			Uint8Array.from({ length: 256 * 4 }, (_, i) => i >> 2),
			1,
			256
		);
		expect(mismatches(img.data.subarray(0, 256), hexF32(fx.div255))).toEqual([]);
		expect(mismatches(img.data.subarray(256, 512), hexF32(fx.div255))).toEqual([]);
	});

	for (const p of fx.pixels) {
		const [h, w] = p.inSize;
		test(`${h}×${w} at min ${p.minSize} / max ${p.maxSize}`, () => {
			const img = imageFromBytes(chwToRgb(p.bytes, h, w), h, w, 3);
			expect(mismatches(normalizeImage(img).data, hexF32(p.normalized))).toEqual([]);
			const t = transformImage(img, { minSize: p.minSize, maxSize: p.maxSize });
			expect(t.imageSize).toEqual(p.imageSize);
			expect(mismatches(t.padded.data, hexF32(p.output))).toEqual([]);
			expect(t.padded.shape).toEqual([1, 3, ...t.paddedSize]);
		});
	}
});

describe('rescaleBoxes = transform.resize_boxes (postprocess)', () => {
	for (const r of fx.rescale) {
		test(`${r.resized.join('×')} → ${r.original.join('×')}, 40 boxes`, () => {
			expect(mismatches(rescaleBoxes(hexF32(r.boxes), r.resized, r.original), hexF32(r.rescaled))).toEqual(
				[]
			);
		});
	}
});

describe('image transform errors', () => {
	test('bad arguments throw naming them', () => {
		expect(() => resizedSize(-5, 10)).toThrow(/height must be a positive integer, got -5/);
		expect(() => resizeScale(5, 10, NaN)).toThrow(/minSize must be a finite number > 0, got NaN/);
		expect(() => imageFromBytes(new Uint8Array(10), 2, 2)).toThrow(
			/data.length must be height·width·channels = 16, got 10/
		);
		expect(() => imageFromBytes(new Uint8Array(8), 2, 2, 2)).toThrow(/channels must be 3 or 4, got 2/);
		const img = { shape: [3, 2, 2], data: new Float32Array(12) };
		expect(() => normalizeImage(img, [0, 0], [1, 1, 1])).toThrow(/mean must be 3 finite numbers/);
		expect(() => normalizeImage(img, [0, 0, 0], [1, 0, 1])).toThrow(/std must be 3 finite nonzero numbers/);
		expect(() => padToMultiple(img, 0)).toThrow(/multiple must be a positive integer, got 0/);
		expect(() => rescaleBoxes(new Float32Array(4), [0, 5], [5, 5])).toThrow(/from must be \[height, width\]/);
		expect(() => transformImage({ shape: [1, 2, 2], data: new Float32Array(4) })).toThrow(
			/image.shape must be \[3, H, W\]/
		);
	});
});
