// A small, seeded RPN run for the stepper's data-preparation tests: real anchors (generateAnchors), random logits and
// deltas, and the ops' filterProposals — the same trace shape the model returns, without tfjs.
import { anchorLevels, filterProposals, generateAnchors } from '../../src/lib/ops';
import { mulberry32, normals } from '../../src/lib/scenes';

export function smallRpn(seed = 3, side = 128, opts: { pre?: number; post?: number; nms?: number } = {}) {
	const anchorOpts = {
		imageSize: [side, side] as [number, number],
		featureSizes: [32, 16, 8, 4, 2].map((s) => [(s * side) / 128, (s * side) / 128] as [number, number]),
		sizes: [[16], [32], [64], [128], [256]],
		aspectRatios: Array.from({ length: 5 }, () => [0.5, 1, 2])
	};
	const levels = anchorLevels(anchorOpts);
	const anchors = generateAnchors(anchorOpts);
	const n = anchors.length / 4;
	const rnd = mulberry32(seed).next;
	const logits = normals(rnd, n).map((v) => 2 * v);
	const deltas = normals(rnd, 4 * n).map((v) => 0.3 * v);
	const proposals = filterProposals(logits, deltas, anchors, {
		levelCounts: levels.map((l) => l.count),
		imageSize: [side - 8, side],
		preNmsTopN: opts.pre ?? 300,
		postNmsTopN: opts.post ?? 1000,
		nmsThresh: opts.nms ?? 0.7
	});
	return { levels, anchors, logits, deltas, proposals };
}
