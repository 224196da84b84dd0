// Build-time plugins for the Markdown tutorials (mdsvex). Plain JS because svelte.config.js loads them directly.
import katex from 'katex';

/** Visit every node of `type` below `tree`, with its index and parent (depth first). */
function visit(tree, type, fn) {
	const walk = (node) => {
		const children = node.children ?? [];
		for (let i = 0; i < children.length; i++) {
			if (children[i].type === type) fn(children[i], i, node);
			walk(children[i]);
		}
	};
	walk(tree);
}

function textOf(node) {
	if (node.type === 'text') return node.value;
	return (node.children ?? []).map(textOf).join('');
}

/**
 * Typesets the math nodes remark-math produced with the site's own KaTeX (the same version as its CSS), at build
 * time. The HTML is emitted as `{@html "…"}`, because KaTeX output is full of braces that Svelte would otherwise read
 * as expressions. A TeX error fails the build and names the formula, instead of shipping red text.
 */
export function rehypeKatexSvelte() {
	return (tree, file) => {
		visit(tree, 'element', (node, index, parent) => {
			const cls = node.properties?.className ?? [];
			const display = cls.includes('math-display');
			if (!display && !cls.includes('math-inline')) return;
			const tex = textOf(node);
			let html;
			try {
				html = katex.renderToString(tex, {
					displayMode: display,
					throwOnError: true,
					output: 'htmlAndMathml'
				});
			} catch (e) {
				throw new Error(`${file.filename ?? 'tutorial'}: bad TeX "${tex}": ${e.message}`);
			}
			parent.children[index] = { type: 'raw', value: `{@html ${JSON.stringify(html)}}` };
		});
	};
}

/** A URL fragment for a heading: lower case, letters and digits joined by single dashes. */
export function slugify(text) {
	return (
		text
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'section'
	);
}

/**
 * Gives every h2 an id and collects them as the table of contents, and counts the predict-then-reveal questions,
 * both into the tutorial's metadata, so the page and the index can show them before any JavaScript runs.
 */
export function rehypeTutorialOutline() {
	return (tree, file) => {
		const toc = [];
		const used = new Set();
		visit(tree, 'element', (node) => {
			if (node.tagName !== 'h2') return;
			const text = textOf(node).trim();
			let id = slugify(text);
			for (let k = 2; used.has(id); k++) id = `${slugify(text)}-${k}`;
			used.add(id);
			node.properties = { ...node.properties, id };
			toc.push({ id, text });
		});
		let questions = 0;
		visit(tree, 'raw', (node) => {
			questions += (node.value.match(/<Predict[\s>]/g) ?? []).length;
		});
		file.data.fm = { ...(file.data.fm ?? {}), toc, questions };
	};
}

const FOCUSABLE_PRE = 'tabindex="0" role="region" aria-label="code"';

/**
 * Makes every code block focusable: a long line scrolls sideways, and a scrolling region must be reachable by
 * keyboard (WCAG 2.1.1). mdsvex hands highlighted fences over as raw HTML, plain ones as elements: both are covered.
 */
export function rehypeFocusableCode() {
	return (tree) => {
		visit(tree, 'element', (node) => {
			if (node.tagName !== 'pre') return;
			node.properties = { ...node.properties, tabIndex: 0, role: 'region', ariaLabel: 'code' };
		});
		visit(tree, 'raw', (node) => {
			node.value = node.value.replace(/<pre(?![^>]*tabindex)/g, `<pre ${FOCUSABLE_PRE}`);
		});
	};
}
