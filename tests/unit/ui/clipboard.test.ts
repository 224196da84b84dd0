import { afterEach, describe, expect, it, vi } from 'vitest';
import { COPIED, copyText } from '../../../src/lib/ui/clipboard';

afterEach(() => vi.unstubAllGlobals());

describe('copyText', () => {
	it('copies and says so', async () => {
		const writeText = vi.fn(async () => {});
		vi.stubGlobal('navigator', { clipboard: { writeText } });
		expect(await copyText('x = 1')).toBe(COPIED);
		expect(writeText).toHaveBeenCalledWith('x = 1');
	});

	it('says what to do instead when the browser refuses, or has no clipboard', async () => {
		vi.stubGlobal('navigator', { clipboard: { writeText: async () => Promise.reject(new Error('denied')) } });
		expect(await copyText('x')).toBe('Copying was blocked; select the code below and copy it.');
		vi.stubGlobal('navigator', {});
		expect(await copyText('x', 'select the code and copy it')).toBe(
			'Copying was blocked; select the code and copy it.'
		);
	});
});
