// Copy text for the copy buttons (embed code, PyTorch snippets, tutorial code cells). Browsers refuse the clipboard
// in some contexts (insecure origins, sandboxed iframes, denied permission): the message then says what to do instead.

export const COPIED = 'Copied to the clipboard.';

/** Copies `text` and returns the status line to show (never throws). */
export async function copyText(
	text: string,
	fallback = 'select the code below and copy it'
): Promise<string> {
	try {
		await navigator.clipboard.writeText(text);
		return COPIED;
	} catch {
		return `Copying was blocked; ${fallback}.`;
	}
}
