// A tutorial panel's attributes → the panel state, through the same strict parsers as the page URLs, so
// `<Panel kind="roi-align" box="10,10,124,124" sr="2" />` means exactly what `/roi-align?box=10,10,124,124&sr=2` means.
import { ALIGN_CONTROLS, FPN_CONTROLS, POOL_CONTROLS } from '$lib/panels/bindings';
import {
	fpnToEntries,
	parseFpnParams,
	parseHide,
	paramsOf,
	parseRoiParams,
	roiToEntries,
	toQuery,
	type FpnState,
	type RoiState
} from '$lib/url/url-state';

export const PANEL_KINDS = ['roi-pool', 'roi-align', 'compare', 'fpn-levels'] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

export type PanelCellState =
	{ kind: 'roi-pool' | 'roi-align' | 'compare'; roi: RoiState } | { kind: 'fpn-levels'; fpn: FpnState };

export interface ParsedPanelCell {
	state: PanelCellState;
	hidden: Set<string>;
	notices: string[];
}

export function isPanelKind(v: string): v is PanelKind {
	return (PANEL_KINDS as readonly string[]).includes(v);
}

/** Parses a cell's attributes (the URL parameter names, plus `hide`). Throws for an unknown kind. */
export function parsePanelCell(kind: string, attrs: Record<string, string | undefined>): ParsedPanelCell {
	if (!isPanelKind(kind))
		throw new Error(`Panel kind must be one of ${PANEL_KINDS.join(', ')}, got "${kind}"`);
	const q = paramsOf(attrs);
	if (kind === 'fpn-levels') {
		const { state, notices } = parseFpnParams(q);
		const h = parseHide(q, FPN_CONTROLS);
		return { state: { kind, fpn: state }, hidden: h.hidden, notices: [...notices, ...h.notices] };
	}
	const { state, notices } = parseRoiParams(q);
	const h = parseHide(q, kind === 'roi-pool' ? POOL_CONTROLS : ALIGN_CONTROLS);
	return { state: { kind, roi: state }, hidden: h.hidden, notices: [...notices, ...h.notices] };
}

/** The full-page URL path and query of a cell's current state (for "open in its own page"). */
export function panelCellLink(state: PanelCellState): { path: `/${PanelKind}`; query: string } {
	const entries = state.kind === 'fpn-levels' ? fpnToEntries(state.fpn) : roiToEntries(state.roi);
	return { path: `/${state.kind}`, query: toQuery(entries) };
}
