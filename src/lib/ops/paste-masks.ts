// torchvision's paste_masks_in_image: each M×M mask probability map is zero-padded by one pixel, its box is expanded
// by (M+2)/M about the centre (so the padding lands just outside the box), the expanded box is TRUNCATED to integers
// (toward zero, not floor), the padded mask is resized bilinearly (C == 1 kernel) to the box's inclusive pixel size,
// and the part inside the image is copied into a zero image. No threshold is applied: the result is probabilities.
import { f, truncInt } from './float32';
import { bilinearAxis, resizePlaneChannelsLast } from './interpolate';
import { type Tensor } from './tensor';
import { assertTensor, formatValue } from './validate';
import { assertBoxes, assertImageSize } from './validate-boxes';

const PAD = 1;

export interface PasteMaskTrace {
	box: [number, number, number, number]; // the input box (float32)
	maskSize: [number, number]; // M×M before padding
	paddedSize: [number, number]; // (M+2)×(M+2)
	scale: number; // f((M+2)/M)
	center: [number, number]; // f((x2+x1)·0.5), f((y2+y1)·0.5)
	half: [number, number]; // f(f((x2−x1)·0.5)·scale), same for y
	expandedFloat: [number, number, number, number]; // centre ± half, before truncation
	expanded: [number, number, number, number]; // integer box x0, y0, x1, y1 (inclusive)
	width: number; // max(x1 − x0 + 1, 1)
	height: number;
	resized: Tensor; // [1, 1, height, width]: the padded mask resized to the box, before placement
	imageRegion: [number, number, number, number] | null; // [ya, yb, xa, xb) written in the image; null if none
	maskRegion: [number, number, number, number] | null; // the matching rows/cols of `resized`
}

interface Geometry {
	scale: number;
	center: [number, number];
	half: [number, number];
	expandedFloat: [number, number, number, number];
	expanded: [number, number, number, number];
	width: number;
	height: number;
	rows: [number, number]; // resized-mask rows that land in the image
	cols: [number, number];
	ya: number;
	xa: number;
}

function geometry(b: ArrayLike<number>, o: number, m: number, imgH: number, imgW: number): Geometry {
	const scale = f((m + 2 * PAD) / m);
	const halfW = f(f(f(b[o + 2] - b[o]) * 0.5) * scale);
	const halfH = f(f(f(b[o + 3] - b[o + 1]) * 0.5) * scale);
	const cx = f(f(b[o + 2] + b[o]) * 0.5);
	const cy = f(f(b[o + 3] + b[o + 1]) * 0.5);
	const ef: [number, number, number, number] = [f(cx - halfW), f(cy - halfH), f(cx + halfW), f(cy + halfH)];
	const e = ef.map(truncInt) as [number, number, number, number];
	const width = Math.max(e[2] - e[0] + 1, 1);
	const height = Math.max(e[3] - e[1] + 1, 1);
	// Image window [ya, yb) × [xa, xb); torchvision raises (shape mismatch) when a box lies wholly outside the image
	// — here such a box simply pastes nothing.
	const xa = Math.max(e[0], 0);
	const xb = Math.min(e[2] + 1, imgW);
	const ya = Math.max(e[1], 0);
	const yb = Math.min(e[3] + 1, imgH);
	const rows: [number, number] = [ya - e[1], Math.min(yb - e[1], height)];
	const cols: [number, number] = [xa - e[0], Math.min(xb - e[0], width)];
	if (rows[1] < rows[0]) rows[1] = rows[0];
	if (cols[1] < cols[0]) cols[1] = cols[0];
	return {
		scale,
		center: [cx, cy],
		half: [halfW, halfH],
		expandedFloat: ef,
		expanded: e,
		width,
		height,
		rows,
		cols,
		ya,
		xa
	};
}

/** Zero-pad an [mh, mw] plane by PAD on every side. */
function padPlane(src: Float32Array, offset: number, mh: number, mw: number): Float32Array {
	const pw = mw + 2 * PAD;
	const out = new Float32Array((mh + 2 * PAD) * pw);
	for (let y = 0; y < mh; y++)
		out.set(src.subarray(offset + y * mw, offset + (y + 1) * mw), (y + PAD) * pw + PAD);
	return out;
}

