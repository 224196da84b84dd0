import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { findChromium } from './find-chromium';
import { serveStatic } from './static-server';
import { ADDED_TUTORIAL_FILE, ADDED_TUTORIAL_SOURCE } from './tutorial-fixture';

/** The base path the browser tests build and serve under, to prove the site works on a sub-path host. */
export const E2E_BASE = '/explainer';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		chromiumPath: string;
	}
}

/** Where the browser tests build; E2E_BUILD_DIR lets parallel developers' runs keep apart. */
const BUILD = process.env.E2E_BUILD_DIR ?? 'build-e2e';

export default async function setup(project: TestProject) {
	const chromiumPath = findChromium(); // fail fast, with install advice, before a minute of building
	if (process.env.E2E_SKIP_BUILD !== '1') {
		// A teacher's new tutorial is one Markdown file and no code: this build gets one that exists only for it.
		writeFileSync(ADDED_TUTORIAL_FILE, ADDED_TUTORIAL_SOURCE);
		try {
			execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
				stdio: 'inherit',
				// NODE_ENV: vitest sets 'test', which would make Vite build Svelte in dev mode.
				env: { ...process.env, NODE_ENV: 'production', BASE_PATH: E2E_BASE, BUILD_DIR: BUILD }
			});
		} finally {
			rmSync(ADDED_TUTORIAL_FILE, { force: true });
		}
	}
	const { server, url } = await serveStatic(BUILD, E2E_BASE);
	project.provide('baseUrl', url);
	project.provide('chromiumPath', chromiumPath);
	return () => new Promise<void>((ok) => server.close(() => ok()));
}
