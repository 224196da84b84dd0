// What a file is, read from its bytes (magic numbers), never from its name or MIME type: both come from whoever
// named the file (the browser guesses the type from the name). Pure: upload.ts decides and words what follows.

/** The picture formats the upload decodes (all of them the browser decodes itself). */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif';

/** Files that are recognisably something else, so the refusal can say what the student picked. */
export type OtherKind = 'heif' | 'tiff' | 'psd' | 'pdf' | 'zip' | 'gzip' | 'media' | 'html' | 'text';

export type Sniffed =
	| { kind: 'empty' }
	/** frames: 1 for a still picture, more for an animated GIF, PNG (APNG) or WebP */
	| { kind: 'image'; format: ImageFormat; frames: number }
	| { kind: 'svg' }
	/** what: null when the bytes match nothing known */
	| { kind: 'other'; what: OtherKind | null };

export const FORMAT_MIME: Record<ImageFormat, string> = {
	png: 'image/png',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	bmp: 'image/bmp',
	avif: 'image/avif'
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** BITMAPCOREHEADER … BITMAPV5HEADER (and the OS/2 ones): "BM" alone would match text that starts with "BM". */
const BMP_DIB_SIZES = [12, 16, 40, 52, 56, 64, 108, 124];
const HEIF_BRANDS = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'];
/** SVG and HTML may open with a long prolog, comments or a DOCTYPE: look this far for the root element. */
const TEXT_HEAD = 65536;

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
	if (bytes.length < at + sig.length) return false;
	return sig.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
	let s = '';
	for (let i = at; i < Math.min(bytes.length, at + length); i++) s += String.fromCharCode(bytes[i]);
	return s;
}

const u32be = (b: Uint8Array, at: number) =>
	((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
const u32le = (b: Uint8Array, at: number) =>
	((b[at + 3] << 24) | (b[at + 2] << 16) | (b[at + 1] << 8) | b[at]) >>> 0;

/** Identifies a file from its bytes. Throws when `bytes` is not a Uint8Array. */
export function sniffImage(bytes: Uint8Array): Sniffed {
	if (!(bytes instanceof Uint8Array))
		throw new Error(`sniffImage: bytes must be a Uint8Array, got ${Object.prototype.toString.call(bytes)}`);
	if (bytes.length === 0) return { kind: 'empty' };
	if (startsWith(bytes, PNG_SIGNATURE)) return { kind: 'image', format: 'png', frames: pngFrameCount(bytes) };
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg', frames: 1 };
	const magic6 = ascii(bytes, 0, 6);
	if (magic6 === 'GIF87a' || magic6 === 'GIF89a')
		return { kind: 'image', format: 'gif', frames: gifFrameCount(bytes) };
	if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
		return { kind: 'image', format: 'webp', frames: webpFrameCount(bytes) };
	if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 18 && BMP_DIB_SIZES.includes(u32le(bytes, 14)))
		return { kind: 'image', format: 'bmp', frames: 1 };
	if (ascii(bytes, 4, 4) === 'ftyp') {
		const brands = ftypBrands(bytes);
		if (brands.includes('avif') || brands.includes('avis'))
			return { kind: 'image', format: 'avif', frames: 1 };
		return { kind: 'other', what: brands.some((b) => HEIF_BRANDS.includes(b)) ? 'heif' : 'media' };
	}
	const magic4 = ascii(bytes, 0, 4);
	if (magic4 === 'II*\0' || magic4 === 'MM\0*') return { kind: 'other', what: 'tiff' };
	if (magic4 === '8BPS') return { kind: 'other', what: 'psd' };
	if (ascii(bytes, 0, 5) === '%PDF-') return { kind: 'other', what: 'pdf' };
	if (magic4 === 'PK\x03\x04' || magic4 === 'PK\x05\x06') return { kind: 'other', what: 'zip' };
	if (startsWith(bytes, [0x1f, 0x8b])) return { kind: 'other', what: 'gzip' };
	return sniffText(bytes);
}

/** The major and compatible brands of an ISO-BMFF `ftyp` box (AVIF, HEIC, MP4, MOV). */
function ftypBrands(bytes: Uint8Array): string[] {
	const end = Math.min(bytes.length, Math.max(16, u32be(bytes, 0)));
	const brands = [ascii(bytes, 8, 4)];
	for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, 4));
	return brands;
}

