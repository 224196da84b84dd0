import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	CLASS_NAMES,
	decodeRle,
	encodeRle,
	fromCocoString,
	generateScene,
	renderScene,
	sinCosDeg,
	SHAPE_CLASSES,
	toCocoString,
	type Scene,
	type SceneSpec
} from '../../../src/lib/scenes';

const hash = (s: Scene): string => {
	const h = createHash('sha256').update(s.image).update(new Uint8Array(s.instanceMap.buffer));
	for (const inst of s.instances) h.update(inst.mask).update(JSON.stringify([inst.label, inst.box]));
	return h.digest('hex');
};

const SMALL = { width: 192, height: 192 };

describe('generateScene determinism', () => {
	it('gives identical bytes for the same seed and different bytes for different seeds', () => {
		const a = generateScene(1234, SMALL);
		const b = generateScene(1234, SMALL);
		expect(hash(a)).toBe(hash(b));
		expect(a.spec).toEqual(b.spec);
		const hashes = new Set([1, 2, 3, 4, 5].map((s) => hash(generateScene(s, SMALL))));
		expect(hashes.size).toBe(5);
	});

	it('renderScene(spec) of a generated spec reproduces the generated scene', () => {
		const a = generateScene(77, SMALL);
		const spec = JSON.parse(JSON.stringify(a.spec)) as SceneSpec;
		expect(hash(renderScene(spec))).toBe(hash(a));
	});

	it('sinCosDeg agrees with Math.sin/cos to 1e-14 and is exact at multiples of 90°', () => {
		for (let d = -720; d <= 720; d += 7.25) {
			const [s, c] = sinCosDeg(d);
			expect(Math.abs(s - Math.sin((d * Math.PI) / 180))).toBeLessThan(1e-14);
			expect(Math.abs(c - Math.cos((d * Math.PI) / 180))).toBeLessThan(1e-14);
		}
		// `+ 0` turns −0 into 0: the sign of zero does not change any rounded vertex.
		expect(sinCosDeg(90).map((v) => v + 0)).toEqual([1, 0]);
		expect(sinCosDeg(180).map((v) => v + 0)).toEqual([0, -1]);
	});
});

describe('generateScene annotations', () => {
	const scenes = Array.from({ length: 50 }, (_, i) => generateScene(1000 + i));

	it('masks are disjoint, inside their tight boxes, and match area and instanceMap', () => {
		// Plain loops + one expect per scene: per-pixel expect() calls are far too slow at 512×512.
		for (const s of scenes) {
			const owner = new Int32Array(s.width * s.height).fill(-1);
			const problems: string[] = [];
			s.instances.forEach((inst, k) => {
				let area = 0;
				let [x1, y1, x2, y2] = [s.width, s.height, 0, 0];
				for (let p = 0; p < inst.mask.length; p++) {
					if (!inst.mask[p]) continue;
					if (owner[p] !== -1) problems.push(`pixel ${p} in instances ${owner[p]} and ${k}`);
					owner[p] = k;
					if (s.instanceMap[p] !== k + 1) problems.push(`instanceMap[${p}] = ${s.instanceMap[p]}`);
					area++;
					const x = p % s.width;
					const y = (p - x) / s.width;
					x1 = Math.min(x1, x);
					y1 = Math.min(y1, y);
					x2 = Math.max(x2, x + 1);
					y2 = Math.max(y2, y + 1);
				}
				if (area !== inst.area) problems.push(`instance ${k}: area ${inst.area} != ${area}`);
				if (inst.box.join() !== [x1, y1, x2, y2].join()) problems.push(`instance ${k}: box not tight`);
				if (inst.label !== CLASS_NAMES.indexOf(inst.className)) problems.push(`instance ${k}: label`);
			});
			for (let p = 0; p < owner.length; p++) {
				if (owner[p] < 0 && s.instanceMap[p] !== 0) problems.push(`instanceMap[${p}] set without a mask`);
			}
			expect(problems.slice(0, 5)).toEqual([]);
		}
	});

	it('keeps only instances that are >= 30% visible and >= 40 px', () => {
		for (const s of scenes) {
			for (const inst of s.instances) {
				expect(inst.area).toBeGreaterThanOrEqual(40);
				expect(inst.visibleFraction).toBeGreaterThanOrEqual(0.3);
			}
			expect(s.instances.length).toBe(s.spec.shapes.length);
		}
	});

	it('every class appears and sizes span ~12 px to >= 300 px', () => {
		const seen = new Set(scenes.flatMap((s) => s.instances.map((i) => i.className)));
		expect([...seen].sort()).toEqual([...SHAPE_CLASSES].sort());
		const sides = scenes.flatMap((s) =>
			s.instances.map((i) => Math.max(i.box[2] - i.box[0], i.box[3] - i.box[1]))
		);
		expect(Math.min(...sides)).toBeLessThanOrEqual(16);
		expect(Math.max(...sides)).toBeGreaterThanOrEqual(300);
	});

	it('has occlusions: some instance is partly covered by a later shape', () => {
		const partial = scenes.flatMap((s) => s.instances).filter((i) => i.visibleFraction < 0.9);
		expect(partial.length).toBeGreaterThan(5);
	});
});

