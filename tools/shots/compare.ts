// Compares two screenshot folders from tools/shots/shots.ts pixel by pixel.
//   npx tsx tools/shots/compare.ts /tmp/shots-before /tmp/shots-after [--diff /tmp/shots-diff]
// Prints, per file, identical / the share of pixels that differ / a size change, and writes a red-on-grey diff
// picture for every file that differs.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const [a, b] = process.argv.slice(2);
const di = process.argv.indexOf('--diff');
const diffDir = di >= 0 ? process.argv[di + 1] : null;
if (!a || !b) throw new Error('usage: compare.ts BEFORE_DIR AFTER_DIR [--diff DIR]');
if (diffDir) mkdirSync(diffDir, { recursive: true });

let same = 0;
const rows: string[] = [];
for (const f of readdirSync(a)
	.filter((n) => n.endsWith('.png'))
	.sort()) {
	if (!existsSync(join(b, f))) {
		rows.push(`${f}: missing after`);
		continue;
	}
	const pa = PNG.sync.read(readFileSync(join(a, f)));
	const pb = PNG.sync.read(readFileSync(join(b, f)));
	if (pa.width !== pb.width || pa.height !== pb.height) {
		rows.push(`${f}: size ${pa.width}×${pa.height} → ${pb.width}×${pb.height}`);
		continue;
	}
	let diff = 0;
	const out = new PNG({ width: pa.width, height: pa.height });
	for (let i = 0; i < pa.data.length; i += 4) {
		const d =
			pa.data[i] !== pb.data[i] || pa.data[i + 1] !== pb.data[i + 1] || pa.data[i + 2] !== pb.data[i + 2];
		if (d) diff++;
		const g = (pa.data[i] + pa.data[i + 1] + pa.data[i + 2]) / 12 + 160;
		out.data.set(d ? [230, 20, 20, 255] : [g, g, g, 255], i);
	}
	if (diff === 0) same++;
	else {
		rows.push(`${f}: ${diff} px differ (${((100 * diff) / (pa.width * pa.height)).toFixed(3)} %)`);
		if (diffDir) writeFileSync(join(diffDir, f), PNG.sync.write(out));
	}
}
console.log(`${same} identical`);
for (const r of rows) console.log(r);
