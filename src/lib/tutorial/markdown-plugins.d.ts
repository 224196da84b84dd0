// Types for the build-time plugins (the implementation is plain JS for svelte.config.js).
export function rehypeKatexSvelte(): (
	tree: unknown,
	file: { filename?: string; data: Record<string, unknown> }
) => void;
export function rehypeTutorialOutline(): (tree: unknown, file: { data: Record<string, unknown> }) => void;
export function slugify(text: string): string;
export function rehypeFocusableCode(): (tree: unknown) => void;
