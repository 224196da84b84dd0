// torchvision's BoxCoder (Faster R-CNN box parametrisation) in float32: widths WITHOUT "+1", centre = x1 + 0.5·w,
// deltas divided by the weights, dw/dh clamped from ABOVE only (at log(1000/16)), separate multiply and add.
// `exp`/`log` are Math.exp/Math.log rounded to float32 (correctly rounded); torch's vectorised float exp/log are not
// always, so decoded boxes can differ from torch by about an ulp of the box size — everything else is exact.
import { f } from './float32';
import { assertBoxes } from './validate-boxes';
import { formatValue } from './validate';

export type BoxWeights = [number, number, number, number];

/** The default clamp of dw, dh: log(1000/16) ≈ 4.135, i.e. a box may grow at most 62.5× per side. */
export const BBOX_XFORM_CLIP = Math.log(1000 / 16);

const exp32 = (x: number) => f(Math.exp(x));
const log32 = (x: number) => f(Math.log(x));

function assertWeights(weights: unknown): asserts weights is BoxWeights {
	if (
		!Array.isArray(weights) ||
		weights.length !== 4 ||
		!weights.every((w) => typeof w === 'number' && Number.isFinite(w) && w !== 0)
	)
		throw new Error(`weights must be 4 finite nonzero numbers [wx, wy, ww, wh], got ${formatValue(weights)}`);
}

/**
 * The decode arithmetic with an injectable float32 `exp` (tests pass torch's own exp values to show that everything
 * but the exponential is bit-exact).
 */
export function decodeBoxesWith(
	deltas: Float32Array,
	reference: Float32Array,
	weights: BoxWeights,
	clip: number,
	exp: (x: number) => number
): Float32Array {
	const n = assertBoxes('reference', reference);
	if (!(deltas instanceof Float32Array))
		throw new Error(`deltas must be a Float32Array, got ${formatValue(deltas)}`);
	assertWeights(weights);
	if (typeof clip !== 'number' || Number.isNaN(clip))
		throw new Error(`clip must be a number, got ${formatValue(clip)}`);
	if (n === 0 ? deltas.length !== 0 : deltas.length === 0 || deltas.length % (4 * n) !== 0)
		throw new Error(
			`deltas.length must be a positive multiple of 4·${n} (reference rows × classes × 4), got ${deltas.length}`
		);
	for (let i = 0; i < deltas.length; i++)
		if (Number.isNaN(deltas[i])) throw new Error(`deltas[${i}] must be a number (not NaN), got NaN`);
	const per = n === 0 ? 0 : deltas.length / n; // 4 · classes
	const [wx, wy, ww, wh] = weights.map(f);
	const c = f(clip);
	const out = new Float32Array(deltas.length);
	for (let r = 0; r < n; r++) {
		const b = r * 4;
		const width = f(reference[b + 2] - reference[b]);
		const height = f(reference[b + 3] - reference[b + 1]);
		const cx = f(reference[b] + f(0.5 * width));
		const cy = f(reference[b + 1] + f(0.5 * height));
		for (let o = r * per; o < (r + 1) * per; o += 4) {
			const dx = f(deltas[o] / wx);
			const dy = f(deltas[o + 1] / wy);
			const dw = Math.min(f(deltas[o + 2] / ww), c);
			const dh = Math.min(f(deltas[o + 3] / wh), c);
			const pcx = f(f(dx * width) + cx);
			const pcy = f(f(dy * height) + cy);
			const halfW = f(0.5 * f(exp(dw) * width));
			const halfH = f(0.5 * f(exp(dh) * height));
			out[o] = f(pcx - halfW);
			out[o + 1] = f(pcy - halfH);
			out[o + 2] = f(pcx + halfW);
			out[o + 3] = f(pcy + halfH);
		}
	}
	return out;
}

/**
 * Apply regression deltas to reference boxes (anchors or proposals): `BoxCoder(weights).decode_single`. `deltas` has
 * 4·C numbers per reference box (C = 1 for the RPN, C = classes for the box head, class-major).
 */
export function decodeBoxes(
	deltas: Float32Array,
	reference: Float32Array,
	weights: BoxWeights,
	clip: number = BBOX_XFORM_CLIP
): Float32Array {
	return decodeBoxesWith(deltas, reference, weights, clip, exp32);
}

/** The encode arithmetic with an injectable float32 `log` (see decodeBoxesWith). */
export function encodeBoxesWith(
	reference: Float32Array,
	proposals: Float32Array,
	weights: BoxWeights,
	log: (x: number) => number
): Float32Array {
	const n = assertBoxes('reference', reference);
	const m = assertBoxes('proposals', proposals);
	if (m !== n) throw new Error(`proposals must have one box per reference box (${n}), got ${m}`);
	assertWeights(weights);
	const [wx, wy, ww, wh] = weights.map(f);
	const out = new Float32Array(n * 4);
	for (let o = 0; o < n * 4; o += 4) {
		const exW = f(proposals[o + 2] - proposals[o]);
		const exH = f(proposals[o + 3] - proposals[o + 1]);
		const exX = f(proposals[o] + f(0.5 * exW));
		const exY = f(proposals[o + 1] + f(0.5 * exH));
		const gtW = f(reference[o + 2] - reference[o]);
		const gtH = f(reference[o + 3] - reference[o + 1]);
		const gtX = f(reference[o] + f(0.5 * gtW));
		const gtY = f(reference[o + 1] + f(0.5 * gtH));
		out[o] = f(f(wx * f(gtX - exX)) / exW);
		out[o + 1] = f(f(wy * f(gtY - exY)) / exH);
		out[o + 2] = f(ww * log(f(gtW / exW)));
		out[o + 3] = f(wh * log(f(gtH / exH)));
	}
	return out;
}

/**
 * Regression targets that turn `proposals` into `reference` (ground-truth) boxes: `BoxCoder(weights).encode_single`
 * — the inverse of decodeBoxes (up to rounding), used to explain and to train.
 */
export function encodeBoxes(
	reference: Float32Array,
	proposals: Float32Array,
	weights: BoxWeights
): Float32Array {
	return encodeBoxesWith(reference, proposals, weights, log32);
}
