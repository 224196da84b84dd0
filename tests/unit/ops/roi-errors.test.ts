import { describe, expect, it } from 'vitest';
import { bilinearSample } from '../../../src/lib/ops/bilinear';
import { roiAlign, type RoiAlignOptions } from '../../../src/lib/ops/roi-align';
import { roiAlignTrace } from '../../../src/lib/ops/roi-align-trace';
import { roiPool } from '../../../src/lib/ops/roi-pool';
import { roiPoolTrace } from '../../../src/lib/ops/roi-pool-trace';
import type { Tensor } from '../../../src/lib/ops/tensor';

const input: Tensor = {
	shape: [2, 3, 5, 6],
	data: new Float32Array(2 * 3 * 5 * 6).map((_, i) => Math.sin(i))
};
const box = (...v: number[]): Tensor => ({ shape: [v.length / 5, 5], data: new Float32Array(v) });
const good = box(0, 1, 1, 4, 4, 1, 0, 0, 6, 5);
const alignOpts: RoiAlignOptions = { outputSize: 2, spatialScale: 1, samplingRatio: 2, aligned: false };
const poolOpts = { outputSize: 2, spatialScale: 1 };

/** The call throws an Error whose message contains every part (argument name, bad value, ...). */
function expectError(call: () => unknown, ...parts: string[]) {
	let err: unknown;
	try {
		call();
	} catch (e) {
		err = e;
	}
	expect(err, `expected a throw mentioning ${parts.join(', ')}`).toBeInstanceOf(Error);
	for (const p of parts) expect((err as Error).message).toContain(p);
}

// Both ops share the checks; run every case against both (and the traces where the argument exists there).
const ops = {
	roiPool: (i: Tensor, b: Tensor, o: object) => roiPool(i, b, { ...poolOpts, ...o }),
	roiAlign: (i: Tensor, b: Tensor, o: object) => roiAlign(i, b, { ...alignOpts, ...o })
};

describe.each(Object.entries(ops))('%s argument errors', (name, op) => {
	it('non-finite box coordinates name the row, the column and the value', () => {
		expectError(() => op(input, box(0, 1, NaN, 3, 3), {}), name, 'boxes[0][2] (y1)', 'NaN');
		expectError(
			() => op(input, box(0, 1, 1, 3, 3, 1, 0, 0, Infinity, 2), {}),
			'boxes[1][3] (x2)',
			'Infinity'
		);
		expectError(() => op(input, box(0, -Infinity, 1, 3, 3), {}), 'boxes[0][1] (x1)', '-Infinity');
	});

	it('batch index must be an integer in [0, N)', () => {
		expectError(() => op(input, box(0.5, 1, 1, 3, 3), {}), 'boxes[0][0] (batch index)', '[0, 2)', '0.5');
		expectError(() => op(input, box(0, 1, 1, 3, 3, 2, 1, 1, 3, 3), {}), 'boxes[1][0] (batch index)', 'got 2');
		expectError(() => op(input, box(-1, 1, 1, 3, 3), {}), 'boxes[0][0]', 'got -1');
		expectError(() => op(input, box(NaN, 1, 1, 3, 3), {}), 'boxes[0][0]', 'NaN');
	});

	it('boxes must be a [K, 5] tensor whose data fits its shape', () => {
		expectError(
			() => op(input, { shape: [2, 4], data: new Float32Array(8) }, {}),
			'boxes.shape',
			'[K, 5]',
			'[2, 4]'
		);
		expectError(() => op(input, { shape: [5], data: new Float32Array(5) }, {}), 'boxes.shape', '[5]');
		expectError(
			() => op(input, { shape: [2, 5], data: new Float32Array(5) }, {}),
			'boxes.data',
			'length 5',
			'10'
		);
	});

	it('input must be a 4-D tensor whose data length is the product of its shape', () => {
		expectError(
			() => op({ shape: [3, 5, 6], data: new Float32Array(90) }, good, {}),
			'input.shape',
			'[3, 5, 6]'
		);
		expectError(
			() => op({ shape: [1, 3, 5, 6], data: new Float32Array(89) }, good, {}),
			'input.data',
			'89',
			'90'
		);
		expectError(
			() => op({ shape: [1, 3, 0, 6], data: new Float32Array(0) }, good, {}),
			'input.shape[2] (H)',
			'got 0'
		);
		expectError(
			() => op({ shape: [1, 2.5, 2, 2], data: new Float32Array(10) }, good, {}),
			'input.shape',
			'2.5'
		);
	});

	it('output size must be a positive integer or [h, w] of positive integers', () => {
		for (const [bad, shown] of [
			[0, '0'],
			[-2, '-2'],
			[2.5, '2.5'],
			[NaN, 'NaN'],
			[[2], '[2]'],
			[[2, 0], '[2, 0]'],
			[[3, 1.5], '[3, 1.5]'],
			['2', '"2"']
		] as const)
			expectError(() => op(input, good, { outputSize: bad }), 'opts.outputSize', shown);
	});

	it('spatial scale must be finite and > 0', () => {
		for (const [bad, shown] of [
			[0, '0'],
			[-0.25, '-0.25'],
			[NaN, 'NaN'],
			[Infinity, 'Infinity']
		] as const)
			expectError(() => op(input, good, { spatialScale: bad }), 'opts.spatialScale', shown);
	});

	it('K = 0 boxes gives an empty [0, C, outH, outW] tensor', () => {
		const out = op(input, { shape: [0, 5], data: new Float32Array(0) }, { outputSize: [3, 4] });
		expect(out.shape).toEqual([0, 3, 3, 4]);
		expect(out.data.length).toBe(0);
	});
});

