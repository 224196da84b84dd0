import { describe, expect, it } from 'vitest';
import { EMBED_SIZES, iframeSnippet } from '$lib/ui/embed-snippet';

const size = (id: string) => EMBED_SIZES.find((s) => s.id === id)!;
const SRC = 'https://example.org/embed/model?stage=9&seed=2502&hide=status,prose';

/** Parse the snippet as a browser would: every attribute of the iframe, and its wrapper's style when there is one. */
function parse(html: string) {
	const m = /<iframe ([^>]*)><\/iframe>/.exec(html);
	if (!m) throw new Error(`no iframe in ${html}`);
	const attrs = Object.fromEntries(
		[...m[1].matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [
			k,
			v.replace(/&amp;/g, '&').replace(/&quot;/g, '"')
		])
	);
	return { attrs, wrapper: /^<div style="([^"]*)">/.exec(html)?.[1] ?? null };
}

describe('iframeSnippet', () => {
	it('fixed 16:9 sizes write their pixels, a title and loading="lazy"', () => {
		for (const [id, w, h] of [
			['960x540', '960', '540'],
			['1280x720', '1280', '720']
		]) {
			const { attrs, wrapper } = parse(iframeSnippet(SRC, 'Stage 9', size(id), 900));
			expect(attrs).toMatchObject({ src: SRC, title: 'Stage 9', width: w, height: h, loading: 'lazy' });
			expect(wrapper).toBeNull();
		}
	});

	it('"page" is the full width at the embed\'s own height, rounded', () => {
		const { attrs } = parse(iframeSnippet(SRC, 't', size('page'), 812.6));
		expect(attrs).toMatchObject({ width: '100%', height: '813' });
	});

	it('responsive 16:9 is a wrapper with an aspect ratio and an iframe filling it', () => {
		const { attrs, wrapper } = parse(iframeSnippet(SRC, 't', size('responsive'), 900));
		expect(wrapper).toContain('aspect-ratio:16/9');
		expect(attrs.style).toContain('width:100%;height:100%');
		expect(attrs.width).toBeUndefined();
		expect(attrs.loading).toBe('lazy');
	});

	it('escapes what would end the attribute: a title with quotes and an & in the address stay one attribute', () => {
		const html = iframeSnippet('/e?a=1&b="2"', 'He said "stage <9>"', size('960x540'), 900);
		expect(html).not.toContain('"2"');
		expect(html).not.toContain('<9>');
		const { attrs } = parse(html);
		expect(attrs.src).toBe('/e?a=1&b="2"');
		expect(attrs.title).toBe('He said "stage &lt;9&gt;"');
	});
});
