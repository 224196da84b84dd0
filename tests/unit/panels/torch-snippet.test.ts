// "Copy as PyTorch": every snippet is run with Debian's torch/torchvision, and what it prints must equal what the panel
// shows. The TypeScript side comes from our ops (roiAlign / roiAlignTrace, roiPool, fpnLevelTrace), the Python side
// from torchvision; both go through the panel's formatting and are compared as strings.
import { matcherSnippet } from '../../../src/lib/panels/pytorch/targets-snippet';
import { TARGETS_DEFAULTS, type TargetsState } from '../../../src/lib/panels/targets/targets-state';
import { gtBoxesOf, gtOfState, targetsView } from '../../../src/lib/panels/targets/targets-view';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignFpnLevels, fpnLevelTrace, roiAlign, roiAlignTrace, roiPool } from '../../../src/lib/ops';
import { featureMap } from '../../../src/lib/panels/roi/feature-maps';
import { fmt, fmtShort } from '../../../src/lib/ui/format';
import {
	BORDER_EXAMPLE,
	CLASSIC_EXAMPLE,
	MASK_HEAD_EXAMPLE,
	TORCHVISION_EXAMPLE,
	type Preset
} from '../../../src/lib/panels/roi/presets';
import {
	compareSnippet,
	fpnSnippet,
	roiAlignSnippet,
	roiPoolSnippet
} from '../../../src/lib/panels/pytorch/torch-snippet';
import { FPN_DEFAULTS, cloneFpn, parseFpnParams, type FpnState } from '../../../src/lib/panels/fpn/fpn-state';
import { ROI_DEFAULTS, cloneRoi, parseRoiParams, type RoiState } from '../../../src/lib/panels/roi/roi-state';
import { type Box } from '../../../src/lib/ui/box';

const PYTHON = '/usr/bin/python3';
const PY_ENV = { ...process.env, PYTHONIOENCODING: 'utf-8', OMP_NUM_THREADS: '1' };

function torchvisionMissing(): string | null {
	try {
		execFileSync(PYTHON, ['-c', 'import torchvision'], { stdio: 'pipe', env: PY_ENV, timeout: 120_000 });
		return null;
	} catch (e) {
		return `${PYTHON} -c "import torchvision" failed (${e instanceof Error ? e.message.split('\n')[0] : e}); install Debian's python3-torchvision to run these tests`;
	}
}
const missing = torchvisionMissing();
if (missing) console.warn(`tests/unit/panels/torch-snippet.test.ts skipped: ${missing}`);

// ------------------------------------------------------------------------------------------------ the cases

function preset(p: Preset): RoiState {
	const s = cloneRoi(ROI_DEFAULTS);
	p.apply(s);
	return s;
}
const roi = (over: Partial<RoiState>): RoiState => ({ ...cloneRoi(ROI_DEFAULTS), ...over });
const RANDOM: Partial<RoiState> = { map: 'random', seed: 7, stride: 16, img: [200, 160], out: [3, 3], sr: 0 };

const ROI_CASES: [string, RoiState][] = [
	['defaults', cloneRoi(ROI_DEFAULTS)],
	['preset: torchvision example', preset(TORCHVISION_EXAMPLE)],
	['preset: classic 800x800, 665 px box, 7x7', preset(CLASSIC_EXAMPLE)],
	['preset: box over the border', preset(BORDER_EXAMPLE)],
	['preset: mask head 14x14', preset(MASK_HEAD_EXAMPLE)],
	['random seed 7, stride 16, 200x160, 3x3, adaptive', roi({ ...RANDOM, box: [37, 21, 151, 118] })],
	['random, aligned=True', roi({ ...RANDOM, box: [37, 21, 151, 118], aligned: true })],
	['random, agg=max, adaptive', roi({ ...RANDOM, box: [37, 21, 151, 118], agg: 'max' })],
	['seed map, agg=max, sr 2, aligned', roi({ agg: 'max', sr: 2, aligned: true, box: [5, 12, 150, 140] })],
	[
		'random, box partly off the bottom-right of the map, aligned, sr 3',
		roi({ ...RANDOM, box: [150, 110, 260, 215], aligned: true, sr: 3 })
	],
	[
		'picture, box partly off the top-left, 2x3, adaptive',
		roi({ map: 'image', stride: 8, img: [240, 200], box: [-30, -12.5, 60.25, 47], out: [2, 3], sr: 0 })
	],
	[
		'mask head preset with agg=max (14x14, 2x2 samples per bin)',
		{ ...preset(MASK_HEAD_EXAMPLE), agg: 'max' }
	],
	['sub-cell box, aligned=False min-1 rule, adaptive', roi({ box: [40, 40, 52, 47], out: [3, 2], sr: 0 })]
];

