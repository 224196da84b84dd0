import { describe, expect, test } from 'vitest';
import { boxArea, boxIou, clipBoxesToImage, removeSmallBoxes } from '../../../src/lib/ops/boxes';
import { hexF32, loadFixture, mismatches } from '../../helpers/pipeline-golden';

interface BoxesFixture {
	a: string;
	b: string;
	iou: string;
	areaA: string;
	raw: string;
	imageSize: [number, number];
	clipped: string;
	removeSmall: Record<string, number[]>;
}

const fx = loadFixture<BoxesFixture>('boxes.json');

describe('box utilities = torchvision.ops.boxes', () => {
	test('boxArea = box_area (incl. a zero-width and an inverted box)', () => {
		expect(mismatches(boxArea(hexF32(fx.a)), hexF32(fx.areaA))).toEqual([]);
	});

	test('boxIou = box_iou, 24×17 pairs bit-exact', () => {
		expect(mismatches(boxIou(hexF32(fx.a), hexF32(fx.b)), hexF32(fx.iou))).toEqual([]);
	});

	test('clipBoxesToImage = clip_boxes_to_image (x to [0, w], y to [0, h]) on 300 boxes', () => {
		expect(mismatches(clipBoxesToImage(hexF32(fx.raw), fx.imageSize), hexF32(fx.clipped))).toEqual([]);
	});

	for (const [min, keep] of Object.entries(fx.removeSmall)) {
		test(`removeSmallBoxes(min ${min}) = remove_small_boxes (>=, float32) — keeps ${keep.length} of 300`, () => {
			expect(Array.from(removeSmallBoxes(hexF32(fx.clipped), Number(min)))).toEqual(keep);
		});
	}

	test('a side exactly equal to minSize is kept (>=)', () => {
		expect(Array.from(removeSmallBoxes(Float32Array.from([0, 0, 1, 1, 0, 0, 0.5, 1]), 1))).toEqual([0]);
	});

	test('errors name the argument', () => {
		expect(() => boxIou(new Float32Array(4), new Float32Array(3))).toThrow(
			/b.length must be a multiple of 4/
		);
		expect(() => clipBoxesToImage(new Float32Array(4), [10, 0])).toThrow(/imageSize.*\[10, 0\]/);
		expect(() => removeSmallBoxes(new Float32Array(4), NaN)).toThrow(
			/minSize must be a finite number, got NaN/
		);
		expect(() => boxArea([0, 0, 1, 1] as unknown as Float32Array)).toThrow(/boxes must be a Float32Array/);
	});
});
