// Presenter mode, `present=1` on any page or embed: projector type, no site chrome, and the keys a slide clicker
// sends (PageUp / PageDown, besides the arrows) step the view. The root layout marks <html data-present>; a widget
// asks presenting() before it takes those keys. Anything but "1" is off, so a stray value changes nothing.

export function presentFromQuery(params: URLSearchParams): boolean {
	return params.get('present') === '1';
}

/** Whether the page on screen is in presenter mode (client only; false while prerendering). */
export function presenting(): boolean {
	return typeof document !== 'undefined' && document.documentElement.hasAttribute('data-present');
}

/** A clicker's or keyboard's "back" / "forward": -1, +1, or 0 for any other key. */
export function stepKey(e: Pick<KeyboardEvent, 'key'>): -1 | 0 | 1 {
	if (e.key === 'ArrowLeft' || e.key === 'PageUp') return -1;
	if (e.key === 'ArrowRight' || e.key === 'PageDown') return 1;
	return 0;
}
