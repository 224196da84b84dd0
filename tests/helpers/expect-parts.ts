import { expect } from 'vitest';

/** `text` contains every one of `parts` (each reported on its own when missing): TeX checks with many numbers. */
export function expectParts(text: string, parts: readonly string[]): void {
	for (const part of parts) expect(text).toContain(part);
}
