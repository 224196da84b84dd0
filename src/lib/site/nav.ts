import type { Pathname } from '$app/types';

/** The site's pages in reading order; the header and the landing page both list them. */
export interface NavItem {
	path: Pathname;
	title: string;
	blurb: string;
}

export const NAV: NavItem[] = [];
