import { compile } from 'mdsvex';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import {
	rehypeFocusableCode,
	rehypeKatexSvelte,
	rehypeTutorialOutline,
	slugify
} from '../../../src/lib/tutorial/markdown-plugins.js';

async function build(md: string) {
	const out = await compile(md, {
		remarkPlugins: [remarkMath],
		rehypePlugins: [rehypeKatexSvelte, rehypeTutorialOutline, rehypeFocusableCode]
	});
	if (!out) throw new Error('mdsvex returned nothing');
	return out.code;
}

describe('tutorial Markdown plugins', () => {
	it('typesets math at build time inside {@html}, so braces never reach Svelte as expressions', async () => {
		const code = await build('Inline $\\frac{a}{b}$ here.\n\n$$\nx_{00}\n$$\n');
		expect(code).toContain('{@html "<span class=\\"katex\\">');
		expect(code).toContain('katex-display');
		expect(code).not.toMatch(/class="math-inline"/);
	});

	it('makes code blocks focusable regions, so a keyboard can scroll a long line', async () => {
		const code = await build('Text.\n\n```python\nx = 1\n```\n\n```\nplain = 2\n```\n');
		const pres = code.match(/<pre[^>]*>/g) ?? [];
		expect(pres.length).toBe(2);
		for (const p of pres) expect(p).toMatch(/tabindex="0" role="region" aria-label="code"/);
	});

	it('fails the build on bad TeX, naming the formula', async () => {
		await expect(build('Bad $\\frac{a$ math.')).rejects.toThrow(/bad TeX "\\frac\{a"/);
	});

	it('collects h2 headings (with unique ids) and counts questions into the metadata', async () => {
		const code = await build(
			'---\ntitle: T\n---\n\n## One thing\n\n<Predict id="a" answer="1">\nQ\n</Predict>\n\n## One thing\n\n<Predict id="b" answer="2" />\n'
		);
		expect(code).toContain('<h2 id="one-thing">');
		expect(code).toContain('<h2 id="one-thing-2">');
		expect(code).toContain(
			'"toc":[{"id":"one-thing","text":"One thing"},{"id":"one-thing-2","text":"One thing"}]'
		);
		expect(code).toContain('"questions":2');
	});

	it('slugs headings', () => {
		expect(slugify('1. Input & transform')).toBe('1-input-transform');
		expect(slugify('RoIAlign: sample, don’t round')).toBe('roialign-sample-don-t-round');
		expect(slugify('???')).toBe('section');
	});
});
