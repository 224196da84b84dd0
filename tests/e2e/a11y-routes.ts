// Every route the accessibility test visits, derived from the site's own lists (navigation, panel registry,
// tutorial files, stepper stages), so a new page, embed, tutorial or stage is covered without editing the test.
import { readdirSync } from 'node:fs';
import { NAV } from '../../src/lib/site/nav';
import { PANEL_KINDS } from '../../src/lib/panels/registry';
// stages.ts imports the stage components; the overview's node lists name every stage without them
import { OFF_CHAIN, OVERVIEW_NODES } from '../../src/lib/stepper/overview/overview-view';

const STAGE_IDS = [...OVERVIEW_NODES, ...OFF_CHAIN].map((n) => n.id);

export interface Route {
	path: string;
	/** the page runs the live model: wait for its result */
	live?: boolean;
	/** a stepper stage: wait until it has drawn */
	stage?: number;
}

export function a11yRoutes(): Route[] {
	const tutorials = readdirSync('src/tutorials')
		.filter((f) => f.endsWith('.md') && !f.startsWith('e2e-'))
		.map((f) => ({ path: `/tutorials/${f.replace(/\.md$/, '')}` }));
	return [
		{ path: '/' },
		...NAV.filter((n) => n.path !== '/stepper').map((n) => ({
			path: n.path as string,
			live: n.path === '/model'
		})),
		...tutorials,
		...PANEL_KINDS.map((k) => ({ path: `/embed/${k}` })),
		{ path: '/embed/roi-align-pair' },
		{ path: '/embed/overview' },
		...STAGE_IDS.map((id) => ({ path: `/stepper?stage=${id}`, stage: id })),
		{ path: '/embed/model?stage=10', stage: 10 }
	];
}
