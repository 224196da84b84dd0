// The control names each panel can hide (`hide=` in a URL, `hide` on a tutorial cell). One list per panel: the
// panel shows a control when it is in its list and not hidden; the registry hands the same list to hide=.
export const POOL_CONTROLS = [
	'presets',
	'box',
	'stride',
	'out',
	'map',
	'seed',
	'img',
	'formula',
	'pytorch',
	'status'
] as const;
export const ALIGN_CONTROLS = [...POOL_CONTROLS, 'sr', 'aligned', 'agg', 'detail'] as const;
export const FPN_CONTROLS = ['boxes', 'round', 'img', 'axis', 'formula', 'add', 'pytorch', 'status'] as const;
/** status: the "last update … ms" line (PanelHost hides it); every embed takes hide=status */
export const TARGETS_CONTROLS = ['formula', 'pytorch', 'status'] as const;

/** `show(name)`: the control is one of the panel's and not hidden. */
export function shownControls(
	controls: readonly string[],
	hidden: ReadonlySet<string>
): (name: string) => boolean {
	return (name) => controls.includes(name) && !hidden.has(name);
}
