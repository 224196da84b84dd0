// Every op panel, registered once. A page, an embed (/embed/<kind>, prerendered from this list), a tutorial cell
// (<Panel kind="…">) and the "Copy as PyTorch" snippet all come from an entry here: adding a panel is one entry.
// Panels are loaded on demand, so a page that shows one panel downloads only that one.
import type { Component } from 'svelte';
import type { Codec } from '$lib/url/codec';
import type { UrlBinding } from '$lib/url/url-bound.svelte';
import { ALIGN_CONTROLS, FPN_CONTROLS, POOL_CONTROLS, TARGETS_CONTROLS } from './controls';
import { FPN_CODEC, FPN_DEFAULTS, type FpnState } from './fpn/fpn-state';
import { compareSnippet, fpnSnippet, roiAlignSnippet, roiPoolSnippet } from './pytorch/torch-snippet';
import {
	BORDER_EXAMPLE,
	CLASSIC_EXAMPLE,
	MASK_HEAD_EXAMPLE,
	TORCHVISION_EXAMPLE,
	type Preset
} from './roi/presets';
import { ROI_CODEC, ROI_DEFAULTS, type RoiState } from './roi/roi-state';
import { matcherSnippet } from './pytorch/targets-snippet';
import { TARGETS_CODEC, TARGETS_DEFAULTS, type TargetsState } from './targets/targets-state';
import { gtOfState } from './targets/targets-view';
import { fpnStep, roiStep, type StepDir } from './present-step';

/** What every panel component takes: its state (bindable), the hidden controls, its presets. */
export interface PanelProps<S> {
	state: S;
	hidden?: ReadonlySet<string>;
	presets?: readonly Preset<S>[];
	testid?: string;
}

export interface PanelDef<S> {
	/** the URL segment of its page and embed, and the tutorial cell's `kind` */
	kind: string;
	/** what the panel is, for an embed's title and a cell's label */
	title: string;
	codec: Codec<S>;
	defaults: Readonly<S>;
	/** the names hide= may use */
	controls: readonly string[];
	/** what "figure only" in the embed code hides (default: every control); parts of the picture stay */
	figureOnly?: readonly string[];
	presets: readonly Preset<S>[];
	load: () => Promise<{ default: Component<PanelProps<S>, object, 'state'> }>;
	/** a runnable torchvision snippet that prints the panel's numbers */
	snippet: (s: Readonly<S>) => string;
	/** presenter mode's main action (present-step.ts): a clicker's PageDown (+1) / PageUp (−1) */
	step?: (s: Readonly<S>, dir: StepDir) => S;
}

const roiPanel = (def: Omit<PanelDef<RoiState>, 'codec' | 'defaults'>): PanelDef<RoiState> => ({
	codec: ROI_CODEC,
	defaults: ROI_DEFAULTS,
	step: roiStep,
	...def
});

export const PANELS = {
	'roi-pool': roiPanel({
		kind: 'roi-pool',
		title: 'RoIPool panel',
		controls: POOL_CONTROLS,
		presets: [TORCHVISION_EXAMPLE, CLASSIC_EXAMPLE, BORDER_EXAMPLE],
		load: () => import('./roi/RoiPoolPanel.svelte'),
		snippet: roiPoolSnippet
	}),
	'roi-align': roiPanel({
		kind: 'roi-align',
		title: 'RoIAlign panel',
		controls: ALIGN_CONTROLS,
		presets: [TORCHVISION_EXAMPLE, BORDER_EXAMPLE, CLASSIC_EXAMPLE, MASK_HEAD_EXAMPLE],
		load: () => import('./roi/RoiAlignPanel.svelte'),
		snippet: roiAlignSnippet
	}),
	compare: roiPanel({
		kind: 'compare',
		title: 'RoIPool vs RoIAlign panel',
		controls: ALIGN_CONTROLS,
		presets: [TORCHVISION_EXAMPLE, BORDER_EXAMPLE, CLASSIC_EXAMPLE],
		load: () => import('./roi/ComparePanel.svelte'),
		snippet: compareSnippet
	}),
	'fpn-levels': {
		kind: 'fpn-levels',
		title: 'FPN level panel',
		codec: FPN_CODEC,
		defaults: FPN_DEFAULTS,
		controls: FPN_CONTROLS,
		figureOnly: FPN_CONTROLS.filter((c) => c !== 'axis'),
		presets: [],
		load: () => import('./fpn/FpnLevelPanel.svelte'),
		snippet: fpnSnippet,
		step: fpnStep
	} satisfies PanelDef<FpnState>,
	'training-targets': {
		kind: 'training-targets',
		title: 'Training targets panel',
		codec: TARGETS_CODEC,
		defaults: TARGETS_DEFAULTS,
		controls: TARGETS_CONTROLS,
		presets: [],
		load: () => import('./targets/TrainingTargetsPanel.svelte'),
		snippet: (s) => matcherSnippet(s, gtOfState(s))
	} satisfies PanelDef<TargetsState>
} as const;

export type PanelKind = keyof typeof PANELS;
export const PANEL_KINDS = Object.keys(PANELS) as PanelKind[];

export function isPanelKind(v: string): v is PanelKind {
	return Object.hasOwn(PANELS, v);
}

/** A URL binding for a panel (a page's or an embed's state). */
export function panelBinding<S>(
	def: PanelDef<S>,
	opts: { prefix?: string; defaults?: Readonly<S>; reportHide?: boolean } = {}
): UrlBinding<S> {
	return {
		codec: def.codec,
		defaults: opts.defaults ?? def.defaults,
		hideNames: def.controls,
		prefix: opts.prefix,
		reportHide: opts.reportHide
	};
}

/** The state type of a registered kind. */
export type StateOf<K extends PanelKind> = (typeof PANELS)[K] extends PanelDef<infer S> ? S : never;

/** A panel's entry with its loaded component, discriminated by kind so a page can narrow both at once. */
export type LoadedPanel = {
	[K in PanelKind]: {
		kind: K;
		def: PanelDef<StateOf<K>>;
		component: Component<PanelProps<StateOf<K>>, object, 'state'>;
	};
}[PanelKind];

export async function loadPanel(kind: PanelKind): Promise<LoadedPanel> {
	const def = PANELS[kind];
	// each entry's load() returns that entry's component, so kind, def and component agree
	return { kind, def, component: (await def.load()).default } as LoadedPanel;
}
