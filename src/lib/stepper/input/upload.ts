// Which uploads the stepper accepts, and the size a large picture is shrunk to before the model sees it. Pure: the
// decoding (DOM) lives in decode-image.ts.

/** Files above this are refused before decoding: a phone photo is a few MB; 20 MB is already a poster. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** The model resizes to 512 anyway; keeping more pixels only slows the transform and the drawings. */
export const MAX_UPLOAD_SIDE = 512;

export interface FileFacts {
	name: string;
	type: string;
	size: number;
}

/** A plain-language reason the file cannot be used, or null when it may be decoded. */
export function uploadProblem(file: FileFacts): string | null {
	const name = file.name.length > 40 ? file.name.slice(0, 40) + '…' : file.name;
	if (!file.type.startsWith('image/'))
		return `“${name}” is not an image (its type is ${file.type || 'unknown'}). Pick a PNG, JPEG, WebP or GIF.`;
	if (file.type === 'image/svg+xml')
		return `“${name}” is a vector drawing (SVG); pick a PNG, JPEG or WebP photo.`;
	if (file.size > MAX_UPLOAD_BYTES)
		return `“${name}” is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1048576} MB.`;
	if (file.size === 0) return `“${name}” is empty.`;
	return null;
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
