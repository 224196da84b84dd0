/**
 * COCO run-length encoding of binary masks: column-major (Fortran) order, counts alternate 0-runs and 1-runs
 * starting with 0s. `toCocoString`/`fromCocoString` implement pycocotools' compact string form (delta + 6-bit
 * LEB-style chars offset by 48).
 */
export interface Rle {
	size: [number, number]; // [height, width]
	counts: number[];
}

export function encodeRle(mask: Uint8Array, height: number, width: number): Rle {
	if (mask.length !== height * width)
		throw new Error(`encodeRle: mask length ${mask.length} != height*width ${height * width}`);
	const counts: number[] = [];
	let cur = 0;
	let run = 0;
	for (let x = 0; x < width; x++) {
		for (let y = 0; y < height; y++) {
			const v = mask[y * width + x] ? 1 : 0;
			if (v !== cur) {
				counts.push(run);
				run = 0;
				cur = v;
			}
			run++;
		}
	}
	counts.push(run);
	return { size: [height, width], counts };
}

export function decodeRle(rle: Rle): Uint8Array {
	const [h, w] = rle.size;
	const mask = new Uint8Array(h * w);
	let pos = 0;
	rle.counts.forEach((c, i) => {
		if (c < 0 || pos + c > h * w) throw new Error(`decodeRle: bad count ${c} at index ${i}`);
		if (i % 2) {
			for (let k = pos; k < pos + c; k++) {
				const x = Math.floor(k / h);
				mask[(k - x * h) * w + x] = 1;
			}
		}
		pos += c;
	});
	if (pos !== h * w) throw new Error(`decodeRle: counts sum to ${pos}, expected ${h * w}`);
	return mask;
}

export function toCocoString(counts: number[]): string {
	let s = '';
	for (let i = 0; i < counts.length; i++) {
		let x = counts[i];
		if (i > 2) x -= counts[i - 2];
		let more = true;
		while (more) {
			let c = x & 0x1f;
			x >>= 5; // arithmetic shift: keeps the sign, as pycocotools does
			more = c & 0x10 ? x !== -1 : x !== 0;
			if (more) c |= 0x20;
			s += String.fromCharCode(c + 48);
		}
	}
	return s;
}

export function fromCocoString(s: string): number[] {
	const counts: number[] = [];
	let p = 0;
	while (p < s.length) {
		let x = 0;
		let k = 0;
		let more = true;
		while (more) {
			if (p >= s.length) throw new Error(`fromCocoString: truncated string at ${p}`);
			const c = s.charCodeAt(p) - 48;
			x |= (c & 0x1f) << (5 * k);
			more = (c & 0x20) !== 0;
			p++;
			k++;
			if (!more && c & 0x10) x |= -1 << (5 * k);
		}
		if (counts.length > 2) x += counts[counts.length - 2];
		counts.push(x);
	}
	return counts;
}