describe('roiAlign-only argument errors', () => {
	it('sampling ratio must be an integer', () => {
		expectError(
			() => roiAlign(input, good, { ...alignOpts, samplingRatio: 1.5 }),
			'opts.samplingRatio',
			'1.5'
		);
		expectError(
			() => roiAlign(input, good, { ...alignOpts, samplingRatio: NaN }),
			'opts.samplingRatio',
			'NaN'
		);
	});

	it("aggregation must be 'avg' or 'max'; aligned must be a boolean", () => {
		const bad = { ...alignOpts, aggregation: 'mean' } as unknown as RoiAlignOptions;
		expectError(() => roiAlign(input, good, bad), 'opts.aggregation', "'avg', 'max'", '"mean"');
		const notBool = { ...alignOpts, aligned: 1 } as unknown as RoiAlignOptions;
		expectError(() => roiAlign(input, good, notBool), 'opts.aligned', 'got 1');
	});

	it('aligned + reversed box + adaptive sampling with a negative gh·gw (torchvision crashes) throws clearly', () => {
		// x reversed by 3 cells over 2 bins: gridW = ceil(−1.5) = −1; y normal: gridH = 2 → torch: std::vector error
		const reversed = box(0, 4, 1, 1, 5);
		for (const samplingRatio of [0, -1])
			expectError(
				() => roiAlign(input, reversed, { ...alignOpts, aligned: true, samplingRatio }),
				'boxes[0]',
				'[0, 4, 1, 1, 5]',
				'reversed',
				'2×-1',
				`opts.samplingRatio=${samplingRatio}`
			);
		expectError(
			() => roiAlignTrace(input, [0, 4, 1, 1, 5], { ...alignOpts, aligned: true, samplingRatio: -1 }),
			'roiAlignTrace',
			'box'
		);
		// torchvision does not crash (and outputs 0) when both grid sizes are negative or one is 0: neither do we
		const both = roiAlign(input, box(0, 4, 4, 1, 1), { ...alignOpts, aligned: true, samplingRatio: -1 });
		expect(Array.from(both.data)).toEqual(new Array(12).fill(0));
		// a positive sampling ratio keeps reversed boxes well defined
		expect(() => roiAlign(input, reversed, { ...alignOpts, aligned: true, samplingRatio: 2 })).not.toThrow();
	});
});

describe('trace and bilinearSample argument errors', () => {
	it('a trace box must be five numbers with a valid batch index and finite coordinates', () => {
		expectError(() => roiPoolTrace(input, [1, 1, 3, 3], poolOpts), 'roiPoolTrace', 'box', '[1, 1, 3, 3]');
		expectError(() => roiAlignTrace(input, [0, 1, 1, NaN, 3], alignOpts), 'box[3] (x2)', 'NaN');
		expectError(() => roiPoolTrace(input, [5, 1, 1, 3, 3], poolOpts), 'box[0] (batch index)', 'got 5');
		expectError(
			() => roiAlignTrace(input, [0, 1, 1, 3, 3], { ...alignOpts, spatialScale: -1 }),
			'spatialScale',
			'-1'
		);
	});

	it('bilinearSample checks batch, channel and coordinates', () => {
		expectError(() => bilinearSample(input, 2, 0, 1, 1), 'bilinearSample: batch', 'got 2');
		expectError(() => bilinearSample(input, 0, 3, 1, 1), 'bilinearSample: channel', 'got 3');
		expectError(() => bilinearSample(input, 0, 0, NaN, 1), 'bilinearSample: y', 'NaN');
		expectError(() => bilinearSample(input, 0, 0, 1, Infinity), 'bilinearSample: x', 'Infinity');
	});
});
