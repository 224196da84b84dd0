import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The layer rules of docs/architecture.md, as lint rules so the tree cannot drift from the map: each layer lists the
// layers (folders of src/lib) and packages it must not import, by `$lib/…` or by a relative path that climbs there.
const LAYERS = [
	'ops',
	'scenes',
	'model',
	'url',
	'ui',
	'tour',
	'panels',
	'stepper',
	'ablations',
	'tutorial',
	'site'
];
const ALL_BUT = (...keep) => LAYERS.filter((l) => !keep.includes(l));
const FORBIDDEN = {
	ops: { layers: LAYERS, packages: ['@tensorflow/*', 'd3', 'd3-*', 'katex', 'svelte', 'svelte/*', '$app/*'] },
	scenes: {
		layers: ALL_BUT('ops'),
		packages: ['@tensorflow/*', 'd3', 'd3-*', 'katex', 'svelte', 'svelte/*']
	},
	model: { layers: ALL_BUT('ops', 'scenes'), packages: ['d3', 'd3-*', 'katex'] },
	url: { layers: LAYERS, packages: ['@tensorflow/*', 'd3', 'd3-*', 'katex'] },
	ui: {
		layers: ['model', 'tour', 'panels', 'stepper', 'ablations', 'tutorial', 'site'],
		packages: ['@tensorflow/*']
	},
	// a tour drives the pages through the DOM and knows no feature's code
	tour: {
		layers: ['model', 'panels', 'stepper', 'ablations', 'tutorial', 'site'],
		packages: ['@tensorflow/*', 'd3', 'd3-*', 'katex']
	},
	panels: {
		layers: ['model', 'tour', 'stepper', 'ablations', 'tutorial', 'site'],
		packages: ['@tensorflow/*']
	},
	stepper: { layers: ['ablations', 'tutorial', 'site'], packages: [] },
	ablations: { layers: ['tutorial', 'site'], packages: [] },
	tutorial: { layers: ['site'], packages: [] }
};
const layerRules = Object.entries(FORBIDDEN).map(([layer, { layers, packages }]) => ({
	files: [`src/lib/${layer}/**/*.{ts,js,svelte}`],
	rules: {
		'no-restricted-imports': [
			'error',
			{
				patterns: [
					{
						group: layers
							.filter((l) => l !== layer)
							.flatMap((l) => [
								`$lib/${l}`,
								`$lib/${l}/**`,
								...[1, 2, 3, 4].map((d) => `${'../'.repeat(d)}${l}/**`)
							]),
						message: `src/lib/${layer} may not import this layer (docs/architecture.md, "Layers").`
					},
					...(packages.length
						? [
								{
									group: packages,
									message: `src/lib/${layer} may not use this package (docs/architecture.md).`
								}
							]
						: [])
				]
			}
		]
	}
}));

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
		}
	},
	...layerRules,
	{
		ignores: [
			'build/',
			'build-e2e*/',
			'build-bench/',
			'build-shots*/',
			'.svelte-kit/',
			'node_modules/',
			'dist/',
			'tests/fixtures/',
			'static/',
			'tools/**/*.py'
		]
	}
);
