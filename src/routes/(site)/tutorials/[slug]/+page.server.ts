import { error } from '@sveltejs/kit';
import { findTutorial, listTutorials } from '$lib/tutorial/catalog.server';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => listTutorials().map((t) => ({ slug: t.slug }));

export const load: PageServerLoad = ({ params }) => {
	const meta = findTutorial(params.slug);
	if (!meta) error(404, `No tutorial called "${params.slug}"`);
	return { meta };
};
