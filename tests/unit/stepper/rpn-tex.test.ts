import { describe, expect, test } from 'vitest';
import { fmt, fmtShort } from '../../../src/lib/ui/format';
import { decodeTex } from '../../../src/lib/stepper/stages/rpn/rpn-tex';
import {
	decodeSteps,
	proposalOrigins,
	type ProposalOrigin
} from '../../../src/lib/stepper/stages/rpn/rpn-view';
import { smallRpn } from '../../helpers/stepper-fixture';

// a hand-made proposal: a 20×10 anchor centred on (20, 15), moved right by half its width, widened by e^0.1
const made: ProposalOrigin = {
	roi: 0,
	candidate: 0,
	anchorIndex: 0,
	level: 2,
	anchor: [10, 10, 30, 20],
	deltas: [0.5, -0.25, 0.1, 0],
	box: [0, 0, 0, 0],
	score: 0.75
};

describe('decodeTex', () => {
	test('each row carries the anchor, the deltas and the decoded numbers', () => {
		const s = decodeSteps(made);
		const t = decodeTex({ ...made, box: s.unclipped }, { ...s, clipped: false }, 1.0986, [128, 120]);
		expect(t.startsWith('\\begin{aligned}')).toBe(true);
		expect(t.endsWith('\\end{aligned}')).toBe(true);
		expect(t).toContain('w_a &= 20,\\ h_a = 10,\\ (x_a, y_a) = (20, 15)');
		expect(t).toContain('x &= x_a + d_x w_a = 20 + 0.500 \\cdot 20 = 30.00');
		expect(t).toContain('y &= y_a + d_y h_a = 15 + (-0.250) \\cdot 10 = 12.50');
		expect(t).toContain(`w &= w_a\\, e^{d_w} = 20 \\cdot e^{0.100} = ${fmt(20 * Math.exp(0.1), 2)}`);
		expect(t).toContain('h &= h_a\\, e^{d_h} = 10 \\cdot e^{0.000} = 10.00');
		expect(t).toContain('\\sigma(1.099) = 0.7500');
		expect(t).not.toContain('clip to');
	});

	test('a clipped box gets the clipping row with the image size and the final box', () => {
		const s = { ...decodeSteps(made), clipped: true };
		const t = decodeTex({ ...made, box: [18.9, 7.5, 31.2, 17.5] }, s, -2, [128, 120]);
		expect(t).toContain('\\xrightarrow{\\text{clip to } 128\\times120} (18.9,\\ 7.5,\\ 31.2,\\ 17.5)');
		expect(t).toContain('\\sigma((-2.000))');
		// clipping comes after the unclipped box and before the score
		const rows = t.split('\\\\');
		expect(rows.at(-2)).toContain('clip to');
		expect(rows.at(-1)).toMatch(/^\\text\{score\}/);
	});

	test('on the fixture RPN: the unclipped box of decodeSteps, and a clip row exactly when clipping changed it', () => {
		const { anchors, deltas, logits, proposals } = smallRpn();
		const origins = proposalOrigins(proposals, anchors, deltas, 50);
		for (const o of origins) {
			const s = decodeSteps(o);
			const t = decodeTex(o, s, logits[o.anchorIndex], [128, 120]);
			expect(t).toContain(
				`&= (${s.unclipped.map((v) => fmtShort(v, 1).replace(/^(-.*)$/, '($1)')).join(',\\ ')})`
			);
			expect(t.includes('clip to')).toBe(s.clipped);
			expect(t).toContain(`= ${fmt(o.score, 4)}\\end{aligned}`);
		}
		expect(origins.some((o) => decodeSteps(o).clipped)).toBe(true);
	});
});
