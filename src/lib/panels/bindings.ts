// URL bindings of the panels: which keys they own and which controls hide= may name.
import type { UrlBinding } from '$lib/url/url-bound.svelte';
import {
	FPN_DEFAULTS,
	FPN_KEYS,
	ROI_DEFAULTS,
	ROI_KEYS,
	cloneFpn,
	cloneRoi,
	fpnToEntries,
	parseFpnParams,
	parseRoiParams,
	roiToEntries,
	type FpnState,
	type RoiState
} from '$lib/url/url-state';

export const POOL_CONTROLS = [
	'presets',
	'box',
	'stride',
	'out',
	'map',
	'seed',
	'img',
	'formula',
	'pytorch'
] as const;
export const ALIGN_CONTROLS = [...POOL_CONTROLS, 'sr', 'aligned', 'agg', 'detail'] as const;
export const FPN_CONTROLS = ['boxes', 'round', 'img', 'axis', 'formula', 'add', 'pytorch'] as const;

export function roiBinding(
	hideNames: readonly string[],
	opts: { prefix?: string; defaults?: Readonly<RoiState> } = {}
): UrlBinding<RoiState> {
	return {
		defaults: opts.defaults ?? ROI_DEFAULTS,
		clone: cloneRoi,
		parse: parseRoiParams,
		toEntries: roiToEntries,
		keys: ROI_KEYS,
		hideNames,
		prefix: opts.prefix
	};
}

export function fpnBinding(): UrlBinding<FpnState> {
	return {
		defaults: FPN_DEFAULTS,
		clone: cloneFpn,
		parse: parseFpnParams,
		toEntries: fpnToEntries,
		keys: FPN_KEYS,
		hideNames: FPN_CONTROLS
	};
}
