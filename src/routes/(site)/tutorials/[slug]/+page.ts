import { error } from '@sveltejs/kit';
import { loadTutorialComponent } from '$lib/tutorial/components';
import type { PageLoad } from './$types';

// The metadata comes from the server load (prerendered); the Markdown component is this tutorial's own chunk.
export const load: PageLoad = async ({ data, params }) => {
	const component = await loadTutorialComponent(params.slug);
	if (!component) error(404, `No tutorial called "${params.slug}"`);
	return { ...data, component };
};
