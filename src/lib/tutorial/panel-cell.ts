// A tutorial panel's attributes → the panel state, through the same strict parsers as the page URLs, so
// `<Panel kind="roi-align" box="10,10,124,124" sr="2" />` means exactly what `/roi-align?box=10,10,124,124&sr=2` means.
// The kinds, their parsers and hide= names come from the panel registry.
import type { FpnState } from '$lib/panels/fpn/fpn-state';
import { PANELS, PANEL_KINDS, isPanelKind, type PanelKind } from '$lib/panels/registry';
import type { RoiState } from '$lib/panels/roi/roi-state';
import { formatState, parseState } from '$lib/url/codec';
import { parseHide } from '$lib/url/hide';
import { paramsOf, toQuery } from '$lib/url/query';

export { PANEL_KINDS, isPanelKind, type PanelKind };

export type PanelCellState =
	{ kind: Exclude<PanelKind, 'fpn-levels'>; roi: RoiState } | { kind: 'fpn-levels'; fpn: FpnState };

export interface ParsedPanelCell {
	state: PanelCellState;
	hidden: Set<string>;
	notices: string[];
}

/** Parses a cell's attributes (the URL parameter names, plus `hide`). Throws for an unknown kind. */
export function parsePanelCell(kind: string, attrs: Record<string, string | undefined>): ParsedPanelCell {
	if (!isPanelKind(kind))
		throw new Error(`Panel kind must be one of ${PANEL_KINDS.join(', ')}, got "${kind}"`);
	const q = paramsOf(attrs);
	const h = parseHide(q, PANELS[kind].controls);
	if (kind === 'fpn-levels') {
		const def = PANELS[kind];
		const { state, notices } = parseState(def.codec, q, { defaults: def.defaults });
		return { state: { kind, fpn: state }, hidden: h.hidden, notices: [...notices, ...h.notices] };
	}
	const def = PANELS[kind];
	const { state, notices } = parseState(def.codec, q, { defaults: def.defaults });
	return { state: { kind, roi: state }, hidden: h.hidden, notices: [...notices, ...h.notices] };
}

/** The full-page URL path and query of a cell's current state (for "open in its own page"). */
export function panelCellLink(state: PanelCellState): { path: `/${PanelKind}`; query: string } {
	const entries =
		state.kind === 'fpn-levels'
			? formatState(PANELS[state.kind].codec, state.fpn, { defaults: PANELS[state.kind].defaults })
			: formatState(PANELS[state.kind].codec, state.roi, { defaults: PANELS[state.kind].defaults });
	return { path: `/${state.kind}`, query: toQuery(entries) };
}

/** The PyTorch snippet of a cell's state (the same text the panel's "Copy as PyTorch" button copies). */
export function snippetFor(cell: PanelCellState): string {
	return cell.kind === 'fpn-levels'
		? PANELS[cell.kind].snippet(cell.fpn)
		: PANELS[cell.kind].snippet(cell.roi);
}
