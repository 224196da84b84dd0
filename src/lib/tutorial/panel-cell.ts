// A tutorial panel's attributes → the panel state, through the same strict parsers as the page URLs, so
// `<Panel kind="roi-align" box="10,10,124,124" sr="2" />` means exactly what `/roi-align?box=10,10,124,124&sr=2` means.
// The kinds, their parsers and hide= names come from the panel registry.
import { PANELS, PANEL_KINDS, isPanelKind, type PanelKind, type StateOf } from '$lib/panels/registry';
import { formatState, parseState, type Codec } from '$lib/url/codec';
import { parseHide } from '$lib/url/hide';
import { paramsOf, toQuery } from '$lib/url/query';

export { PANEL_KINDS, isPanelKind, type PanelKind };

/** A cell's kind and its own state (of that kind's type). */
export type PanelCellState = { [K in PanelKind]: { kind: K; state: StateOf<K> } }[PanelKind];

export interface ParsedPanelCell {
	state: PanelCellState;
	hidden: Set<string>;
	notices: string[];
}

// The registry pairs each kind with its codec and defaults; these read any entry through one loose view of it.
type Loose = Record<string, unknown>;
type AnyDef = {
	codec: Codec<Loose>;
	defaults: Loose;
	controls: readonly string[];
	snippet: (s: never) => string;
};
const defOf = (kind: PanelKind) => PANELS[kind] as unknown as AnyDef;

/** Parses a cell's attributes (the URL parameter names, plus `hide`). Throws for an unknown kind. */
export function parsePanelCell(kind: string, attrs: Record<string, string | undefined>): ParsedPanelCell {
	if (!isPanelKind(kind))
		throw new Error(`Panel kind must be one of ${PANEL_KINDS.join(', ')}, got "${kind}"`);
	const q = paramsOf(attrs);
	const def = defOf(kind);
	const h = parseHide(q, def.controls);
	const { state, notices } = parseState(def.codec, q, { defaults: def.defaults });
	return {
		state: { kind, state } as unknown as PanelCellState,
		hidden: h.hidden,
		notices: [...notices, ...h.notices]
	};
}

/** The full-page URL path and query of a cell's current state (for "open in its own page"). */
export function panelCellLink(cell: PanelCellState): { path: `/${PanelKind}`; query: string } {
	const def = defOf(cell.kind);
	return {
		path: `/${cell.kind}`,
		query: toQuery(formatState(def.codec, cell.state as unknown as Loose, { defaults: def.defaults }))
	};
}

/** The PyTorch snippet of a cell's state (the same text the panel's "Copy as PyTorch" button copies). */
export function snippetFor(cell: PanelCellState): string {
	return (defOf(cell.kind).snippet as (s: unknown) => string)(cell.state);
}
