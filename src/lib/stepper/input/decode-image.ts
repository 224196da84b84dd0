// Browser side of an upload: read the file's bytes, judge them by their content (sniff.ts, upload.ts), decode
// only what is a raster picture, draw it at most MAX_UPLOAD_SIDE on a side, return RGB bytes.
import { sniffImage, type ImageFormat } from './sniff';
import { decodeProblem, fitWithin, judgeUpload, shortName, sizeProblem } from './upload';

export interface RgbImage {
	/** RGB, HWC */
	data: Uint8Array;
	width: number;
	height: number;
}

export interface DecodedUpload extends RgbImage {
	/** size before downscaling */
	originalWidth: number;
	originalHeight: number;
	/** the format the bytes are in (whatever the name says) */
	format: ImageFormat;
	/** what the student should know about the file (a misleading name, an animation), in sentences */
	notes: string[];
}

/** Throws an Error with a message fit for the student when the file is refused or cannot be decoded. */
export async function decodeUpload(file: File): Promise<DecodedUpload> {
	const tooBig = sizeProblem(file); // before reading: a 2 GB file is never loaded into memory
	if (tooBig) throw new Error(tooBig);
	let bytes: Uint8Array<ArrayBuffer>;
	try {
		bytes = new Uint8Array(await file.arrayBuffer());
	} catch {
		throw new Error(`The browser could not read “${shortName(file.name)}” (was it moved or deleted?).`);
	}
	const verdict = judgeUpload(file.name, sniffImage(bytes));
	if (!verdict.ok) throw new Error(verdict.message);
	let bitmap: ImageBitmap;
	try {
		// typed by its content, so the name and the claimed type play no part; only raster formats reach here
		// (SVG is refused above: it is never decoded, put in an <img> or in the page)
		bitmap = await createImageBitmap(new Blob([bytes], { type: verdict.mime }));
	} catch {
		throw new Error(decodeProblem(file.name, verdict.format));
	}
	try {
		const { width, height } = fitWithin(bitmap.width, bitmap.height);
		const canvas = document.createElement('canvas');
		canvas.width = width;
		canvas.height = height;
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('This browser gave no 2D canvas to read the picture with.');
		// transparent pixels would read as black; a white sheet is what the student sees in a viewer
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, width, height);
		ctx.imageSmoothingQuality = 'high';
		ctx.drawImage(bitmap, 0, 0, width, height);
		const rgba = ctx.getImageData(0, 0, width, height).data;
		const data = new Uint8Array(width * height * 3);
		for (let i = 0, j = 0; j < rgba.length; i += 3, j += 4) {
			data[i] = rgba[j];
			data[i + 1] = rgba[j + 1];
			data[i + 2] = rgba[j + 2];
		}
		return {
			data,
			width,
			height,
			originalWidth: bitmap.width,
			originalHeight: bitmap.height,
			format: verdict.format,
			notes: verdict.notes
		};
	} finally {
		bitmap.close();
	}
}
