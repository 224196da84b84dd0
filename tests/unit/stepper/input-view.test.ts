import { describe, expect, test } from 'vitest';
import { imageFromBytes, padToMultiple, transformImage, IMAGE_MEAN, IMAGE_STD } from '../../../src/lib/ops';
import {
	channelOf,
	denormalizedRgba,
	pixelSteps,
	resizeTap,
	transformSummary,
	whatIfSize
} from '../../../src/lib/stepper/stages/input/input-view';

function photo(w: number, h: number) {
	const data = new Uint8Array(w * h * 3);
	for (let i = 0; i < data.length; i++) data[i] = (i * 37) % 256;
	return { data, width: w, height: h };
}
const run = (img: ReturnType<typeof photo>, target = 512) =>
	transformImage(imageFromBytes(img.data, img.height, img.width, 3), { minSize: target, maxSize: target });

describe('transformSummary', () => {
	test('a 512×512 scene: scale 1, no padding', () => {
		const s = transformSummary(run(photo(512, 512)));
		expect(s).toMatchObject({ original: [512, 512], scale: 1, resized: [512, 512], padded: [512, 512] });
		expect(s.paddingShare).toBe(0);
	});
	test('a 300×200 photo is enlarged to 512 on the long side and padded to ×32', () => {
		const s = transformSummary(run(photo(300, 200)));
		expect(s.resized).toEqual([341, 512]);
		expect(s.padded).toEqual([352, 512]);
		expect(s.padBottom).toBe(11);
		expect(s.padRight).toBe(0);
		expect(s.paddingShare).toBeCloseTo(1 - (341 * 512) / (352 * 512), 12);
	});
	test('whatIfSize agrees with the real transform', () => {
		for (const [w, h] of [
			[300, 200],
			[640, 480],
			[123, 457],
			[512, 512]
		]) {
			const real = transformSummary(run(photo(w, h)));
			expect(whatIfSize(h, w, 512)).toEqual(real);
		}
	});
	test('padding agrees with padToMultiple for odd sizes', () => {
		const s = whatIfSize(100, 77, 77);
		const t = padToMultiple({
			shape: [1, ...s.resized],
			data: new Float32Array(s.resized[0] * s.resized[1])
		});
		expect(t.shape.slice(1)).toEqual(s.padded);
	});
});

describe('pixel readouts', () => {
	test('pixelSteps reads the normalized value of the trace', () => {
		const img = photo(40, 30);
		const t = run(img);
		const p = pixelSteps(img, t.normalized, 7.6, 3.2);
		expect(p.x).toBe(7);
		expect(p.y).toBe(3);
		const o = (3 * 40 + 7) * 3;
		expect(p.rgb).toEqual([img.data[o], img.data[o + 1], img.data[o + 2]]);
		for (let c = 0; c < 3; c++)
			expect(p.normalized[c]).toBeCloseTo((p.rgb[c] / 255 - IMAGE_MEAN[c]) / IMAGE_STD[c], 5);
	});
	test('resizeTap: identity at scale 1; weights sum to 1 when enlarging', () => {
		const same = resizeTap(run(photo(64, 64), 64), 10, 20);
		expect(same).toMatchObject({ x0: 10, y0: 20, wx0: 1, wy0: 1 });
		const big = resizeTap(run(photo(64, 32), 128), 3, 3);
		expect(big.wx0 + big.wx1).toBeCloseTo(1, 6);
		expect(big.x0).toBe(1);
		expect(big.x1).toBe(2);
	});
	test('denormalizing the network input gives back the bytes; padding is the mean colour', () => {
		const img = photo(20, 10);
		const t = run(img, 20);
		const rgba = denormalizedRgba(t.padded, IMAGE_MEAN, IMAGE_STD);
		const [hp, wp] = t.paddedSize;
		expect(rgba.length).toBe(hp * wp * 4);
		expect(Array.from(rgba.slice(0, 3))).toEqual(Array.from(img.data.slice(0, 3)));
		const last = (hp * wp - 1) * 4;
		expect(Array.from(rgba.slice(last, last + 4))).toEqual([124, 116, 104, 255]);
		expect(channelOf(t.normalized, 2).length).toBe(200);
	});
});
