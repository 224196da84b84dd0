// Keyboard movement between a tutorial's cells (headings, panels, questions, code): j / k, like a notebook's
// command mode. Keys typed into a field or a panel control are left alone.

export const NEXT_KEYS = ['j'];
export const PREV_KEYS = ['k'];

/** Is the key event aimed at something that takes text or arrow keys itself? */
export function isTypingTarget(el: EventTarget | null): boolean {
	if (!(el instanceof Element)) return false;
	if (el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
	return false;
}

/** The index of the cell to move to from `current` (−1 = none focused yet), or null to stay. */
export function nextCellIndex(current: number, count: number, step: 1 | -1): number | null {
	if (count === 0) return null;
	if (current < 0) return step === 1 ? 0 : count - 1;
	const next = current + step;
	return next >= 0 && next < count ? next : null;
}
