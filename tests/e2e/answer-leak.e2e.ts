// No predict-then-reveal question may be answered by the page above it or by its own wording (issue 15). For every
// <Predict> of every tutorial: its answer (the fixed answer= or the live answer the ops compute) must not appear in
// the prerendered HTML before the question, nor in the question's text. A choice answer counts as given away only
// when the text singles it out: naming every choice (as "P2 to P5" does) gives nothing away.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import { liveAnswer } from '../../src/lib/tutorial/live-answers';

const DIR = 'src/tutorials';
const TUTORIALS = readdirSync(DIR).filter((f) => f.endsWith('.md'));

interface Question {
	id: string;
	attrs: Record<string, string>;
	/** the Markdown between <Predict …> and </Predict>: the question itself */
	wording: string;
}

function questionsOf(md: string): Question[] {
	return [...md.matchAll(/<Predict\s([^>]*)>([\s\S]*?)<\/Predict>/g)].map(([, raw, wording]) => {
		const attrs = Object.fromEntries([...raw.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
		return { id: attrs.id, attrs, wording };
	});
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
/** What a reader sees of some HTML: no tags, scripts or styles; entities decoded; one space between words. */
export function visibleText(html: string): string {
	return html
		.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(
			/&(#?\w+);/g,
			(m, e: string) => ENTITIES[e] ?? (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m)
		)
		.replace(/\s+/g, ' ')
		.toLowerCase();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `phrase` as a whole word or number (so "128" is not found in "1280", nor "P2" in "P23"). */
const has = (text: string, phrase: string) =>
	new RegExp(`(?<![\\w.])${escape(phrase.toLowerCase().trim())}(?![\\w]|\\.\\d)`).test(text);

/**
 * Why the answer is given away in `text`, or null. `strict` (the question's own section and wording): a choice
 * counts as given away when it appears and fewer than half the other choices do (naming the two things compared,
 * "AP50 … AP75", is fair; naming only the answer is not); otherwise (the whole page above) only when it appears and
 * no other choice does, since earlier sections name the options as they teach them.
 */
export function leak(q: Question, answer: string, text: string, strict: boolean): string | null {
	const choices = q.attrs.choices?.split('|').map((c) => c.trim());
	if (!choices) {
		// small numbers ("4 px", "0.5") turn up everywhere: the whole page is searched for longer ones only
		const digits = answer.replace(/\D/g, '').replace(/^0+/, '').length;
		return (strict || digits >= 3) && has(text, answer) ? `the number ${answer} appears` : null;
	}
	const others = choices.filter((c) => c.toLowerCase() !== answer.toLowerCase());
	const named = others.filter((c) => has(text, c)).length;
	if (has(text, answer) && (strict ? 2 * named < others.length : named === 0))
		return `"${answer}" appears${strict ? ', most other choices do not' : ', no other choice'}`;
	// a number inside the right choice ("About 5.5 points") that no wrong choice has
	for (const n of answer.match(/(?<![A-Za-z])\d+(\.\d+)?(?![A-Za-z])/g) ?? [])
		if (!others.some((c) => c.includes(n)) && has(text, n)) return `the number ${n} of "${answer}" appears`;
	return null;
}

/** The HTML of the question's own section: from the last heading before it. */
function sectionBefore(html: string, at: number): string {
	const start = Math.max(html.lastIndexOf('<h2', at), html.lastIndexOf('<h3', at), 0);
	return html.slice(start, at);
}

describe.each(TUTORIALS)('%s', (file) => {
	const slug = file.replace(/\.md$/, '');
	const questions = questionsOf(readFileSync(`${DIR}/${file}`, 'utf8'));

	test('no question is answered above it or by its own wording', async () => {
		const html = await (await fetch(`${inject('baseUrl')}/tutorials/${slug}`)).text();
		const found: string[] = [];
		for (const q of questions) {
			if (q.attrs.kind === 'cell') continue; // the answer is a place on a map, not a text
			const answer = q.attrs.live ? liveAnswer(q.attrs.live, q.attrs).text : q.attrs.answer;
			expect(answer, `${q.id} has an answer`).toBeTruthy();
			const at = html.indexOf(`data-testid="predict-${q.id}"`);
			expect(at, `${q.id} is in the prerendered page`).toBeGreaterThan(0);
			const checks: [string, string, boolean][] = [
				['on the page above it', html.slice(0, at), false],
				['in its section', sectionBefore(html, at), true],
				['in its own wording', q.wording, true]
			];
			for (const [where, part, strict] of checks) {
				const why = leak(q, answer!, visibleText(part), strict);
				if (why) found.push(`${q.id}: ${where}, ${why}`);
			}
		}
		expect(found).toEqual([]);
	});
});

describe('the leak check itself', () => {
	const q = (attrs: Record<string, string>): Question => ({ id: 'x', attrs, wording: '' });
	test('finds a number or a singled-out choice, and not a choice named with all the others', () => {
		expect(leak(q({}), '128', 'the map is 128 cells wide', false)).not.toBeNull();
		expect(leak(q({}), '128', 'the map is 1280 px', true)).toBeNull();
		expect(leak(q({}), '0.5', 'a score of 0.55', true)).toBeNull();
		expect(leak(q({}), '0.5', 'a threshold of 0.5', true)).not.toBeNull();
		expect(leak(q({}), '0.5', 'a threshold of 0.5', false)).toBeNull();
		const levels = q({ choices: 'P2|P3|P4|P5' });
		expect(leak(levels, 'P3', 'boxes go to p2, p3, p4 or p5; this one to p3', true)).toBeNull();
		expect(leak(levels, 'P3', 'this box goes to p3', false)).not.toBeNull();
		expect(leak(levels, 'P3', 'p2 is the finest; this goes to p3', true)).not.toBeNull();
		expect(leak(levels, 'P3', 'p2 is the finest; this goes to p3', false)).toBeNull();
		const points = q({ choices: 'About 1 point|About 5.5 points|About 15 points' });
		expect(leak(points, 'About 5.5 points', 'from 24.8 to 30.3, a gain of 5.5', false)).not.toBeNull();
		expect(leak(points, 'About 5.5 points', 'from 24.8 to 30.3', false)).toBeNull();
	});
	test('reads the text a reader sees', () => {
		expect(visibleText('<p>A&nbsp;<b>b</b></p><script>c = 1</script><style>.d{}</style>&#65;')).toBe(
			' a b a'
		);
	});
});
