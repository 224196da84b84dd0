/**
 * npm run dataset -- --count N --seed S --out DIR [--size 512]
 * Writes DIR/images/NNNNNN.png and DIR/annotations.json (COCO; masks as compressed-string RLE, iscrowd 0,
 * bbox xywh). Scene i uses seed S+i, so any scene can be regenerated on its own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { CLASS_NAMES, encodeRle, generateScene, toCocoString } from '../src/lib/scenes';

function arg(name: string, fallback?: string): string {
	const i = process.argv.indexOf(`--${name}`);
	const v = i >= 0 ? process.argv[i + 1] : fallback;
	if (v === undefined) throw new Error(`dataset: missing --${name}`);
	return v;
}

function intArg(name: string, fallback?: string): number {
	const v = Number(arg(name, fallback));
	if (!Number.isInteger(v) || v < 0)
		throw new Error(`dataset: --${name} must be a non-negative integer, got ${v}`);
	return v;
}

const count = intArg('count');
const seed = intArg('seed', '0');
const size = intArg('size', '512');
const out = arg('out');
mkdirSync(join(out, 'images'), { recursive: true });

const images: object[] = [];
const annotations: object[] = [];
let annId = 1;
const t0 = Date.now();
for (let i = 0; i < count; i++) {
	const scene = generateScene(seed + i, { width: size, height: size });
	const fileName = `${String(i).padStart(6, '0')}.png`;
	const png = new PNG({ width: scene.width, height: scene.height, colorType: 2, inputHasAlpha: false });
	png.data = Buffer.from(scene.image);
	writeFileSync(join(out, 'images', fileName), PNG.sync.write(png, { colorType: 2, inputHasAlpha: false }));
	images.push({
		id: i + 1,
		file_name: `images/${fileName}`,
		width: scene.width,
		height: scene.height,
		seed: seed + i
	});
	for (const inst of scene.instances) {
		const rle = encodeRle(inst.mask, scene.height, scene.width);
		const [x1, y1, x2, y2] = inst.box;
		annotations.push({
			id: annId++,
			image_id: i + 1,
			category_id: inst.label,
			segmentation: { size: rle.size, counts: toCocoString(rle.counts) },
			area: inst.area,
			bbox: [x1, y1, x2 - x1, y2 - y1],
			iscrowd: 0
		});
	}
	if (i % 10 === 9 || i === count - 1) {
		const done = (i + 1) / count;
		const bar = '#'.repeat(Math.round(done * 30)).padEnd(30, '.');
		const rate = (i + 1) / ((Date.now() - t0) / 1000);
		process.stderr.write(`\r[${bar}] ${i + 1}/${count}  ${rate.toFixed(1)} scenes/s`);
	}
}
process.stderr.write('\n');
const categories = CLASS_NAMES.slice(1).map((name, k) => ({ id: k + 1, name }));
const info = { description: 'Synthetic shapes for Mask R-CNN Explainer', seed, count, size };
writeFileSync(join(out, 'annotations.json'), JSON.stringify({ info, images, annotations, categories }));
