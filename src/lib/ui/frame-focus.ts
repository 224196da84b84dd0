// A focus ring for an iframe. When the keyboard moves into an embed, the focus lives in the embed's own document, so
// the iframe never matches :focus and shows no ring — and while a lazily loaded embed is still loading there is
// nothing inside to show one either. The parent sees it only as its window losing focus to that iframe.

/** Svelte attachment: keeps the class `frame-focused` on the iframe while it holds the focus. */
export function frameFocus(frame: HTMLIFrameElement): () => void {
	const update = () => frame.classList.toggle('frame-focused', document.activeElement === frame);
	// the window's blur fires before activeElement points at the iframe
	const later = () => setTimeout(update, 0);
	window.addEventListener('blur', later);
	window.addEventListener('focus', update);
	document.addEventListener('focusin', update);
	return () => {
		window.removeEventListener('blur', later);
		window.removeEventListener('focus', update);
		document.removeEventListener('focusin', update);
	};
}