const fpn = (boxes: Box[], round: boolean, img: [number, number] = [800, 800]): FpnState => ({
	boxes,
	img,
	round
});
const THRESHOLD_BOXES: Box[] = [
	[0, 0, 112, 112], // √(wh) = 112 exactly: k = 3, P3 thanks to the eps
	[0, 0, 111, 112], // just below 112: P2
	[0, 0, 112, 113],
	[10.5, 20.25, 122.5, 132.25], // 112 × 112 with fractional corners
	[0, 0, 224, 224], // P4
	[0, 0, 223, 224],
	[0, 0, 224, 225],
	[0, 0, 448, 448], // P5
	[0, 0, 447, 448],
	[0, 0, 79, 79], // k ≈ 2.496: round → P2
	[0, 0, 80, 80], // k ≈ 2.515: round → P3 (floor P2)
	[0, 0, 158, 158], // k ≈ 3.496
	[0, 0, 158, 159], // k ≈ 3.501: round → P4 (floor P3)
	[0, 0, 316, 317],
	[0, 0, 317, 317], // k ≈ 4.501: round → P5 (floor P4)
	[12.345678, 40.5, 170.98765, 199.00001] // a proposal-like box with float corners
];
const FPN_CASES: [string, FpnState][] = [
	['defaults', cloneFpn(FPN_DEFAULTS)],
	['defaults, round on', { ...cloneFpn(FPN_DEFAULTS), round: true }],
	['boxes near 112/224/448 and the rounding thresholds, round off', fpn(THRESHOLD_BOXES, false)],
	['boxes near 112/224/448 and the rounding thresholds, round on', fpn(THRESHOLD_BOXES, true)],
	['no boxes, 640x480', fpn([], true, [640, 480])]
];

// ------------------------------------------------------------------------------------------------ our side

interface Section {
	title: string;
	rows: string[][];
}

const grid = (values: ArrayLike<number>, outW: number): string[][] => {
	const rows: string[][] = [];
	for (let i = 0; i < values.length; i += outW)
		rows.push(
			Array.from(values)
				.slice(i, i + outW)
				.map((v) => fmt(v))
		);
	return rows;
};

/** What the panels show for a RoI state, from our ops. */
function ours(s: RoiState) {
	const fm = featureMap({ map: s.map, seed: s.seed, stride: s.stride, img: s.img });
	const boxes = { shape: [1, 5], data: Float32Array.from([0, ...s.box]) };
	const outputSize: [number, number] = [s.out[0], s.out[1]];
	const alignOpts = {
		outputSize,
		spatialScale: 1 / s.stride,
		samplingRatio: s.sr,
		aligned: s.aligned,
		aggregation: s.agg
	};
	const align = roiAlign(fm.tensor, boxes, alignOpts).data;
	const trace = roiAlignTrace(fm.tensor, [0, ...s.box], alignOpts);
	expect(trace.bins.map((b) => b.value[0])).toEqual(Array.from(align)); // what the panel draws is the op
	const pool = roiPool(fm.tensor, boxes, { outputSize, spatialScale: 1 / s.stride }).data;
	const diff = Array.from(align, (v, i) => v - pool[i]); // the compare panel subtracts in double precision
	const [h, w] = outputSize;
	const alignSection: Section = {
		title: `RoIAlign output ${h}x${w} (${s.agg}, ${trace.gridH}x${trace.gridW} samples per bin)`,
		rows: grid(align, w)
	};
	const poolSection: Section = { title: `RoIPool output ${h}x${w}`, rows: grid(pool, w) };
	return {
		map: fm.tensor.data,
		align: [alignSection],
		pool: [poolSection],
		compare: [poolSection, alignSection, { title: 'RoIAlign - RoIPool', rows: grid(diff, w) }]
	};
}

