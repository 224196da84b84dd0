// What a tutorial's Markdown imports: `import { Panel, Predict, Reveal, CodeCell, ModelStage, AblationCell } from '$lib/tutorial';`
export { default as Panel } from './Panel.svelte';
export { default as Predict } from './Predict.svelte';
export { default as Reveal } from './Reveal.svelte';
export { default as CodeCell } from './CodeCell.svelte';
export { default as ModelStage } from './ModelStage.svelte';
export { default as AblationCell } from './AblationCell.svelte';
