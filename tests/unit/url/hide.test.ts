import { describe, expect, test } from 'vitest';
import { MAX_QUOTED, parseHide } from '../../../src/lib/url/hide';

const known = ['box', 'stride', 'sr'];
const hide = (value: string) => parseHide(new URLSearchParams({ hide: value }), known);

describe('hide= notice for unknown names', () => {
	test('1,500 unknown names give one short notice that says how many were left out', () => {
		const names = Array.from({ length: 1500 }, (_, i) => `nope${i}`);
		const { hidden, notices } = hide(['box', ...names].join(','));
		expect([...hidden]).toEqual(['box']);
		expect(notices).toHaveLength(1);
		const n = notices[0];
		expect(n.length).toBeLessThan(400);
		for (const name of names.slice(0, MAX_QUOTED)) expect(n).toContain(`"${name}"`);
		expect(n).not.toContain(`"nope${MAX_QUOTED}"`);
		expect(n).toContain(`and ${(1500 - MAX_QUOTED).toLocaleString('en-US')} more`);
		expect(n).toContain('Known names: box, stride, sr.');
	});

	test('a name repeated 1,000 times is quoted once and not counted again', () => {
		const { notices } = hide(Array(1000).fill('x').join(','));
		expect(notices).toEqual(['hide= names no control "x". Known names: box, stride, sr.']);
	});

	test('each quoted name is clipped to 40 characters', () => {
		const long = 'a'.repeat(5000);
		const { notices } = hide(`${long},sr`);
		expect(notices[0]).toContain(`"${'a'.repeat(40)}…"`);
		expect(notices[0]).not.toContain('a'.repeat(41));
		expect(notices[0].length).toBeLessThan(200);
	});

	test('exactly the cap is quoted in full with no "more"', () => {
		const names = Array.from({ length: MAX_QUOTED }, (_, i) => `n${i}`);
		const { notices } = hide(names.join(','));
		expect(notices[0]).not.toContain('more');
		for (const name of names) expect(notices[0]).toContain(`"${name}"`);
	});

	test('stray commas name nothing', () => {
		expect(hide('box,,sr,')).toEqual({ hidden: new Set(['box', 'sr']), notices: [] });
	});
});
