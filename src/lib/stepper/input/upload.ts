// Which uploads the stepper accepts and what it tells the student about each, and the size a large picture is
// shrunk to before the model sees it. Pure: the bytes are identified in sniff.ts, decoded (DOM) in decode-image.ts.
import { FORMAT_MIME, type ImageFormat, type OtherKind, type Sniffed } from './sniff';

/** Files above this are refused before decoding: a phone photo is a few MB; 20 MB is already a poster. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** The model resizes to 512 anyway; keeping more pixels only slows the transform and the drawings. */
export const MAX_UPLOAD_SIDE = 512;

export interface FileFacts {
	name: string;
	size: number;
}

export const FORMAT_NAMES: Record<ImageFormat, string> = {
	png: 'PNG',
	jpeg: 'JPEG',
	gif: 'GIF',
	webp: 'WebP',
	bmp: 'BMP',
	avif: 'AVIF'
};
/** The formats, as the page lists them to the student. */
export const ACCEPTED = 'PNG, JPEG, GIF, WebP, BMP or AVIF';

/** The name endings each format goes by: any other ending on such a file gets a note, never a refusal. */
const EXTENSIONS: Record<ImageFormat, string[]> = {
	png: ['png', 'apng'],
	jpeg: ['jpg', 'jpeg', 'jpe', 'jfif', 'pjpeg', 'pjp'],
	gif: ['gif'],
	webp: ['webp'],
	bmp: ['bmp', 'dib'],
	avif: ['avif']
};

const OTHER: Record<OtherKind, string> = {
	heif: 'an HEIC/HEIF photo (the iPhone’s default format), which most browsers cannot decode: export or share it as JPEG and upload that',
	tiff: 'a TIFF image, which browsers cannot decode: save it as PNG or JPEG and upload that',
	psd: 'a Photoshop document: export it as PNG or JPEG and upload that',
	pdf: 'a PDF document',
	zip: 'a ZIP archive (Word, Excel and PowerPoint files are ZIP archives too)',
	gzip: 'a gzip-compressed file',
	media: 'a video or audio file (MP4 family)',
	html: 'a web page (HTML)',
	text: 'plain text'
};

/** The name as messages quote it: at most 40 characters. */
export function shortName(name: string): string {
	return name.length > 40 ? name.slice(0, 40) + '…' : name;
}

/** "1.5 MB" (MB = 2^20 bytes, as the limit is stated); exact bytes when rounding would hide a difference. */
export function formatSize(bytes: number, exact = false): string {
	if (!(bytes >= 0 && Number.isFinite(bytes))) throw new Error(`bytes must be a size ≥ 0, got ${bytes}`);
	if (exact) return `${bytes.toLocaleString('en-US')} bytes`;
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1048576).toFixed(1)} MB`;
}

const emptyMessage = (quoted: string) =>
	`${quoted}: the file is empty (0 bytes), so there is no picture in it.`;

/** Refusals decided by the size alone, before a byte is read: an empty file, or one over MAX_UPLOAD_BYTES. */
export function sizeProblem(file: FileFacts): string | null {
	const name = shortName(file.name);
	if (file.size === 0) return emptyMessage(`“${name}”`);
	if (file.size > MAX_UPLOAD_BYTES) {
		// 20.0 MB against a 20 MB limit reads as "not over": then both are given in bytes
		const exact = formatSize(file.size) === formatSize(MAX_UPLOAD_BYTES);
		return (
			`“${name}” is ${formatSize(file.size, exact)}, over the limit of ${MAX_UPLOAD_BYTES / 1048576} MB` +
			`${exact ? ` (${formatSize(MAX_UPLOAD_BYTES, true)})` : ''}. Save a smaller copy and upload that.`
		);
	}
	return null;
}

export type UploadVerdict =
	| { ok: false; message: string }
	/** decode the bytes as `mime` (the content's type, not the name's); `notes` are for the student */
	| { ok: true; format: ImageFormat; mime: string; notes: string[] };

const article = (format: ImageFormat) => (format === 'avif' ? 'an' : 'a');

/** What to do with a file whose bytes were sniffed: refuse it with a message, or decode it (with notes). */
export function judgeUpload(name: string, content: Sniffed): UploadVerdict {
	const quoted = `“${shortName(name)}”`;
	switch (content.kind) {
		case 'empty':
			return { ok: false, message: emptyMessage(quoted) };
		case 'svg':
			return {
				ok: false,
				message:
					`${quoted} is an SVG drawing. SVG files can carry scripts and links to other files, so this page ` +
					`never opens one: export it as PNG and upload that.`
			};
		case 'other':
			return {
				ok: false,
				message: content.what
					? `${quoted} is not an image: it is ${OTHER[content.what]}.` +
						(['heif', 'tiff', 'psd'].includes(content.what) ? '' : ` Pick a ${ACCEPTED} picture.`)
					: `${quoted} is not an image: its contents match none of the picture formats this page reads (${ACCEPTED}).`
			};
		case 'image': {
			const { format, frames } = content;
			const notes: string[] = [];
			const ext = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1].toLowerCase();
			if (ext && !EXTENSIONS[format].includes(ext))
				notes.push(
					`Its name ends in .${ext}, but the file is ${article(format)} ${FORMAT_NAMES[format]}, and it is read as one.`
				);
			if (frames > 1)
				notes.push(
					`It is an animated ${FORMAT_NAMES[format]} of ${frames} frames: the model sees one picture, so this uses the first frame.`
				);
			return { ok: true, format, mime: FORMAT_MIME[format], notes };
		}
	}
}

/** The message when a file that starts like `format` does not decode. */
export function decodeProblem(name: string, format: ImageFormat): string {
	return (
		`“${shortName(name)}” starts like ${article(format)} ${FORMAT_NAMES[format]} file, but the browser could not ` +
		`decode it: the file may be damaged or cut short.`
	);
}

/**
 * The size to draw a width×height picture at so that neither side exceeds `max`, keeping the aspect ratio (at
 * least 1 px per side). Pictures that already fit are kept as they are (scale 1): never upscaled.
 */
export function fitWithin(
	width: number,
	height: number,
	max = MAX_UPLOAD_SIDE
): { width: number; height: number; scale: number } {
	if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height)))
		throw new Error(`image size must be positive, got ${width}×${height}`);
	const long = Math.max(width, height);
	if (long <= max) return { width, height, scale: 1 };
	const scale = max / long;
	return {
		width: Math.max(1, Math.round(width * scale)),
		height: Math.max(1, Math.round(height * scale)),
		scale
	};
}
