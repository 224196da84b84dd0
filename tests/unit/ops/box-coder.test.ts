import { describe, expect, test } from 'vitest';
import {
	BBOX_XFORM_CLIP,
	decodeBoxes,
	decodeBoxesWith,
	encodeBoxes,
	encodeBoxesWith,
	type BoxWeights
} from '../../../src/lib/ops/box-coder';
import { f } from '../../../src/lib/ops/float32';
import { countDiffering, hexF32, loadFixture, mismatches } from '../../helpers/pipeline-golden';

interface CoderFixture {
	clip: number;
	decode: {
		weights: BoxWeights;
		classes: number;
		deltas: string;
		reference: string;
		decoded: string;
		expIn: string;
		expOut: string;
	}[];
	encode: {
		weights: BoxWeights;
		gt: string;
		proposals: string;
		encoded: string;
		logIn: string;
		logOut: string;
	}[];
}

const fx = loadFixture<CoderFixture>('box-coder.json');

/** torch's own float32 exp/log values, looked up by input bits: isolates everything but the transcendental. */
function table(inHex: string, outHex: string): (x: number) => number {
	const ins = hexF32(inHex);
	const outs = hexF32(outHex);
	const m = new Map<number, number>();
	ins.forEach((v, i) => m.set(v, outs[i]));
	return (x) => {
		const y = m.get(x);
		if (y === undefined) throw new Error(`no torch value for ${x}`);
		return y;
	};
}

/**
 * Tolerance of decode vs torch: torch's vectorised exp is not correctly rounded (≤ 1 ulp), so the half-size
 * 0.5·exp(dw)·w may differ by about an ulp; a corner = centre ± half-size then differs by up to a few ulp of the
 * LARGER of |centre| and |half-size| (cancellation can make the corner itself small). Bound: 2^-21 · that scale.
 */
function decodeTolerance(want: Float32Array, o: number): number {
	const cx = (want[o] + want[o + 2]) / 2;
	const half = (want[o + 2] - want[o]) / 2;
	const cy = (want[o + 1] + want[o + 3]) / 2;
	const halfY = (want[o + 3] - want[o + 1]) / 2;
	return 2 ** -21 * Math.max(Math.abs(cx), Math.abs(half), Math.abs(cy), Math.abs(halfY), 1e-30);
}

describe('decodeBoxes = BoxCoder(weights).decode_single', () => {
	test('clip default is log(1000/16) (python double), the same as the fixture', () => {
		expect(BBOX_XFORM_CLIP).toBe(fx.clip);
	});

	for (const c of fx.decode) {
		const name = `weights (${c.weights}), ${c.classes} class(es), 600 boxes incl. clipped dw/dh`;
		test(`${name}: bit-exact given torch's exp`, () => {
			const got = decodeBoxesWith(
				hexF32(c.deltas),
				hexF32(c.reference),
				c.weights,
				fx.clip,
				table(c.expIn, c.expOut)
			);
			expect(mismatches(got, hexF32(c.decoded))).toEqual([]);
		});
		test(`${name}: within 2^-21·box scale with Math.exp`, () => {
			const want = hexF32(c.decoded);
			const got = decodeBoxes(hexF32(c.deltas), hexF32(c.reference), c.weights);
			const bad: string[] = [];
			for (let i = 0; i < want.length; i++) {
				const tol = decodeTolerance(want, i - (i & 3));
				if (!(Math.abs(got[i] - want[i]) <= tol)) bad.push(`[${i}] ${got[i]} vs ${want[i]}`);
			}
			expect(bad.slice(0, 5)).toEqual([]);
			// and most values are still bit-identical
			expect(countDiffering(got, want)).toBeLessThan(want.length * 0.25);
		});
	}

	test("torch's exp really differs from the correctly rounded one on some inputs (why the tolerance exists)", () => {
		let differ = 0;
		let total = 0;
		for (const c of fx.decode) {
			const ins = hexF32(c.expIn);
			const outs = hexF32(c.expOut);
			total += ins.length;
			differ += countDiffering(
				ins.map((x) => f(Math.exp(x))),
				outs
			);
		}
		expect(total).toBeGreaterThan(4000);
		expect(differ).toBeGreaterThan(0);
	});

	test('dw, dh are clipped from above only: exp(clip) = 62.5× wider at most, very negative → zero size', () => {
		const ref = Float32Array.from([0, 0, 16, 16]);
		const grown = decodeBoxes(Float32Array.from([0, 0, 100, 100]), ref, [1, 1, 1, 1]);
		expect(grown[2] - grown[0]).toBeCloseTo(1000, 2);
		const shrunk = decodeBoxes(Float32Array.from([0, 0, -200, -200]), ref, [1, 1, 1, 1]);
		expect(Array.from(shrunk)).toEqual([8, 8, 8, 8]);
	});
});

describe('encodeBoxes = BoxCoder(weights).encode_single', () => {
	for (const c of fx.encode) {
		test(`weights (${c.weights}), 600 pairs: bit-exact given torch's log, ≤ 2 ulp with Math.log`, () => {
			const gt = hexF32(c.gt);
			const pr = hexF32(c.proposals);
			const want = hexF32(c.encoded);
			expect(mismatches(encodeBoxesWith(gt, pr, c.weights, table(c.logIn, c.logOut)), want)).toEqual([]);
			const got = encodeBoxes(gt, pr, c.weights);
			const bad: string[] = [];
			for (let i = 0; i < want.length; i++) {
				const tol =
					2 * 2 ** (Math.floor(Math.log2(Math.max(Math.abs(want[i]), 1e-6))) - 23) * c.weights[i & 3];
				if (!(Math.abs(got[i] - want[i]) <= tol)) bad.push(`[${i}] ${got[i]} vs ${want[i]}`);
			}
			expect(bad.slice(0, 5)).toEqual([]);
		});
	}

	test('encode then decode returns the ground truth (to float32 rounding)', () => {
		const gt = Float32Array.from([10, 20, 110, 60, 5, 5, 9, 30]);
		const pr = Float32Array.from([12, 18, 100, 70, 0, 0, 10, 10]);
		const back = decodeBoxes(encodeBoxes(gt, pr, [10, 10, 5, 5]), pr, [10, 10, 5, 5]);
		expect(mismatches(back, gt, 1e-4)).toEqual([]);
	});
});

describe('box coder errors', () => {
	const ref = new Float32Array(8);
	test('bad arguments throw naming them', () => {
		expect(() => decodeBoxes(new Float32Array(12), ref, [1, 1, 1, 1])).toThrow(
			/deltas.length must be a positive multiple of 4·2.*got 12/
		);
		expect(() => decodeBoxes(new Float32Array(8), new Float32Array(7), [1, 1, 1, 1])).toThrow(
			/reference.length/
		);
		expect(() => decodeBoxes(new Float32Array(8), ref, [1, 1, 0, 1])).toThrow(
			/weights must be 4 finite nonzero/
		);
		expect(() => decodeBoxes(Float32Array.from([0, 0, NaN, 0, 0, 0, 0, 0]), ref, [1, 1, 1, 1])).toThrow(
			/deltas\[2\]/
		);
		expect(() => decodeBoxes(new Float32Array(8), ref, [1, 1, 1, 1], NaN)).toThrow(
			/clip must be a number, got NaN/
		);
		expect(() => encodeBoxes(ref, new Float32Array(4), [1, 1, 1, 1])).toThrow(
			/proposals must have one box per reference box \(2\), got 1/
		);
	});
});