/** SVG, HTML or other text: decoded as its byte-order mark says (UTF-8 without one). */
function sniffText(bytes: Uint8Array): Sniffed {
	const head = bytes.subarray(0, TEXT_HEAD);
	let text: string;
	if (startsWith(head, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(head);
	else if (startsWith(head, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(head);
	else {
		// NULs or many control bytes in the first KB: binary, not text
		const probe = head.subarray(0, 1024);
		let control = 0;
		for (const b of probe) {
			if (b === 0) return { kind: 'other', what: null };
			if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
		}
		if (control > probe.length / 20) return { kind: 'other', what: null };
		text = new TextDecoder('utf-8').decode(head);
	}
	const lower = text
		.replace(/^\uFEFF/, '')
		.trimStart()
		.toLowerCase();
	if (lower.startsWith('<')) {
		if (lower.includes('<svg') || lower.includes('<!doctype svg')) return { kind: 'svg' };
		if (lower.includes('<html') || lower.startsWith('<!doctype html')) return { kind: 'other', what: 'html' };
	}
	return { kind: 'other', what: 'text' };
}

/** Skips a run of GIF data sub-blocks (length byte, data, …, 0) starting at `at`; returns the index after it. */
function skipSubBlocks(bytes: Uint8Array, at: number): number {
	while (at < bytes.length) {
		const n = bytes[at];
		at += 1 + n;
		if (n === 0) return at;
	}
	return bytes.length;
}

/**
 * The number of images (frames) in a GIF, walking its blocks (GIF89a spec: header, screen descriptor, colour
 * tables, extensions, image descriptors, trailer). A truncated file counts the frames that start before the cut.
 */
export function gifFrameCount(bytes: Uint8Array): number {
	if (bytes.length < 13) return 0;
	let at = 13;
	if (bytes[10] & 0x80) at += 3 * 2 ** ((bytes[10] & 7) + 1); // global colour table
	let frames = 0;
	while (at < bytes.length) {
		const block = bytes[at];
		if (block === 0x3b) break; // trailer
		if (block === 0x21)
			at = skipSubBlocks(bytes, at + 2); // extension: introducer, label, sub-blocks
		else if (block === 0x2c) {
			frames++;
			if (at + 10 > bytes.length) break;
			const packed = bytes[at + 9];
			at += 10;
			if (packed & 0x80) at += 3 * 2 ** ((packed & 7) + 1); // local colour table
			at = skipSubBlocks(bytes, at + 1); // after the LZW minimum code size
		} else break; // not a GIF block: count no further
	}
	return frames;
}

/** An APNG's frame count from its `acTL` chunk (which the spec puts before the first IDAT); 1 for a plain PNG. */
function pngFrameCount(bytes: Uint8Array): number {
	for (let at = 8; at + 8 <= bytes.length;) {
		const length = u32be(bytes, at);
		const type = ascii(bytes, at + 4, 4);
		if (type === 'acTL' && at + 12 <= bytes.length) return Math.max(1, u32be(bytes, at + 8));
		if (type === 'IDAT' || type === 'IEND') break;
		at += 12 + length;
	}
	return 1;
}

/** A WebP's frame count: the ANMF chunks when the VP8X header says it is animated, else 1. */
function webpFrameCount(bytes: Uint8Array): number {
	if (ascii(bytes, 12, 4) !== 'VP8X' || bytes.length < 21 || !(bytes[20] & 0x02)) return 1;
	let frames = 0;
	for (let at = 12; at + 8 <= bytes.length;) {
		if (ascii(bytes, at, 4) === 'ANMF') frames++;
		const size = u32le(bytes, at + 4);
		at += 8 + size + (size & 1); // chunks are padded to an even size
	}
	return Math.max(1, frames);
}
