import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import remarkMath from 'remark-math';
import {
	rehypeFocusableCode,
	rehypeKatexSvelte,
	rehypeTutorialOutline
} from './src/lib/tutorial/markdown-plugins.js';

// BASE_PATH lets the static build live under a sub-path (e.g. GitHub Pages: /mask-rcnn-explainer).
const rawBase = process.env.BASE_PATH ?? '';
if (rawBase !== '' && !rawBase.startsWith('/'))
	throw new Error(`BASE_PATH must be empty or start with "/", got "${rawBase}"`);
const base = /** @type {'' | `/${string}`} */ (rawBase);
// The browser tests build into their own folder so they never clobber a developer's `npm run build`.
const out = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	// Tutorials are Markdown files (src/tutorials/*.md) compiled by mdsvex into Svelte components; math is typeset
	// at build time by the site's KaTeX.
	extensions: ['.svelte', '.md'],
	preprocess: [
		vitePreprocess(),
		mdsvex({
			extensions: ['.md'],
			remarkPlugins: [remarkMath],
			rehypePlugins: [rehypeKatexSvelte, rehypeTutorialOutline, rehypeFocusableCode]
		})
	],
	kit: {
		adapter: adapter({ pages: out, assets: out, fallback: undefined, strict: true }),
		paths: { base, relative: true },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
