// An embed fits its iframe: a slide has no scrollbar. When the content is taller (or wider) than the frame, first the
// secondary text goes (html[data-fit~="tight"]: the embed layout's stylesheet says what counts as secondary), then
// the typed duplicates of what the picture itself lets you do (~="tighter"), then
// the whole is scaled down with CSS zoom, at its own layout width (READABLE_SCALE keeps 16 px text at 14 px; a
// frame that needs less is marked "small"). Re-fitted whenever the content or the frame changes size.

/** 16 px type scaled to 14 px */
export const READABLE_SCALE = 0.875;
/** below this a figure is no longer worth showing whole; the frame scrolls instead */
export const MIN_SCALE = 0.5;
/** narrower frames are phones and columns, not slides: they scroll, at full size */
export const MIN_FIT_WIDTH = 640;

export interface Fit {
	tight: boolean;
	scale: number;
}

const overflows = (doc: HTMLElement) =>
	doc.scrollHeight > doc.clientHeight || doc.scrollWidth > doc.clientWidth;

/** Fits `root` into the viewport once, synchronously (each try forces a layout); returns what it did. */
export function fitOnce(root: HTMLElement): Fit {
	const doc = document.documentElement;
	doc.removeAttribute('data-fit');
	root.style.zoom = '';
	root.style.width = '';
	if (doc.clientWidth < MIN_FIT_WIDTH || !overflows(doc)) return { tight: false, scale: 1 };
	doc.setAttribute('data-fit', 'tight');
	if (!overflows(doc)) return { tight: true, scale: 1 };
	doc.setAttribute('data-fit', 'tight tighter');
	if (!overflows(doc)) return { tight: true, scale: 1 };
	// the layout width is held at the frame's, so the figures lay out exactly as unscaled (a wider layout would
	// only make responsive figures grow) and the height shrinks in proportion
	const w = doc.clientWidth;
	const need = Math.min(doc.clientHeight / doc.scrollHeight, w / doc.scrollWidth);
	let scale = Math.max(MIN_SCALE, Math.floor(need * 1000) / 1000);
	root.style.width = `${w}px`;
	root.style.zoom = String(scale);
	// rounding of the zoomed boxes can leave a pixel over
	for (let i = 0; i < 4 && overflows(doc) && scale > MIN_SCALE; i++) {
		scale = Math.max(MIN_SCALE, scale - 0.01);
		root.style.zoom = String(scale);
	}
	doc.setAttribute('data-fit', scale < READABLE_SCALE ? 'tight tighter small' : 'tight tighter');
	return { tight: true, scale };
}

/**
 * Keeps `root` fitted as it and the window change size; `onfit` hears each result (the embed exposes it for tests
 * as data attributes). Returns the cleanup.
 */
export function keepFitted(root: HTMLElement, onfit?: (f: Fit) => void): () => void {
	let frame = 0;
	// the fit's own resize is observed once more and refits to the same result, which resizes nothing: no loop
	const refit = () => {
		cancelAnimationFrame(frame);
		frame = requestAnimationFrame(() => onfit?.(fitOnce(root)));
	};
	const ro = new ResizeObserver(refit);
	ro.observe(root);
	for (const child of root.children) ro.observe(child);
	const mo = new MutationObserver(() => {
		for (const child of root.children) ro.observe(child);
		refit();
	});
	mo.observe(root, { childList: true });
	addEventListener('resize', refit);
	refit();
	return () => {
		cancelAnimationFrame(frame);
		ro.disconnect();
		mo.disconnect();
		removeEventListener('resize', refit);
		root.style.zoom = '';
		root.style.width = '';
		document.documentElement.removeAttribute('data-fit');
	};
}
