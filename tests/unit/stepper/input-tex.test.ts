import { expectParts } from '../../helpers/expect-parts';
import { describe, expect, test } from 'vitest';
import { imageFromBytes, transformImage, IMAGE_MEAN, IMAGE_STD } from '../../../src/lib/ops';
import { normTex, scaleTex, sizeTex } from '../../../src/lib/stepper/stages/input/input-tex';
import { pixelSteps, transformSummary, whatIfSize } from '../../../src/lib/stepper/stages/input/input-view';

describe('normTex', () => {
	const px = {
		rgb: [255, 0, 128] as [number, number, number],
		normalized: [2.2489, -2.0357, 0.3] as [number, number, number]
	};
	const tex = normTex(px, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);

	test('one aligned row per channel, each with its byte, mean, std and result', () => {
		expect(tex.startsWith('\\begin{aligned}')).toBe(true);
		expect(tex.endsWith('\\end{aligned}')).toBe(true);
		const rows = tex.split(' \\\\ ');
		expect(rows).toHaveLength(3);
		expect(rows[0]).toContain('\\hat{x}_{R} &= \\frac{255/255 - 0.485}{0.229} = 2.249');
		expect(rows[1]).toContain('\\hat{x}_{G} &= \\frac{0/255 - 0.456}{0.224} = (-2.036)');
		expect(rows[2]).toContain('\\hat{x}_{B} &= \\frac{128/255 - 0.406}{0.225} = 0.300');
	});

	test('the values shown are the trace values, not recomputed', () => {
		const img = { data: Uint8Array.from([10, 20, 30, 40, 50, 60]), width: 2, height: 1 };
		const t = transformImage(imageFromBytes(img.data, 1, 2, 3), { minSize: 2, maxSize: 2 });
		const p = pixelSteps(img, t.normalized, 1, 0);
		const s = normTex(p, IMAGE_MEAN, IMAGE_STD);
		expect(s).toContain('\\frac{40/255 - 0.485}{0.229}');
		expect(s).toContain(`= (${p.normalized[0].toFixed(3)})`);
	});
});

describe('scaleTex and sizeTex', () => {
	test('a 300×200 photo to 512: the scale, the floors and the padding carry the summary numbers', () => {
		const s = whatIfSize(200, 300, 512);
		expect(scaleTex(512, s)).toBe(
			's = \\min\\!\\left(\\frac{512}{\\min(200, 300)}, \\frac{512}{\\max(200, 300)}\\right) = 1.7067'
		);
		const size = sizeTex(s);
		expectParts(size, [
			"h' = \\lfloor 200 \\cdot 1.7067 \\rfloor = 341",
			"w' = \\lfloor 300 \\cdot 1.7067 \\rfloor = 512",
			'H_p = \\left\\lceil \\tfrac{341}{32} \\right\\rceil \\cdot 32 = 352',
			'W_p = \\left\\lceil \\tfrac{512}{32} \\right\\rceil \\cdot 32 = 512'
		]);
	});

	test('height and width are not swapped: a tall picture', () => {
		const s = whatIfSize(640, 480, 512);
		expect(scaleTex(512, s)).toContain('\\min(640, 480)');
		expect(scaleTex(512, s)).toContain('= 0.8');
		expect(sizeTex(s)).toContain("h' = \\lfloor 640 \\cdot 0.8 \\rfloor = 512");
		expect(sizeTex(s)).toContain("w' = \\lfloor 480 \\cdot 0.8 \\rfloor = 384");
	});

	test('the real transform of a traced image gives the same TeX as the what-if of its size', () => {
		const img = new Uint8Array(30 * 20 * 3);
		const t = transformSummary(transformImage(imageFromBytes(img, 20, 30, 3), { minSize: 64, maxSize: 64 }));
		expect(sizeTex(t)).toBe(sizeTex(whatIfSize(20, 30, 64)));
		expect(scaleTex(64, t)).toContain('\\frac{64}{\\min(20, 30)}');
	});
});