/** The FPN panel's table rows for a state, from our ops. */
function oursFpn(s: FpnState): string[][] {
	const levels = assignFpnLevels(Float32Array.from(s.boxes.flat()));
	return s.boxes.map((b, i) => {
		const t = fpnLevelTrace(b);
		expect(t.level).toBe(levels[i]);
		const row = [
			String(i + 1),
			`${fmtShort(b[2] - b[0], 1)}x${fmtShort(b[3] - b[1], 1)}`,
			fmt(t.sqrtArea, 1),
			fmt(t.kRaw, 3),
			`P${t.level}`
		];
		if (s.round) row.push(`P${t.levelIfRounded}`);
		return row;
	});
}

// ------------------------------------------------------------------------------------------------ torchvision's side

const NUMBER_ROW = /^\s*-?\d+\.\d+(\s+-?\d+\.\d+)*\s*$/;

/** Printed output → titled grids (a line of numbers belongs to the last title line). */
function sections(stdout: string): Section[] {
	const out: Section[] = [];
	for (const line of stdout.split('\n')) {
		if (line.trim() === '') continue;
		if (NUMBER_ROW.test(line) && out.length) out[out.length - 1].rows.push(line.trim().split(/\s+/));
		else out.push({ title: line, rows: [] });
	}
	return out;
}

interface Run {
	out: string;
	error?: string;
	/** the snippet's feature map `x`, flattened (RoI snippets) */
	x?: number[];
}

// One interpreter for all snippets (torch imports once); each runs in fresh globals as `__main__`, like a script.
const DRIVER = `
import contextlib, io, json, sys, traceback
results = []
for code in json.load(sys.stdin):
    buf, g, r = io.StringIO(), {'__name__': '__main__'}, {}
    try:
        with contextlib.redirect_stdout(buf):
            exec(compile(code, '<snippet>', 'exec'), g)
    except Exception:
        r['error'] = traceback.format_exc()
    r['out'] = buf.getvalue()
    if 'x' in g and hasattr(g['x'], 'flatten'):
        r['x'] = g['x'].flatten().tolist()
    results.append(r)
json.dump(results, sys.stdout)
`;

// the training-targets sandbox: the default scene, other thresholds, a box no anchor covers at 0.7, and no box
const TARGET_CASES: [string, TargetsState, Box[]][] = [
	['scene 11 at 0.7 / 0.3', { ...TARGETS_DEFAULTS }, gtOfState(TARGETS_DEFAULTS)],
	[
		'scene 5 at 0.5 / 0.4',
		{ ...TARGETS_DEFAULTS, seed: 5, high: 0.5, low: 0.4 },
		gtOfState({ ...TARGETS_DEFAULTS, seed: 5 })
	],
	['a thin box', { ...TARGETS_DEFAULTS, boxes: [[100, 100, 104, 180]] }, [[100, 100, 104, 180]]],
	['no box', { ...TARGETS_DEFAULTS, boxes: [] }, []]
];

const SNIPPETS = [
	...ROI_CASES.flatMap(([, s]) => [roiAlignSnippet(s), roiPoolSnippet(s), compareSnippet(s)]),
	...FPN_CASES.map(([, s]) => fpnSnippet(s)),
	...TARGET_CASES.map(([, s, gt]) => matcherSnippet(s, gt))
];

