// One way to turn whatever was thrown into the sentence a page shows in place.

/** The message of an Error, or the thrown value as text (a rejected promise may carry anything). */
export function messageOf(e: unknown): string {
	if (e instanceof Error) return e.message || e.name;
	if (typeof e === 'string') return e;
	try {
		return String(e);
	} catch {
		return 'unknown error';
	}
}
