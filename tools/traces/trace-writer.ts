// Writes a ModelTrace as the precomputed files of src/lib/model/trace-format.ts: the network's outputs in trace.bin
// (float32), the feature maps in features.bin (float16), and the header that says where each one lies. Only what
// the glue cannot recompute is stored; precomputed.ts replays the rest.
import { encodeFloat16, FLOAT16_MAX } from '../../src/lib/model/float16';
import type { ArchitectureConfig } from '../../src/lib/model/manifest';
import { sha256Hex } from '../../src/lib/model/sha256';
import type { ModelTrace, WeightsFingerprint } from '../../src/lib/model/trace';
import {
	FEATURE_NAMES,
	TRACE_FORMAT,
	TRACE_FORMAT_VERSION,
	type StoredFile,
	type StoredTensor,
	type TraceHeader
} from '../../src/lib/model/trace-format';

export interface TraceMeta {
	model: string;
	weights: WeightsFingerprint;
	architecture: ArchitectureConfig;
	seed: number;
	/** the RGB bytes the trace was computed from */
	image: { data: Uint8Array; width: number; height: number };
	run: TraceHeader['run'];
}

export interface TraceFiles {
	header: TraceHeader;
	traceBin: Uint8Array;
	featuresBin: Uint8Array;
}

/** Lays tensors end to end; each byte range is recorded in the header. */
class Packer {
	readonly tensors: StoredTensor[] = [];
	readonly #chunks: Uint8Array[] = [];
	#offset = 0;

	add(name: string, shape: number[], data: Float32Array | Uint16Array, channel?: number): void {
		const n = shape.reduce((a, b) => a * b, 1);
		if (n !== data.length)
			throw new Error(`${name}: shape [${shape.join(', ')}] needs ${n} values, got ${data.length}`);
		const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
		this.tensors.push({
			name,
			shape,
			byteOffset: this.#offset,
			byteLength: bytes.length,
			...(channel === undefined ? {} : { channel })
		});
		this.#chunks.push(bytes);
		this.#offset += bytes.length;
	}

	file(path: StoredFile['path'], dtype: StoredFile['dtype']): { file: StoredFile; bytes: Uint8Array } {
		const bytes = new Uint8Array(this.#offset);
		let o = 0;
		for (const c of this.#chunks) {
			bytes.set(c, o);
			o += c.length;
		}
		return { file: { path, dtype, byteLength: bytes.length, tensors: this.tensors }, bytes };
	}
}

export async function encodeTraceFiles(trace: ModelTrace, meta: TraceMeta): Promise<TraceFiles> {
	// typed arrays are written as they lie in memory, and the format is little-endian
	if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
		throw new Error('encodeTraceFiles: needs a little-endian host');
	if (trace.parts.length !== 5)
		throw new Error(`encodeTraceFiles: the trace is partial (parts ${trace.parts.join(', ')})`);
	const maps = [...trace.features.c, ...trace.features.p];
	if (maps.length !== FEATURE_NAMES.length)
		throw new Error(`encodeTraceFiles: expected ${FEATURE_NAMES.length} feature maps, got ${maps.length}`);
	const bin = new Packer();
	const { levels, logits, deltas } = trace.rpn;
	levels.forEach((l, i) =>
		bin.add(`rpn.logits.${i}`, [l.count], logits.subarray(l.offset, l.offset + l.count))
	);
	// Deltas only of each level's top-k candidates (the anchors filterProposals decodes): 4k of 65k anchors, ~1 MB
	// less to fetch. Their indices within the level are stored too, and the loader checks the replay picks them.
	const { candidates, candidateLevels } = trace.proposals;
	levels.forEach((l, i) => {
		const mine = Array.from(candidates).filter((_, j) => candidateLevels[j] === i);
		bin.add(
			`rpn.candidates.${i}`,
			[mine.length],
			Float32Array.from(mine, (a) => a - l.offset)
		);
	});
	levels.forEach((l, i) => {
		const mine = Array.from(candidates).filter((_, j) => candidateLevels[j] === i);
		const rows = new Float32Array(4 * mine.length);
		mine.forEach((a, j) => rows.set(deltas.subarray(4 * a, 4 * a + 4), 4 * j));
		bin.add(`rpn.deltas.${i}`, [mine.length, 4], rows);
	});
	const k = trace.proposals.scores.length;
	const classes = trace.classNames.length;
	bin.add('boxHead.classLogits', [k, classes], trace.boxHead.classLogits);
	bin.add('boxHead.boxDeltas', [k, classes * 4], trace.boxHead.boxDeltas);
	bin.add('masks.logits', trace.masks.logits.shape, trace.masks.logits.data);
	const feats = new Packer();
	for (let i = 0; i < maps.length; i++) {
		const name = FEATURE_NAMES[i];
		const [full, preview] = await Promise.all([maps[i].read(), maps[i].preview()]);
		bin.add(`preview.${name}`, preview.map.shape, preview.map.data, preview.channel);
		const worst = full.data.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
		// a value past the float16 range would be stored as Infinity: refuse rather than ship a wrong map
		if (!(worst <= FLOAT16_MAX)) throw new Error(`feature ${name}: |value| ${worst} does not fit float16`);
		feats.add(name, full.shape, encodeFloat16(full.data));
	}
	const traceBin = bin.file('trace.bin', 'float32');
	const featuresBin = feats.file('features.bin', 'float16');
	const header: TraceHeader = {
		format: TRACE_FORMAT,
		formatVersion: TRACE_FORMAT_VERSION,
		model: meta.model,
		weights: meta.weights,
		architecture: meta.architecture,
		seed: meta.seed,
		image: { width: meta.image.width, height: meta.image.height, sha256: await sha256Hex(meta.image.data) },
		run: meta.run,
		counts: { proposals: k, detections: trace.detections.scores.length },
		files: { trace: traceBin.file, features: featuresBin.file }
	};
	return { header, traceBin: traceBin.bytes, featuresBin: featuresBin.bytes };
}
