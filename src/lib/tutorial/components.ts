// The compiled tutorial components, loaded on demand: a tutorial page downloads only its own file's code.
import type { Component } from 'svelte';

const modules = import.meta.glob<{ default: Component }>('/src/tutorials/*.md');

export async function loadTutorialComponent(slug: string): Promise<Component | null> {
	const load = modules[`/src/tutorials/${slug}.md`];
	return load ? (await load()).default : null;
}
