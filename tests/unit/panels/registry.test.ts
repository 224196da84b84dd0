import { describe, expect, test } from 'vitest';
import { PANEL_KINDS, PANELS, isPanelKind, loadPanel } from '../../../src/lib/panels/registry';
import { formatState, parseState } from '../../../src/lib/url/codec';

// Every registered panel yields a page, an embed, a tutorial cell and a snippet from its one entry.
describe.each(PANEL_KINDS)('panel %s', (kind) => {
	const def = PANELS[kind];
	test('defaults make a short URL, and the full URL parses back to them with no notice', () => {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the entry's codec and defaults belong together
		const d = def as any;
		expect(formatState(d.codec, d.defaults, { defaults: d.defaults })).toEqual([]);
		const full = new URLSearchParams(formatState(d.codec, d.defaults, { defaults: d.defaults, full: true }));
		// every field with a default (optional ones, like a picked anchor, start unset)
		expect([...full.keys()].length).toBe(Object.values(d.defaults).filter((v) => v !== undefined).length);
		expect(parseState(d.codec, full, { defaults: d.defaults })).toEqual({ state: d.defaults, notices: [] });
	});
	test('its hide= names, its snippet and its component', async () => {
		expect(def.kind).toBe(kind);
		expect(def.controls).toContain('pytorch');
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		expect((def.snippet as any)(def.defaults)).toMatch(/import torch/);
		expect(isPanelKind(kind)).toBe(true);
		const p = await loadPanel(kind);
		expect(p.kind).toBe(kind);
		expect(typeof p.component).toBe('function');
	});
});

test('unknown kinds are not panels', () => {
	expect(isPanelKind('roi-align-pair')).toBe(false);
	expect(isPanelKind('__proto__')).toBe(false);
});
