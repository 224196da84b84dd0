// One embed page per registered panel, prerendered from the registry. The load imports only the requested panel,
// so its HTML is rendered at build time and the page downloads one panel's code.
import { error } from '@sveltejs/kit';
import { PANEL_KINDS, isPanelKind, loadPanel } from '$lib/panels/registry';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => PANEL_KINDS.map((kind) => ({ kind }));

export const load: PageLoad = async ({ params }) => {
	if (!isPanelKind(params.kind)) error(404, `No panel named "${params.kind}"`);
	return { panel: await loadPanel(params.kind) };
};