describe('renderScene', () => {
	const base: SceneSpec = {
		width: 64,
		height: 48,
		background: {
			colorA: [0, 0, 0],
			colorB: [0, 0, 0],
			angle: 0,
			texture: 'none',
			texturePeriod: 8,
			textureAmp: 0,
			noise: 0,
			seed: 1
		},
		shapes: [{ cls: 'square', cx: 20, cy: 20, size: 20 * Math.SQRT2, rotation: 0, color: [255, 0, 0] }]
	};

	it('draws an axis-aligned square of side 20 exactly', () => {
		const s = renderScene(base);
		expect(s.instances).toHaveLength(1);
		// Vertices at 10 and 30 px (rounded to 1/64): pixels 10..29 are fully inside.
		expect(s.instances[0].box).toEqual([10, 10, 30, 30]);
		expect(s.instances[0].area).toBe(400);
		expect(Array.from(s.image.slice((15 * 64 + 15) * 3, (15 * 64 + 15) * 3 + 3))).toEqual([255, 0, 0]);
	});

	it('a later shape occludes an earlier one, and a ring has a hole', () => {
		const spec: SceneSpec = {
			...base,
			shapes: [...base.shapes, { cls: 'ring', cx: 30, cy: 24, size: 30, rotation: 0, color: [0, 255, 0] }]
		};
		const s = renderScene(spec);
		expect(s.instances).toHaveLength(2);
		expect(s.instances[0].area).toBeLessThan(400);
		expect(s.instanceMap[24 * 64 + 30]).toBe(0); // ring centre: hole, and the square ends at x = 30
		expect(s.instanceMap[24 * 64 + 44]).toBe(2); // on the ring band (outer r 15, inner r 8.25)
	});

	it('rejects bad input with a message naming the argument', () => {
		expect(() => renderScene({ ...base, width: 0 })).toThrow(/width/);
		const bad = { ...base, shapes: [{ ...base.shapes[0], size: -1 }] };
		expect(() => renderScene(bad)).toThrow(/size/);
	});
});

describe('COCO RLE', () => {
	it('round-trips masks through counts and the compressed string', () => {
		const scenes = [3, 4, 5].map((s) => generateScene(s, SMALL));
		for (const s of scenes) {
			for (const inst of s.instances) {
				const rle = encodeRle(inst.mask, s.height, s.width);
				expect(rle.counts.reduce((a, b) => a + b, 0)).toBe(s.width * s.height);
				expect(fromCocoString(toCocoString(rle.counts))).toEqual(rle.counts);
				expect(decodeRle(rle)).toEqual(inst.mask);
			}
		}
	});

	it('uses column-major order starting with a zero run', () => {
		// 2x3 mask, rows [1,0,0],[1,1,0] → columns (1,1),(0,1),(0,0) → runs 0,2,1,1,2
		const m = new Uint8Array([1, 0, 0, 1, 1, 0]);
		expect(encodeRle(m, 2, 3).counts).toEqual([0, 2, 1, 1, 2]);
	});

	it('matches a pycocotools string: counts [3, 5, 120, 2] → "35h3;" style deltas', () => {
		// pycocotools rleToString: for i > 2 the value is the delta to counts[i-2]; 5-bit groups + 48.
		// [3, 5, 120, 2]: 3 → '3', 5 → '5', 120 → 120&31=24 | 0x20 → 'h', 120>>5=3 → '3', 2-5 = -3 → 29 → 'M'
		expect(toCocoString([3, 5, 120, 2])).toBe('35h3M');
		expect(fromCocoString('35h3M')).toEqual([3, 5, 120, 2]);
	});
});
