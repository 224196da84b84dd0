import { describe, expect, it } from 'vitest';
import { parseTutorialMeta, slugOf, sortTutorials } from '../../../src/lib/tutorial/front-matter';

const good = {
	title: 'T',
	summary: 'S',
	level: 'beginner',
	minutes: 10,
	toc: [{ id: 'a', text: 'A' }],
	questions: 2
};

describe('tutorial front matter', () => {
	it('reads a complete front matter and the build-time outline', () => {
		const m = parseTutorialMeta('/src/tutorials/my-first.md', { ...good, order: 3 });
		expect(m).toEqual({
			slug: 'my-first',
			title: 'T',
			summary: 'S',
			level: 'beginner',
			minutes: 10,
			order: 3,
			toc: good.toc,
			questions: 2
		});
	});

	it('names the file and the field that is missing or wrong', () => {
		expect(() => parseTutorialMeta('/src/tutorials/a.md', { ...good, title: undefined })).toThrow(
			'Tutorial /src/tutorials/a.md: front matter needs "title"'
		);
		expect(() => parseTutorialMeta('/src/tutorials/a.md', { ...good, level: 'expert' })).toThrow(
			/"level" must be one of beginner/
		);
		expect(() => parseTutorialMeta('/src/tutorials/a.md', { ...good, minutes: '10' })).toThrow(/"minutes"/);
		expect(() => parseTutorialMeta('/src/tutorials/a.md', { ...good, order: 'first' })).toThrow(/"order"/);
		expect(() => parseTutorialMeta('/src/tutorials/a.md', undefined)).toThrow(/no front matter/);
		expect(() => parseTutorialMeta('/src/tutorials/My File.md', good)).toThrow(/lower-case words/);
	});

	it('orders by `order`, then by title; files without an order come last', () => {
		const a = parseTutorialMeta('/x/a.md', { ...good, title: 'Zeta', order: 1 });
		const b = parseTutorialMeta('/x/b.md', { ...good, title: 'Alpha' });
		const c = parseTutorialMeta('/x/c.md', { ...good, title: 'Beta', order: 2 });
		const d = parseTutorialMeta('/x/d.md', { ...good, title: 'Aardvark' });
		expect(sortTutorials([b, d, c, a]).map((t) => t.slug)).toEqual(['a', 'c', 'd', 'b']);
	});

	it('takes the slug from the file name', () => {
		expect(slugOf('/src/tutorials/which-pyramid-level.md')).toBe('which-pyramid-level');
	});
});
