// The iframe code "Copy embed code" writes, per size. Pure strings (unit-tested): a lecturer pastes it into a slide
// tool, so it must carry a title (screen readers name the frame by it) and load lazily (a deck of ten embeds must not
// run ten models on opening).

export interface EmbedSize {
	id: 'page' | '960x540' | '1280x720' | 'responsive';
	label: string;
	/** fixed pixel size; null for the two sizes that follow the slide's width */
	width: number | null;
	height: number | null;
}

export const EMBED_SIZES: readonly EmbedSize[] = [
	{ id: 'page', label: 'full width, the embed’s own height', width: null, height: null },
	{ id: '960x540', label: '960 × 540 (16:9 slide)', width: 960, height: 540 },
	{ id: '1280x720', label: '1280 × 720 (16:9 slide)', width: 1280, height: 720 },
	{ id: 'responsive', label: 'responsive 16:9', width: null, height: null }
];

export const escapeAttr = (s: string): string =>
	s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The snippet for `src` at `size`; `pageHeight` is the "page" size's height in px. */
export function iframeSnippet(src: string, title: string, size: EmbedSize, pageHeight: number): string {
	const head = `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}"`;
	if (size.id === 'responsive')
		return (
			`<div style="position:relative;width:100%;aspect-ratio:16/9">${head} ` +
			`style="position:absolute;inset:0;width:100%;height:100%;border:0" loading="lazy"></iframe></div>`
		);
	const width = size.width === null ? '100%' : String(size.width);
	const height = size.height ?? Math.round(pageHeight);
	return `${head} width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}
