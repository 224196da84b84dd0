// Per-tutorial progress in the browser: the guesses a student committed, kept in localStorage under a versioned key
// so a reload keeps the revealed answers. One instance per tutorial page (shared with its cells through context).
import { getContext, setContext } from 'svelte';

const KEY_PREFIX = 'mrcnn-explainer/tutorial/';
const VERSION = 1;

export interface SavedProgress {
	/** Question id → the committed guess, as typed or chosen. */
	answers: Record<string, string>;
	/** How many questions the tutorial had when this was saved (the index shows "k of n"). */
	total: number;
}

export function progressKey(slug: string): string {
	return `${KEY_PREFIX}${slug}/v${VERSION}`;
}

/** Reads a saved record; anything malformed (hand-edited, older format) counts as no progress. */
export function parseSavedProgress(json: string | null): SavedProgress {
	const empty: SavedProgress = { answers: {}, total: 0 };
	if (!json) return empty;
	try {
		const v = JSON.parse(json) as unknown;
		if (typeof v !== 'object' || v === null) return empty;
		const { answers, total } = v as Record<string, unknown>;
		const out: Record<string, string> = {};
		if (typeof answers === 'object' && answers !== null)
			for (const [k, a] of Object.entries(answers)) if (typeof a === 'string' && a.length <= 200) out[k] = a;
		return { answers: out, total: typeof total === 'number' && total >= 0 ? Math.floor(total) : 0 };
	} catch {
		return empty;
	}
}

/** localStorage if the browser lets us use it (private modes and sandboxed iframes may not). */
export function browserStorage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

export class TutorialProgress {
	answers = $state<Record<string, string>>({});
	readonly slug: string;
	readonly total: number;
	private storage: Storage | null;

	constructor(slug: string, total: number, storage: Storage | null = null) {
		this.slug = slug;
		this.total = total;
		this.storage = storage;
	}

	get answered(): number {
		return Object.keys(this.answers).length;
	}

	/** Reads the saved guesses (call once the page is in the browser). */
	load(storage: Storage | null): void {
		this.storage = storage;
		this.answers = parseSavedProgress(this.read()).answers;
	}

	answer(id: string, guess: string): void {
		this.answers = { ...this.answers, [id]: guess };
		this.write();
	}

	reset(): void {
		this.answers = {};
		try {
			this.storage?.removeItem(progressKey(this.slug));
		} catch {
			// storage refused: the in-page reset still happened
		}
	}

	private read(): string | null {
		try {
			return this.storage?.getItem(progressKey(this.slug)) ?? null;
		} catch {
			return null;
		}
	}

	private write(): void {
		const saved: SavedProgress = { answers: this.answers, total: this.total };
		try {
			this.storage?.setItem(progressKey(this.slug), JSON.stringify(saved));
		} catch {
			// full or refused: progress lives for this visit only
		}
	}
}

const CONTEXT = Symbol('tutorial-progress');

export function setTutorialProgress(p: TutorialProgress): void {
	setContext(CONTEXT, p);
}

/** The surrounding tutorial's progress, or null when a cell is used on an ordinary page. */
export function getTutorialProgress(): TutorialProgress | null {
	return getContext<TutorialProgress | undefined>(CONTEXT) ?? null;
}
