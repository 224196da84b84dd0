// float16 as features.bin stores the feature maps. Expected bit patterns are numpy's
// (np.float32(x).astype(np.float16).view(np.uint16)), not this code's.
import { describe, expect, test } from 'vitest';
import { decodeFloat16, encodeFloat16, fromFloat16Bits, toFloat16Bits } from '../../../src/lib/model/float16';

// [float32 value, numpy's float16 bits]
const NUMPY: [number, number][] = [
	[1, 0x3c00],
	[-2, 0xc000],
	[0.1, 0x2e66],
	[1 / 3, 0x3555],
	[-3.14159265, 0xc248],
	[0.000123, 0x0808],
	[65504, 0x7bff], // the largest finite float16
	[65519, 0x7bff],
	[65520, 0x7c00], // halfway to 65536: ties to even, which is Infinity
	[1e6, 0x7c00],
	[-1e6, 0xfc00],
	[2 ** -14, 0x0400], // the smallest normal
	[2 ** -14 - 2 ** -25, 0x0400], // a subnormal rounding up into the normals
	[2 ** -24, 0x0001], // the smallest subnormal
	[2 ** -25, 0x0000], // exactly half of it: ties to even (0)
	[1.5 * 2 ** -25, 0x0001],
	[3 * 2 ** -25, 0x0002], // 1.5 units: ties to even (2)
	[5 * 2 ** -25, 0x0002], // 2.5 units: ties to even (2)
	[2 ** -26, 0x0000],
	[1 + 2 ** -11, 0x3c00], // half an ulp above 1: ties to even (1)
	[1 + 3 * 2 ** -11, 0x3c02], // 1.5 ulp: ties to even (2)
	[1.0009765625, 0x3c01],
	[2048.5, 0x6800],
	[2049, 0x6800], // ulp 2 here: 2049 is a tie, to even 2048
	[-0, 0x8000]
];

describe('float16', () => {
	test.each(NUMPY)('%s → float16 bits %i, as numpy rounds it', (x, bits) => {
		expect(toFloat16Bits(x).toString(16)).toBe(bits.toString(16));
	});

	test('±Infinity and NaN', () => {
		expect(toFloat16Bits(Infinity)).toBe(0x7c00);
		expect(toFloat16Bits(-Infinity)).toBe(0xfc00);
		expect(toFloat16Bits(NaN)).toBe(0x7e00); // numpy's quiet NaN
		expect(fromFloat16Bits(0x7c00)).toBe(Infinity);
		expect(fromFloat16Bits(0xfc00)).toBe(-Infinity);
		expect(fromFloat16Bits(0x7e00)).toBeNaN();
		expect(fromFloat16Bits(0x7c01)).toBeNaN();
	});

	test('decoding is exact: known values, and every finite pattern survives a round trip', () => {
		expect(fromFloat16Bits(0x3555)).toBe(0.333251953125);
		expect(fromFloat16Bits(0x0001)).toBe(2 ** -24);
		expect(fromFloat16Bits(0x03ff)).toBe(1023 * 2 ** -24);
		expect(fromFloat16Bits(0x7bff)).toBe(65504);
		expect(Object.is(fromFloat16Bits(0x8000), -0)).toBe(true);
		const all = Uint16Array.from({ length: 65536 }, (_, i) => i);
		const finite = all.filter((h) => (h & 0x7c00) !== 0x7c00);
		expect(Array.from(encodeFloat16(decodeFloat16(finite)))).toEqual(Array.from(finite));
	});

	test('the bulk decoder equals the scalar one', () => {
		const bits = Uint16Array.from([0x0000, 0x0001, 0x3c00, 0xc248, 0x7bff, 0xfc00]);
		expect(Array.from(decodeFloat16(bits))).toEqual(Array.from(bits, fromFloat16Bits));
	});
});
