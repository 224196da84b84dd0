// A tutorial's front matter, checked: a teacher who forgets a field gets a build error naming the file and the field.

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export interface TocEntry {
	id: string;
	text: string;
}

export interface TutorialMeta {
	/** The file name without `.md`; the page is /tutorials/<slug>. */
	slug: string;
	title: string;
	summary: string;
	level: Level;
	minutes: number;
	/** Position in the index (smaller first); tutorials without one follow, by title. */
	order: number;
	/** The h2 headings, collected at build time. */
	toc: TocEntry[];
	/** How many predict-then-reveal questions the file has, counted at build time. */
	questions: number;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug of a tutorial file path such as `/src/tutorials/roi-align.md`. */
export function slugOf(path: string): string {
	const name = path.split('/').pop() ?? '';
	return name.replace(/\.md$/, '');
}

/** Validates the metadata mdsvex exported for `path`. */
export function parseTutorialMeta(path: string, raw: unknown): TutorialMeta {
	const slug = slugOf(path);
	const fail = (msg: string): never => {
		throw new Error(`Tutorial ${path}: ${msg}`);
	};
	if (!SLUG.test(slug)) fail(`the file name must be lower-case words joined by dashes (got "${slug}")`);
	if (typeof raw !== 'object' || raw === null)
		fail('it has no front matter (a --- block with title, summary, level, minutes)');
	const m = raw as Record<string, unknown>;
	const text = (key: string): string => {
		const v = m[key];
		if (typeof v !== 'string' || v.trim() === '') fail(`front matter needs "${key}" (text)`);
		return (v as string).trim();
	};
	const level = m.level;
	if (typeof level !== 'string' || !(LEVELS as readonly string[]).includes(level))
		fail(`front matter "level" must be one of ${LEVELS.join(', ')} (got ${JSON.stringify(level)})`);
	const minutes = m.minutes;
	if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0 || minutes > 600)
		fail(`front matter "minutes" must be a number of minutes from 1 to 600 (got ${JSON.stringify(minutes)})`);
	const order = m.order ?? Number.MAX_SAFE_INTEGER;
	if (typeof order !== 'number' || !Number.isFinite(order))
		fail(`front matter "order" must be a number when given (got ${JSON.stringify(m.order)})`);
	const toc = Array.isArray(m.toc)
		? m.toc.filter(
				(t): t is TocEntry =>
					typeof t === 'object' && t !== null && typeof t.id === 'string' && typeof t.text === 'string'
			)
		: [];
	const questions = typeof m.questions === 'number' ? m.questions : 0;
	return {
		slug,
		title: text('title'),
		summary: text('summary'),
		level: level as Level,
		minutes: minutes as number,
		order: order as number,
		toc,
		questions
	};
}

/** Index order: `order` first, then title. */
export function sortTutorials(list: TutorialMeta[]): TutorialMeta[] {
	return [...list].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}
