import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TOURS, tourById } from '../../../src/lib/tour/registry';
import { parseTourQuery, queryHas, withTour } from '../../../src/lib/tour/tour-url';
import { STAGES } from '../../../src/lib/stepper/stages';

// A sentence ends at . ! or ? followed by a space or the end; "aligned=False," and "7×7" are not ends.
const sentences = (s: string) => s.split(/[.!?](?:\s+|$)/).filter((x) => x.trim()).length;
const page = (at: string) => new URL(at, 'http://x').pathname;
const routeFile = (path: string) => `src/routes/(site)${path === '/' ? '' : path}/+page.svelte`;

describe('the shipped tours', () => {
	test('the whole network has 12 steps: the overview, then every stage in order', () => {
		const t = tourById('whole-network')!;
		expect(t.steps).toHaveLength(12);
		expect(page(t.steps[0].at)).toBe('/');
		const tabs = t.steps.slice(1).map((s) => JSON.stringify(s.enter));
		expect(tabs).toEqual(STAGES.map((s) => JSON.stringify([{ click: `[data-testid="stage-tab-${s.id}"]` }])));
		// each points at its stage, or at a part of it
		t.steps
			.slice(1)
			.forEach((s, i) => expect(s.point?.startsWith(`[data-testid="stage-${STAGES[i].slug}"]`)).toBe(true));
	});

	test.each(TOURS.flatMap((t) => t.steps.map((s, i) => [t.id, i + 1, s] as const)))(
		'%s step %i: one to three sentences, on a page that exists, with its action labelled',
		(_id, _n, s) => {
			expect(sentences(s.text)).toBeGreaterThanOrEqual(1);
			expect(sentences(s.text)).toBeLessThanOrEqual(3);
			if (s.after) expect(sentences(s.after)).toBeLessThanOrEqual(2);
			expect(existsSync(routeFile(page(s.at)))).toBe(true);
			if (s.act) {
				expect(s.act.label.length).toBeGreaterThan(3);
				expect(s.act.run.length).toBeGreaterThan(0);
				// what changed is said once it has happened
				expect(s.after).toBeTruthy();
			}
		}
	);

	test('tour ids are unique and titles say what they show', () => {
		expect(new Set(TOURS.map((t) => t.id)).size).toBe(TOURS.length);
		expect(TOURS.map((t) => t.title)).toEqual([
			'The whole network in 12 steps',
			'RoIPool → RoIAlign on a real object'
		]);
	});
});

describe('tour= and step= in the address', () => {
	const q = (s: string) => parseTourQuery(new URLSearchParams(s));

	test('a tour and a step from 1', () => {
		const link = q('tour=whole-network&step=5');
		expect(link.tour?.id).toBe('whole-network');
		expect(link.index).toBe(4);
		expect(link.notices).toEqual([]);
		expect(q('tour=whole-network').index).toBe(0);
		expect(q('seed=3').tour).toBeNull();
	});

	test('an unknown tour is ignored with a notice; a bad step starts at step 1 and says so', () => {
		expect(q('tour=nope')).toEqual({ tour: null, index: 0, notices: ['There is no tour called “nope”.'] });
		for (const step of ['0', '13', '2.5', '', 'x', '-1']) {
			const link = q(`tour=whole-network&step=${step}`);
			expect(link.index).toBe(0);
			expect(link.notices[0]).toMatch(/^step= should be a whole number from 1 to 12/);
		}
		expect(q('tour=' + 'x'.repeat(500)).notices[0].length).toBeLessThan(80);
	});

	test('withTour sets or removes only the tour keys; queryHas checks a step’s own parameters', () => {
		const t = tourById('whole-network')!;
		expect(withTour('?stage=5&seed=9', t, 2)).toBe('?tour=whole-network&step=3&stage=5&seed=9');
		expect(withTour('?tour=whole-network&step=3&stage=5', null)).toBe('?stage=5');
		expect(withTour('?tour=x&step=1', null)).toBe('');
		const want = new URL('/compare?box=56,40,232,200&stride=16', 'http://x').searchParams;
		expect(queryHas('?tour=a&box=56,40,232,200&stride=16&out=7', want)).toBe(true);
		expect(queryHas('?box=64,40,240,200&stride=16', want)).toBe(false);
	});
});
