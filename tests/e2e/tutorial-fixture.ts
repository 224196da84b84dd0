// A tutorial written the way docs/authoring-tutorials.md says, added to src/tutorials only while the browser tests
// build the site (git ignores the name), to prove that a new Markdown file becomes a page and an index entry.
export const ADDED_TUTORIAL_SLUG = 'e2e-added-tutorial';
export const ADDED_TUTORIAL_FILE = `src/tutorials/${ADDED_TUTORIAL_SLUG}.md`;
export const ADDED_TUTORIAL_TITLE = 'A tutorial added by the test setup';

export const ADDED_TUTORIAL_SOURCE = `---
title: ${ADDED_TUTORIAL_TITLE}
summary: One file, no code change.
level: beginner
minutes: 2
---

<script>
	import { Panel, Predict } from '$lib/tutorial';
</script>

## A level

The level is $k = \\lfloor 4 + \\log_2(\\sqrt{wh}/224) \\rfloor$.

<Predict id="level" live="fpn-level" box="0,0,300,300" choices="P3|P4|P5">

Which level does a 300 × 300 box use?

</Predict>

<Panel kind="roi-align" stride="16" out="3" />
`;
