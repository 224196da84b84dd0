// What the student is told about each kind of upload: the bytes decide (sniff.ts), upload.ts words the verdict.
import { describe, expect, test } from 'vitest';
import { sniffImage } from '../../../src/lib/stepper/input/sniff';
import {
	MAX_UPLOAD_BYTES,
	decodeProblem,
	formatSize,
	judgeUpload,
	sizeProblem
} from '../../../src/lib/stepper/input/upload';
import { sample, type SampleName } from '../../fixtures/upload-samples';

const judge = (name: string, file: SampleName | Uint8Array) =>
	judgeUpload(name, sniffImage(typeof file === 'string' ? sample(file) : file));
const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const message = (v: ReturnType<typeof judgeUpload>) => (v.ok ? null : v.message);

describe('judgeUpload', () => {
	test('a picture named for its format is decoded as that format, with nothing to say', () => {
		expect(judge('shapes.png', 'png')).toEqual({ ok: true, format: 'png', mime: 'image/png', notes: [] });
		expect(judge('PHOTO.JPEG', 'jpeg')).toEqual({ ok: true, format: 'jpeg', mime: 'image/jpeg', notes: [] });
		expect(judge('scan.jfif', 'jpeg')).toMatchObject({ ok: true, notes: [] });
		expect(judge('no-extension', 'bmp')).toEqual({ ok: true, format: 'bmp', mime: 'image/bmp', notes: [] });
		expect(judge('a.webp', 'webpLossless')).toMatchObject({ ok: true, mime: 'image/webp', notes: [] });
	});
	test('a PNG renamed .jpg is decoded as a PNG, and the note says so without calling it a JPEG', () => {
		const v = judge('holiday.jpg', 'png');
		expect(v).toMatchObject({ ok: true, format: 'png', mime: 'image/png' });
		const notes = v.ok ? v.notes : [];
		expect(notes).toEqual(['Its name ends in .jpg, but the file is a PNG, and it is read as one.']);
		expect(judge('notes.txt', 'gif')).toMatchObject({ ok: true, mime: 'image/gif' });
	});
	test('an animated GIF, PNG or WebP uses its first frame, and says so with the frame count', () => {
		for (const [file, format] of [
			['gifAnimated', 'GIF'],
			['apng', 'PNG'],
			['webpAnimated', 'WebP']
		] as const) {
			const v = judge(`spin.${format.toLowerCase()}`, file);
			expect(v.ok).toBe(true);
			expect(v.ok && v.notes).toEqual([
				`It is an animated ${format} of 3 frames: the model sees one picture, so this uses the first frame.`
			]);
		}
	});
	test('SVG is refused, and the message says why (scripts, links to other files)', () => {
		const m = message(judge('logo.svg', text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')));
		expect(m).toMatch(
			/^“logo\.svg” is an SVG drawing\. SVG files can carry scripts and links to other files/
		);
		// an SVG named .png is still an SVG
		expect(message(judge('logo.png', text('<?xml version="1.0"?><svg/>')))).toMatch(/SVG drawing/);
	});
	test('non-images are refused, naming what they are where the bytes tell', () => {
		expect(message(judge('notes.txt', text('not a picture')))).toBe(
			'“notes.txt” is not an image: it is plain text. Pick a PNG, JPEG, GIF, WebP, BMP or AVIF picture.'
		);
		expect(message(judge('page.png', text('<!doctype html><html>')))).toMatch(
			/is not an image: it is a web page/
		);
		expect(message(judge('report.pdf', text('%PDF-1.4\n')))).toMatch(/it is a PDF document\. Pick a PNG/);
		expect(message(judge('scan.tif', 'tiff'))).toMatch(/a TIFF image, which browsers cannot decode/);
		expect(message(judge('x.bin', new Uint8Array([0, 1, 2, 3])))).toMatch(
			/contents match none of the picture formats this page reads \(PNG, JPEG, GIF, WebP, BMP or AVIF\)/
		);
		expect(message(judge('empty.png', new Uint8Array(0)))).toMatch(/the file is empty/);
	});
	test('long names are shortened in every message', () => {
		const m = message(judge('a'.repeat(200) + '.txt', text('hello')))!;
		expect(m).toContain('“' + 'a'.repeat(40) + '…”');
		expect(m.length).toBeLessThan(140);
	});
});

describe('sizeProblem', () => {
	test('empty and over-the-limit files are refused before reading, with the size and the limit', () => {
		expect(sizeProblem({ name: 'e.png', size: 0 })).toBe(
			'“e.png”: the file is empty (0 bytes), so there is no picture in it.'
		);
		expect(sizeProblem({ name: 'ok.png', size: 1 })).toBeNull();
		expect(sizeProblem({ name: 'ok.png', size: MAX_UPLOAD_BYTES })).toBeNull();
		expect(sizeProblem({ name: 'big.png', size: 25 * 1048576 + 300_000 })).toBe(
			'“big.png” is 25.3 MB, over the limit of 20 MB. Save a smaller copy and upload that.'
		);
	});
	test('just over the limit, both are given in bytes (20.0 MB would not read as over 20 MB)', () => {
		expect(sizeProblem({ name: 'big.png', size: MAX_UPLOAD_BYTES + 1 })).toBe(
			'“big.png” is 20,971,521 bytes, over the limit of 20 MB (20,971,520 bytes). Save a smaller copy and upload that.'
		);
	});
});

describe('formatSize and decodeProblem', () => {
	test('sizes in bytes, KB and MB (2^10, 2^20)', () => {
		expect(formatSize(512)).toBe('512 bytes');
		expect(formatSize(1536)).toBe('1.5 KB');
		expect(formatSize(3 * 1048576)).toBe('3.0 MB');
		expect(formatSize(1234567, true)).toBe('1,234,567 bytes');
		expect(() => formatSize(-1)).toThrow(/bytes must be a size/);
		expect(() => formatSize(NaN)).toThrow(/bytes/);
	});
	test('a file that starts like a format but does not decode', () => {
		expect(decodeProblem('cut.png', 'png')).toBe(
			'“cut.png” starts like a PNG file, but the browser could not decode it: the file may be damaged or cut short.'
		);
		expect(decodeProblem('x.avif', 'avif')).toMatch(/^“x\.avif” starts like an AVIF file/);
	});
});
