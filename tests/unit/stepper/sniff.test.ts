import { describe, expect, test } from 'vitest';
import { gifFrameCount, sniffImage } from '../../../src/lib/stepper/input/sniff';
import { sample } from '../../fixtures/upload-samples';

const bytes = (...parts: (string | number[])[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
/** An ISO-BMFF `ftyp` box (ISO/IEC 14496-12 §4.3): size, "ftyp", major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]) =>
	bytes([0, 0, 0, 16 + 4 * compatible.length], 'ftyp', major, [0, 0, 0, 0], compatible.join(''));

describe('sniffImage: files written by Pillow', () => {
	test.each([
		['png', 'png', 1],
		['jpeg', 'jpeg', 1],
		['gif', 'gif', 1],
		['gifAnimated', 'gif', 3],
		['webpLossy', 'webp', 1],
		['webpLossless', 'webp', 1],
		['webpAnimated', 'webp', 3],
		['bmp', 'bmp', 1],
		['apng', 'png', 3]
	] as const)('%s is %s with %i frame(s)', (name, format, frames) => {
		expect(sniffImage(sample(name))).toEqual({ kind: 'image', format, frames });
	});
	test('a TIFF is recognised and is not a picture the browser decodes', () => {
		expect(sniffImage(sample('tiff'))).toEqual({ kind: 'other', what: 'tiff' });
	});
});

describe('sniffImage: SVG is told apart from other text', () => {
	test.each([
		['bare', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
		[
			'with a prolog, comment and DOCTYPE',
			'<?xml version="1.0"?>\n<!-- Generator: Adobe Illustrator -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg/>'
		],
		['with a UTF-8 byte-order mark', '\uFEFF  <SVG onload="alert(1)"></SVG>'],
		['with the root element far down', `<?xml version="1.0"?><!--${'x'.repeat(20_000)}--><svg/>`]
	])('%s', (_, text) => {
		expect(sniffImage(utf8(text))).toEqual({ kind: 'svg' });
	});
	test('UTF-16 (with its byte-order mark)', () => {
		const le = new Uint8Array(Buffer.from('\uFEFF<svg><script>alert(1)</script></svg>', 'utf16le'));
		expect(sniffImage(le)).toEqual({ kind: 'svg' });
	});
	test('HTML, plain text, and text that starts like a BMP', () => {
		expect(sniffImage(utf8('<!DOCTYPE html><html><body><img src=x onerror=alert(1)>'))).toEqual({
			kind: 'other',
			what: 'html'
		});
		expect(sniffImage(utf8('not a picture'))).toEqual({ kind: 'other', what: 'text' });
		expect(sniffImage(utf8('BMW 320d, 2019, 60 000 km — notes'))).toEqual({ kind: 'other', what: 'text' });
	});
});

describe('sniffImage: other files are named', () => {
	test('AVIF is a picture; HEIC and MP4 are not', () => {
		expect(sniffImage(ftyp('avif', 'mif1', 'miaf'))).toEqual({ kind: 'image', format: 'avif', frames: 1 });
		expect(sniffImage(ftyp('mif1', 'avif'))).toEqual({ kind: 'image', format: 'avif', frames: 1 });
		expect(sniffImage(ftyp('heic', 'mif1', 'heic'))).toEqual({ kind: 'other', what: 'heif' });
		expect(sniffImage(ftyp('isom', 'iso2', 'mp41'))).toEqual({ kind: 'other', what: 'media' });
	});
	test('PDF, ZIP, gzip, Photoshop, binary junk and the empty file', () => {
		expect(sniffImage(bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3]))).toEqual({
			kind: 'other',
			what: 'pdf'
		});
		expect(sniffImage(bytes('PK', [3, 4, 20, 0, 6, 0]))).toEqual({ kind: 'other', what: 'zip' });
		expect(sniffImage(bytes([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]))).toEqual({ kind: 'other', what: 'gzip' });
		expect(sniffImage(bytes('8BPS', [0, 1]))).toEqual({ kind: 'other', what: 'psd' });
		expect(sniffImage(bytes([0, 1, 2, 3, 255, 254, 0, 9]))).toEqual({ kind: 'other', what: null });
		expect(sniffImage(new Uint8Array(0))).toEqual({ kind: 'empty' });
	});
	test('a bad argument is an Error naming it', () => {
		expect(() => sniffImage('GIF89a' as unknown as Uint8Array)).toThrow(/bytes must be a Uint8Array/);
		expect(() => sniffImage([0x89] as unknown as Uint8Array)).toThrow(/bytes/);
	});
});

describe('gifFrameCount', () => {
	const anim = sample('gifAnimated');
	test('counts the image descriptors of a still and an animated GIF', () => {
		expect(gifFrameCount(sample('gif'))).toBe(1);
		expect(gifFrameCount(anim)).toBe(3);
	});
	test('a file cut short counts the frames that start before the cut', () => {
		// the sample's layout: header and screen (13 bytes), colour table (12), NETSCAPE loop (19), then for each
		// frame a graphic control extension (8) and an image descriptor: the 2nd and 3rd start at bytes 80 and 120
		expect([anim[52], anim[80], anim[120]]).toEqual([0x2c, 0x2c, 0x2c]);
		expect(gifFrameCount(anim.subarray(0, 80))).toBe(1);
		expect(gifFrameCount(anim.subarray(0, 81))).toBe(2);
		expect(gifFrameCount(anim.subarray(0, 120))).toBe(2);
		expect(gifFrameCount(anim.subarray(0, 13))).toBe(0);
		expect(gifFrameCount(new Uint8Array(5))).toBe(0);
	});
});