function checkMasks(masks: Tensor): [number, number, number] {
	assertTensor('masks', masks);
	const s = masks.shape;
	if (s.length !== 4 || s[1] !== 1 || s[2] < 1 || s[3] < 1)
		throw new Error(`masks.shape must be [N, 1, M, M], got ${formatValue(s)}`);
	return [s[0], s[2], s[3]];
}

/**
 * Paste N mask probability maps [N, 1, M, M] into an image of `imageSize` = [h, w] at `boxes` (original-image
 * coordinates): `paste_masks_in_image`. Returns [N, 1, h, w] probabilities (threshold them yourself, e.g. >= 0.5).
 */
export function pasteMasks(masks: Tensor, boxes: Float32Array, imageSize: [number, number]): Tensor {
	const [n, mh, mw] = checkMasks(masks);
	const nb = assertBoxes('boxes', boxes);
	if (nb !== n) throw new Error(`boxes must have one box per mask (${n}), got ${nb}`);
	assertImageSize('imageSize', imageSize);
	const [imgH, imgW] = imageSize;
	const out = new Float32Array(n * imgH * imgW);
	for (let i = 0; i < n; i++) {
		const g = geometry(boxes, i * 4, mw, imgH, imgW);
		const rh = g.rows[1] - g.rows[0];
		const rw = g.cols[1] - g.cols[0];
		if (rh === 0 || rw === 0) continue;
		const padded = padPlane(masks.data, i * mh * mw, mh, mw);
		const ay = bilinearAxis(mh + 2 * PAD, g.height);
		const ax = bilinearAxis(mw + 2 * PAD, g.width);
		const win = new Float32Array(rh * rw);
		resizePlaneChannelsLast(padded, 0, mw + 2 * PAD, ay, ax, g.rows, g.cols, win, 0);
		const base = i * imgH * imgW;
		for (let y = 0; y < rh; y++) out.set(win.subarray(y * rw, (y + 1) * rw), base + (g.ya + y) * imgW + g.xa);
	}
	return { shape: [n, 1, imgH, imgW], data: out };
}

/** Every step of pasting one mask (`mask` [1, 1, M, M] or [M, M]) at `box` into an image of `imageSize`. */
export function pasteMaskTrace(
	mask: Tensor,
	box: ArrayLike<number>,
	imageSize: [number, number]
): PasteMaskTrace {
	assertTensor('mask', mask);
	const s = mask.shape;
	if (s.length < 2 || s.slice(0, -2).some((d) => d !== 1) || s[s.length - 1] < 1 || s[s.length - 2] < 1)
		throw new Error(`mask.shape must be [M, M] or [1, 1, M, M], got ${formatValue(s)}`);
	if (box === null || typeof box !== 'object' || box.length !== 4)
		throw new Error(`box must be [x1, y1, x2, y2], got ${formatValue(box)}`);
	const b = Float32Array.from(box);
	assertBoxes('box', b);
	assertImageSize('imageSize', imageSize);
	const [mh, mw] = s.slice(-2);
	const g = geometry(b, 0, mw, imageSize[0], imageSize[1]);
	const padded = padPlane(mask.data, 0, mh, mw);
	const resized = new Float32Array(g.height * g.width);
	const ay = bilinearAxis(mh + 2 * PAD, g.height);
	const ax = bilinearAxis(mw + 2 * PAD, g.width);
	resizePlaneChannelsLast(padded, 0, mw + 2 * PAD, ay, ax, [0, g.height], [0, g.width], resized, 0);
	const empty = g.rows[1] === g.rows[0] || g.cols[1] === g.cols[0];
	return {
		box: [b[0], b[1], b[2], b[3]],
		maskSize: [mh, mw],
		paddedSize: [mh + 2 * PAD, mw + 2 * PAD],
		scale: g.scale,
		center: g.center,
		half: g.half,
		expandedFloat: g.expandedFloat,
		expanded: g.expanded,
		width: g.width,
		height: g.height,
		resized: { shape: [1, 1, g.height, g.width], data: resized },
		imageRegion: empty ? null : [g.ya, g.ya + g.rows[1] - g.rows[0], g.xa, g.xa + g.cols[1] - g.cols[0]],
		maskRegion: empty ? null : [g.rows[0], g.rows[1], g.cols[0], g.cols[1]]
	};
}
