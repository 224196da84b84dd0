import { listTutorials } from '$lib/tutorial/catalog.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ tutorials: listTutorials() });