describe.skipIf(missing !== null)(
	'"Copy as PyTorch" snippets print what the panels show (torchvision 0.14)',
	() => {
		let runs: Run[] = [];
		beforeAll(() => {
			const stdout = execFileSync(PYTHON, ['-c', DRIVER], {
				input: JSON.stringify(SNIPPETS),
				env: PY_ENV,
				maxBuffer: 64 << 20,
				timeout: 300_000
			});
			runs = JSON.parse(stdout.toString('utf8')) as Run[];
		}, 320_000);

		const runOf = (code: string): Run => {
			const r = runs[SNIPPETS.indexOf(code)];
			expect(r.error ?? '').toBe('');
			return r;
		};

		it('a snippet is a standalone script (python3 file.py)', () => {
			const dir = mkdtempSync(join(tmpdir(), 'torch-snippet-'));
			try {
				const file = join(dir, 'roi_align.py');
				writeFileSync(file, roiAlignSnippet(cloneRoi(ROI_DEFAULTS)));
				const out = execFileSync(PYTHON, [file], { env: PY_ENV, timeout: 120_000 }).toString('utf8');
				// the documented torchvision example (docs/embedding.md)
				expect(out.trim().split(/\s+/).slice(-4)).toEqual(['-0.8546', '0.3236', '0.2177', '0.0546']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}, 130_000);

		describe.each(ROI_CASES)('RoI panels: %s', (_name, s) => {
			let cached: ReturnType<typeof ours> | undefined;
			const expected = () => (cached ??= ours(s));

			it('the first line holds the panel state as a URL query', () => {
				for (const code of [roiAlignSnippet(s), roiPoolSnippet(s), compareSnippet(s)]) {
					const q = /\?(\S+)$/.exec(code.split('\n')[0])?.[1] ?? '';
					expect(parseRoiParams(new URLSearchParams(q)).state).toEqual(s);
				}
			});

			it('rebuilds our feature map exactly (float32)', () => {
				const x = runOf(roiAlignSnippet(s)).x;
				expect(x).toEqual(Array.from(expected().map));
			});

			it('RoIAlign panel = torchvision roi_align', () => {
				expect(sections(runOf(roiAlignSnippet(s)).out)).toEqual(expected().align);
			});

			it('RoIPool panel = torchvision roi_pool', () => {
				expect(sections(runOf(roiPoolSnippet(s)).out)).toEqual(expected().pool);
			});

			it('compare panel = both ops and their difference', () => {
				expect(sections(runOf(compareSnippet(s)).out)).toEqual(expected().compare);
			});
		});

		describe.each(TARGET_CASES)('training-targets panel: %s', (_name, s, gt) => {
			it("torchvision's Matcher gives the panel's counts", () => {
				const v = targetsView(gtBoxesOf(gt), { high: s.high, low: s.low, sampleSeed: s.sample });
				const printed = Object.fromEntries(
					runOf(matcherSnippet(s, gt))
						.out.trim()
						.split('\n')
						.map((l) => l.split(' '))
						.map(([k, n]) => [k, Number(n)])
				);
				expect(printed).toEqual({
					anchors: v.anchors.length / 4,
					positive: v.counts.positive + v.counts.rescued,
					ignored: v.counts.ignored,
					negative: v.counts.negative
				});
			});
		});

		describe.each(FPN_CASES)('FPN panel: %s', (_name, s) => {
			it('the first line holds the panel state as a URL query', () => {
				const q = /\?(\S+)$/.exec(fpnSnippet(s).split('\n')[0])?.[1] ?? '';
				const parsed = parseFpnParams(new URLSearchParams(q)).state;
				expect(parsed.img).toEqual(s.img);
				expect(parsed.round).toBe(s.round);
				expect(parsed.boxes.length).toBe(s.boxes.length);
			});

			it('LevelMapper levels, √(wh) and k = the panel table', () => {
				const lines = runOf(fpnSnippet(s)).out.trimEnd().split('\n');
				const header = ['box', 'w x h', 'sqrt(wh)', 'k', 'level', ...(s.round ? ['round'] : [])];
				expect(lines[0].split('\t')).toEqual(header);
				expect(lines.slice(1).map((l) => l.split('\t'))).toEqual(oursFpn(s));
			});
		});
	}
);
