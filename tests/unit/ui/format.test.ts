import { expect, test } from 'vitest';
import { count, fmt, fmtShort, fmtSigned, tex, texShort } from '../../../src/lib/ui/format';

test('fmt: fixed decimals, ASCII minus, no negative zero', () => {
	expect(fmt(-0.85455352)).toBe('-0.8546');
	expect(fmt(1.6871134)).toBe('1.6871');
	expect(fmt(-0.00001)).toBe('0.0000');
	expect(fmt(-0.4, 0)).toBe('0');
	expect(fmt(NaN)).toBe('NaN');
	expect(fmt(-Infinity)).toBe('-∞');
});

test('fmtShort drops trailing zeros; signed and TeX variants', () => {
	expect(fmtShort(2.5)).toBe('2.5');
	expect(fmtShort(32)).toBe('32');
	expect(fmtShort(0.3125)).toBe('0.3125');
	expect(fmtSigned(0.5, 1)).toBe('+0.5');
	expect(fmtSigned(-0.5, 1)).toBe('-0.5');
	expect(tex(-1.5, 1)).toBe('(-1.5)');
	expect(tex(1.5, 1)).toBe('1.5');
	expect(texShort(-2)).toBe('(-2)');
});

test('count: singular for exactly one, the given plural otherwise, thousands separated', () => {
	expect(count(1, 'point')).toBe('1 point');
	expect(count(0, 'point')).toBe('0 points');
	expect(count(4, 'cell')).toBe('4 cells');
	expect(count(2, 'box', 'boxes')).toBe('2 boxes');
	expect(count(1322, 'object')).toBe('1,322 objects');
});
