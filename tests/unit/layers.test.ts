import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

// The layer rules of docs/architecture.md live in eslint.config.js; a broken rule would let the tree drift
// silently, so each case lints a deliberate violation (and an allowed import) as if it were a file in that layer.
const eslint = new ESLint();

async function restricted(file: string, source: string): Promise<string[]> {
	const [result] = await eslint.lintText(source, { filePath: file });
	return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules (npm run check fails on these)', () => {
	test.each([
		['src/lib/ops/x.ts', "import { fmt } from '$lib/ui/format';"],
		['src/lib/ops/x.ts', "import * as tf from '@tensorflow/tfjs';"],
		['src/lib/ops/x.ts', "import { rgb } from 'd3';"],
		['src/lib/model/x.ts', "import { fmt } from '$lib/ui/format';"],
		['src/lib/model/x.ts', "import { STAGES } from '../stepper/stages';"],
		['src/lib/url/x.ts', "import type { Box } from '$lib/ui/box';"],
		['src/lib/ui/x.ts', "import { PANELS } from '$lib/panels/registry';"],
		['src/lib/ui/x.ts', "import { ModelSession } from '$lib/model';"],
		['src/lib/ui/sub/x.ts', "import { STAGES } from '../../stepper/stages';"],
		['src/lib/panels/roi/x.ts', "import { STAGES } from '$lib/stepper/stages';"],
		['src/lib/stepper/x.ts', "import { Panel } from '$lib/tutorial';"],
		['src/lib/tour/x.ts', "import { STAGES } from '$lib/stepper/stages';"],
		['src/lib/tour/x.ts', "import { PANELS } from '../panels/registry';"],
		['src/lib/ui/x.ts', "import { TOURS } from '$lib/tour/registry';"]
	])('%s may not: %s', async (file, source) => {
		const messages = await restricted(file, source);
		expect(messages.length).toBe(1);
		expect(messages[0]).toMatch(/may not (import this layer|use this package)/);
	});

	test.each([
		['src/lib/ui/x.ts', "import { boxIou } from '$lib/ops';"],
		['src/lib/model/x.ts', "import { nms } from '$lib/ops';"],
		['src/lib/panels/roi/x.ts', "import { fmt } from '$lib/ui/format';"],
		['src/lib/stepper/x.ts', "import { PANELS } from '$lib/panels/registry';"],
		['src/lib/stepper/stages/input/x.ts', "import { x } from '../../parts/roi-choice';"],
		['src/lib/tutorial/x.ts', "import { STAGES } from '$lib/stepper/stages';"],
		['src/lib/tour/x.ts', "import { mergeQuery } from '$lib/url/query';"]
	])('%s may: %s', async (file, source) => {
		expect(await restricted(file, source)).toEqual([]);
	});
});
