// tour=<id>&step=N (N from 1, as the card counts): which tour a link opens and where. A bad value never stops the
// page: an unknown tour is ignored with a notice, a bad step starts the tour at its first step and says so.
import { parseInteger } from '$lib/url/grammar';
import { mergeQuery } from '$lib/url/query';
import { tourById } from './registry';
import type { Tour } from './types';

export const TOUR_KEYS = ['tour', 'step'] as const;

export interface TourLink {
	tour: Tour | null;
	/** 0-based */
	index: number;
	notices: string[];
}

export function parseTourQuery(params: URLSearchParams): TourLink {
	const id = params.get('tour');
	if (id === null) return { tour: null, index: 0, notices: [] };
	const tour = tourById(id);
	if (!tour) return { tour: null, index: 0, notices: [`There is no tour called “${clip(id)}”.`] };
	const raw = params.get('step');
	if (raw === null) return { tour, index: 0, notices: [] };
	const n = parseInteger(raw, 1, tour.steps.length);
	if (n === null)
		return {
			tour,
			index: 0,
			notices: [`step= should be a whole number from 1 to ${tour.steps.length}; starting at step 1.`]
		};
	return { tour, index: n - 1, notices: [] };
}

/** `search` with the tour's keys set to this step (or removed when `tour` is null). */
export function withTour(search: string, tour: Tour | null, index = 0): string {
	return mergeQuery(
		search,
		TOUR_KEYS,
		tour
			? [
					['tour', tour.id],
					['step', String(index + 1)]
				]
			: []
	);
}

/** Whether every parameter of `wanted` has that value in `search` (other parameters may be there too). */
export function queryHas(search: string, wanted: URLSearchParams): boolean {
	const have = new URLSearchParams(search);
	for (const [k, v] of wanted) if (have.get(k) !== v) return false;
	return true;
}

const clip = (s: string) => (s.length > 40 ? s.slice(0, 40) + '…' : s);
