import { expectParts } from '../../helpers/expect-parts';
import { describe, expect, test } from 'vitest';
import { anchorTex } from '../../../src/lib/stepper/stages/anchors/anchors-tex';
import { anchorsAt, locationAt } from '../../../src/lib/stepper/stages/anchors/anchor-view';
import { smallRpn } from '../../helpers/stepper-fixture';

const { levels, anchors } = smallRpn();
const ratios = [0.5, 1, 2];

/** The formula the stage shows for ratio k at the location nearest (x, y) of level P3 (stride 8, size 32). */
function p3Tex(x: number, y: number, k: number) {
	const p3 = levels[1];
	const loc = locationAt(p3, x, y);
	const at = anchorsAt(anchors, p3, loc, [32], ratios);
	return anchorTex({
		size: 32,
		ratio: ratios[k],
		cell: p3.cellAnchors.subarray(4 * k, 4 * k + 4),
		loc,
		stride: p3.stride,
		box: at[k].box
	});
}

describe('anchorTex', () => {
	test('the square anchor at row 3, column 5 of P3: size, cell, centre and box carry the numbers', () => {
		const s = p3Tex(41, 23, 1);
		expect(s.startsWith('\\begin{aligned}')).toBe(true);
		expect(s.endsWith('\\end{aligned}')).toBe(true);
		expectParts(s, [
			'w &= \\frac{s}{\\sqrt{r}} = \\frac{32}{\\sqrt{1}} = 32.00',
			'h &= s\\sqrt{r} = 32 \\cdot \\sqrt{1} = 32.00',
			'= (-16, -16, 16, 16)',
			'= (5 \\cdot 8,\\; 3 \\cdot 8) = (40, 24)',
			'&= (24, 8, 56, 40)'
		]);
	});

	test('ratio 2 is tall: the unrounded sides, and negative corners in parentheses', () => {
		const s = p3Tex(0, 0, 2);
		expectParts(s, [
			'\\frac{32}{\\sqrt{2}} = 22.63',
			'32 \\cdot \\sqrt{2} = 45.25',
			'= (0 \\cdot 8,\\; 0 \\cdot 8) = (0, 0)'
		]);
		// the box at the origin is the cell anchor itself: (x1, y1) negative
		const cell = Array.from(levels[1].cellAnchors.subarray(8, 12));
		expect(s).toContain(`&= (${cell.map((v) => (v < 0 ? `(${v})` : `${v}`)).join(', ')})`);
		expect(s).toContain(`= (${cell.join(', ')})\\\\`);
	});

	test('rows are in order: w, h, cell, centre, anchor', () => {
		const rows = p3Tex(100, 60, 0).split('\\\\');
		expect(rows).toHaveLength(6);
		expect(rows[0]).toMatch(/^\\begin\{aligned\}w &=/);
		expect(rows[1]).toMatch(/^h &=/);
		expect(rows[2]).toMatch(/^\\text\{cell\}/);
		expect(rows[3]).toMatch(/^\(c_x, c_y\)/);
		expect(rows[4]).toMatch(/^\\text\{anchor\}/);
	});
});
