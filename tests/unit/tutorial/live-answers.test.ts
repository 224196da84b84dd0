import { describe, expect, it } from 'vitest';
import { guessMatches, liveAnswer } from '../../../src/lib/tutorial/live-answers';

describe('live answers', () => {
	it("RoIAlign on the torchvision example gives torchvision's −0.8546 (aligned: −1.2911)", () => {
		// torch.manual_seed(1); roi_align(randn(1,1,6,6), [[0,10,10,124,124]], 2, 1/32, 1, aligned) — printed by torch
		expect(liveAnswer('roi-align', {}).text).toBe('-0.8546');
		expect(liveAnswer('roi-align', { aligned: '1' }).text).toBe('-1.2911');
		expect(liveAnswer('roi-align', { bin: '1,1' }).text).toBe('0.0546');
	});

	it("counts RoIPool's rounded width and RoIAlign's adaptive points", () => {
		expect(liveAnswer('roi-pool-width', {}).value).toBe(5); // round(0.3125)=0 … round(3.875)=4, inclusive
		expect(liveAnswer('roi-align-points', { sr: '0' }).value).toBe(4); // ceil(3.5625 / 2) = 2 per side
		expect(liveAnswer('roi-align-points', { sr: '3' }).value).toBe(9);
	});

	it('picks FPN levels with floor, clamping and the round variant', () => {
		expect(liveAnswer('fpn-level', { box: '0,0,224,224' }).value).toBe('P4');
		expect(liveAnswer('fpn-level', { box: '0,0,500,400' }).value).toBe('P4'); // √area 447.2 < 448
		expect(liveAnswer('fpn-level', { box: '0,0,20,20' }).value).toBe('P2'); // k = 0.51, clamped
		expect(liveAnswer('fpn-level', { box: '0,0,112,112' }).value).toBe('P3'); // exactly 3 (eps)
		expect(liveAnswer('fpn-level', { box: '0,0,160,160' }).value).toBe('P3');
		expect(liveAnswer('fpn-level', { box: '0,0,160,160', round: '1' }).value).toBe('P4');
	});

	it('counts anchors per level', () => {
		expect(liveAnswer('anchor-count', { size: '512', level: '2' }).value).toBe(128 * 128 * 3);
		expect(liveAnswer('anchor-count', { size: '512', level: '6' }).value).toBe(8 * 8 * 3);
	});

	it('sigmoid ignores the other channels, softmax does not', () => {
		const logits = '0,1.5,-5,-5,2,-5';
		expect(liveAnswer('sigmoid', { logits, channel: '4' }).value).toBeCloseTo(1 / (1 + Math.exp(-2)), 6);
		const e = [0, 1.5, -5, -5, 2, -5].map(Math.exp);
		expect(liveAnswer('softmax', { logits, channel: '4' }).value).toBeCloseTo(
			e[4] / e.reduce((a, b) => a + b),
			6
		);
	});

	it('names the bad parameter or the unknown answer', () => {
		expect(() => liveAnswer('nope', {})).toThrow(/Unknown live answer "nope"/);
		expect(() => liveAnswer('roi-align', { stride: 'x' })).toThrow(/roi-align: Ignored stride="x"/);
		expect(() => liveAnswer('roi-align', { bin: '2,0' })).toThrow(
			/bin must be "row,column" inside the 2×2 output/
		);
		expect(() => liveAnswer('fpn-level', {})).toThrow(/fpn-level: box must be/);
		expect(() => liveAnswer('anchor-count', { size: '500', level: '2' })).toThrow(/multiple of 32/);
		expect(() => liveAnswer('sigmoid', { logits: '1,a' })).toThrow(/logits must be/);
		expect(() => liveAnswer('sigmoid', { logits: '1,2', channel: '2' })).toThrow(/channel must be 0 to 1/);
	});

	it('matches guesses: numbers within the tolerance, choices by text', () => {
		const n = liveAnswer('roi-align', {});
		expect(guessMatches('-0.85', n, 0.01)).toBe(true);
		expect(guessMatches('-0.80', n, 0.01)).toBe(false);
		expect(guessMatches('', n, 10)).toBe(false);
		expect(guessMatches('49,152', liveAnswer('anchor-count', { size: '512', level: '2' }))).toBe(true);
		expect(guessMatches(' p4 ', liveAnswer('fpn-level', { box: '0,0,224,224' }))).toBe(true);
		expect(guessMatches('P3', liveAnswer('fpn-level', { box: '0,0,224,224' }))).toBe(false);
	});
});

describe('click-a-cell answers', () => {
	it("RoIPool's top-left bin on the torchvision example takes its max (1.6871) from row 2, column 1", () => {
		const a = liveAnswer('roi-pool-argmax', { bin: '0,0' });
		expect(a.value).toBe('2,1');
		expect(a.grid?.rows).toBe(6);
		expect(a.grid?.cols).toBe(6);
		expect(a.grid?.values[2 * 6 + 1]).toBeCloseTo(1.6871, 4); // torchvision prints 1.6871 for output (0, 0)
		expect(guessMatches('2,1', a)).toBe(true);
		expect(guessMatches('1,2', a)).toBe(false);
	});
});

describe('training-targets answers', () => {
	it('an anchor’s label is the sandbox’s (the matcher’s), a rescue only happens below the threshold', () => {
		expect(liveAnswer('anchor-label', { seed: '11', level: '5', at: '96,128' }).value).toBe('positive');
		expect(liveAnswer('anchor-label', { seed: '11', level: '5', at: '300,180' }).value).toBe('ignored');
		expect(liveAnswer('rescue', { seed: '11', boxes: '100,100,104,180' }).value).toBe(
			'its best anchor becomes positive anyway'
		);
		expect(liveAnswer('rescue', { seed: '11', boxes: '32,64,160,192' }).value).toBe(
			'some anchor reaches the threshold'
		);
	});
	it('a proposal over the triangle trains the triangle plane; one over nothing trains none', () => {
		expect(liveAnswer('mask-channel', { seed: '11', roi: '40,70,170,190' }).value).toBe('triangle');
		expect(liveAnswer('mask-channel', { seed: '11', roi: '400,20,500,120' }).value).toBe(
			'none: it is background'
		);
		expect(() => liveAnswer('mask-channel', { seed: '11', roi: 'x' })).toThrow(/roi must be/);
	});
});
