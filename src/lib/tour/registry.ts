// The shipped tours, in the order the landing page lists them.
import type { Tour } from './types';
import { WHOLE_NETWORK } from './tours/whole-network';
import { ROIPOOL_TO_ROIALIGN } from './tours/roipool-to-roialign';

export const TOURS: readonly Tour[] = [WHOLE_NETWORK, ROIPOOL_TO_ROIALIGN];

export function tourById(id: string): Tour | undefined {
	return TOURS.find((t) => t.id === id);
}
