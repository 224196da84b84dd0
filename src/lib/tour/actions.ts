// Tour actions, done to the page the way a reader would: a click, a tick, a typed value, a slider pulled. Each waits
// for its target (stages draw after a stored run arrives) and fails with an Error that says what it looked for.
import type { TourAction } from './types';

const WAIT_MS = 15_000;
/** the longest a sweep may take; none under prefers-reduced-motion */
export const SWEEP_MS = 280;

function find(selector: string, text?: string): HTMLElement | null {
	for (const el of document.querySelectorAll<HTMLElement>(selector))
		if (text === undefined || el.textContent?.includes(text)) return el;
	return null;
}

/** The first element matching `selector` (whose text contains `text`), once the page has drawn it. */
export function waitFor(selector: string, text?: string, ms = WAIT_MS): Promise<HTMLElement> {
	return new Promise((resolve, reject) => {
		const now = find(selector, text);
		if (now) return resolve(now);
		const timer = setTimeout(() => {
			observer.disconnect();
			reject(new Error(`the page has no ${describe(selector, text)}`));
		}, ms);
		const observer = new MutationObserver(() => {
			const el = find(selector, text);
			if (!el) return;
			clearTimeout(timer);
			observer.disconnect();
			resolve(el);
		});
		observer.observe(document.body, { childList: true, subtree: true, characterData: true });
	});
}

function describe(selector: string, text?: string): string {
	return text === undefined ? `“${selector}”` : `“${selector}” reading “${text}”`;
}

function input(el: HTMLElement, selector: string): HTMLInputElement | HTMLSelectElement {
	if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) return el;
	throw new Error(`“${selector}” is not an input`);
}

function setValue(el: HTMLInputElement | HTMLSelectElement, value: string) {
	el.value = value;
	el.dispatchEvent(new Event('input', { bubbles: true }));
	el.dispatchEvent(new Event('change', { bubbles: true }));
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const frame = () => new Promise((r) => requestAnimationFrame(r));

/** Does one action; `optionalWait` is how long an optional click looks for its target. */
export async function perform(a: TourAction, optionalWait = 1_000): Promise<void> {
	if ('click' in a) {
		const el = await waitFor(a.click, a.text, a.optional ? optionalWait : WAIT_MS).catch((e) => {
			if (a.optional) return null;
			throw e;
		});
		el?.click();
	} else if ('check' in a) {
		const el = input(await waitFor(a.check), a.check);
		if (!(el instanceof HTMLInputElement) || el.type !== 'checkbox')
			throw new Error(`“${a.check}” is not a checkbox`);
		if (el.checked !== a.value) el.click();
	} else if ('set' in a) {
		const el = input(await waitFor(a.set), a.set);
		const value = String(a.value);
		if (el instanceof HTMLSelectElement && ![...el.options].some((o) => o.value === value))
			throw new Error(`“${a.set}” has no option ${value}`);
		setValue(el, value);
	} else if ('nudge' in a) {
		const el = input(await waitFor(a.nudge), a.nudge);
		const v = Number(el.value);
		if (!Number.isFinite(v)) throw new Error(`“${a.nudge}” holds no number`);
		setValue(el, String(v + a.by));
	} else {
		const el = input(await waitFor(a.sweep), a.sweep);
		const from = Number(el.value);
		const frames = reducedMotion() ? 1 : Math.max(1, Math.round(SWEEP_MS / 40));
		for (let i = 1; i <= frames; i++) {
			setValue(el, String(i === frames ? a.to : from + ((a.to - from) * i) / frames));
			if (i < frames) await Promise.race([frame(), new Promise((r) => setTimeout(r, 40))]);
		}
	}
}
