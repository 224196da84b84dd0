// Browser side of an upload: decode the file, draw it at most MAX_UPLOAD_SIDE on a side, return RGB bytes.
import { fitWithin, uploadProblem } from './upload';

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
}

/** Throws an Error with a message fit for the student when the file is refused or cannot be decoded. */
export async function decodeUpload(file: File): Promise<DecodedUpload> {
	const problem = uploadProblem(file);
	if (problem) throw new Error(problem);
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file);
	} catch {
		throw new Error(
			`The browser could not read “${file.name.slice(0, 40)}” as a picture (damaged or unsupported).`
		);
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
		return { data, width, height, originalWidth: bitmap.width, originalHeight: bitmap.height };
	} finally {
		bitmap.close();
	}
}
