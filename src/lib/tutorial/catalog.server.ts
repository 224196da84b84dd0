// Every Markdown file in src/tutorials is a tutorial: adding one is adding a file. Only the metadata is read here,
// at build time (the index and the pages are prerendered), so the index page never downloads the tutorials' code.
import { parseTutorialMeta, sortTutorials, type TutorialMeta } from './front-matter';

const metadata = import.meta.glob('/src/tutorials/*.md', { eager: true, import: 'metadata' });

export function listTutorials(): TutorialMeta[] {
	return sortTutorials(Object.entries(metadata).map(([path, raw]) => parseTutorialMeta(path, raw)));
}

export function findTutorial(slug: string): TutorialMeta | undefined {
	return listTutorials().find((t) => t.slug === slug);
}
