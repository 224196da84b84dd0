// "Copy as PyTorch": a self-contained Python snippet (torch + torchvision only) that rebuilds a panel's feature map
// and boxes, runs torchvision's op and prints the numbers the panel shows, in the panel's format. Pure text, no DOM.
// tests/unit/panels/torch-snippet.test.ts runs every kind of snippet with torchvision and compares with our ops.
import { cellsFor } from '../roi/feature-maps';
import { fpnToEntries, type FpnState } from '$lib/panels/fpn/fpn-state';
import { roiToEntries, type RoiState } from '$lib/panels/roi/roi-state';
import { toQuery } from '$lib/url/query';

/** A number as a Python literal that parses to the same double (JS's shortest round-trip form). */
function py(v: number): string {
	if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
	return String(Object.is(v, -0) ? 0 : v);
}

const pyBool = (b: boolean) => (b ? 'True' : 'False');

/** The site's `fmt` / `fmtShort` (src/lib/ui/format.ts) in Python, and the output tables of OutputGrid. */
const PY_FORMAT = `

def fmt(v, digits=4):
    # The site's number format: JavaScript's toFixed (the exact value, ties away from zero), never "-0.0000"
    if not math.isfinite(v):
        return str(v)
    p, q = abs(v).as_integer_ratio()
    n = (2 * p * 10**digits + q) // (2 * q)
    s = str(n).rjust(digits + 1, '0')
    if digits:
        s = s[:-digits] + '.' + s[-digits:]
    return '-' + s if v < 0 and n else s


def fmt_short(v, digits=4):
    # fmt without trailing zeros (32.0 -> 32, 1.50 -> 1.5)
    s = fmt(v, digits)
    return s.rstrip('0').rstrip('.') if '.' in s else s


def print_grid(rows):
    cells = [[fmt(v) for v in row] for row in rows]
    width = max(len(c) for row in cells for c in row)
    for row in cells:
        print('  '.join(c.rjust(width) for c in row))

`;

/** Python lines that build `x`, the panel's [1, 1, H, W] feature map. */
function mapCode(s: RoiState): string {
	const [w, h] = s.img;
	if (s.map === 'seed')
		return `
# The feature map: torchvision's example, torch.manual_seed(1); torch.randn(1, 1, 6, 6) (always 6x6 cells; the
# stride only sets how many image pixels a cell covers)
torch.manual_seed(1)
x = torch.randn(1, 1, 6, 6)
`;
	const H = cellsFor(h, s.stride);
	const W = cellsFor(w, s.stride);
	if (s.map === 'random')
		return `
# The feature map: the site's random map with seed ${s.seed}, one standard normal per ${s.stride}x${s.stride}-pixel cell of a
# ${w}x${h} image (${H}x${W} cells). Same generator as the site: mulberry32 (32-bit integer arithmetic, as JavaScript's
# Math.imul and >>> do it) and Box-Muller in double precision, rounded to float32 at the end.
M32 = 0xFFFFFFFF


def mulberry32(seed):
    a = seed & M32

    def uniform():
        nonlocal a
        a = (a + 0x6D2B79F5) & M32
        t = ((a ^ (a >> 15)) * (a | 1)) & M32
        t ^= (t + ((t ^ (t >> 7)) * (t | 61))) & M32
        return (t ^ (t >> 14)) / 4294967296

    return uniform


def normals(uniform, n):
    out = []
    while len(out) < n:
        u1, u2 = 1 - uniform(), uniform()
        r = math.sqrt(-2 * math.log(u1))
        out += [r * math.cos(2 * math.pi * u2), r * math.sin(2 * math.pi * u2)]
    return out[:n]


H, W = math.ceil(${h} / ${s.stride}), math.ceil(${w} / ${s.stride})
x = torch.tensor(normals(mulberry32(${s.seed}), H * W), dtype=torch.float32).reshape(1, 1, H, W)
`;
	return `
# The feature map: the site's drawn picture of a ${w}x${h} image, averaged over each ${s.stride}x${s.stride}-pixel cell
# (${H}x${W} cells, 4x4 samples per cell; pixels beyond the image count as 0). Same drawing as the site, rounded to
# float32 at the end.
def picture(px, py, w, h):
    m = min(w, h)

    def in_disk(cx, cy, r):
        return (px - cx) ** 2 + (py - cy) ** 2 <= r * r

    if in_disk(0.75 * w, 0.2 * h, 0.06 * m):
        return 1
    if in_disk(0.3 * w, 0.35 * h, 0.18 * m):
        return 0.85
    if 0.52 * w <= px <= 0.88 * w and 0.5 * h <= py <= 0.84 * h:
        return 0.95 if 0.64 * h <= py <= 0.7 * h else 0.55
    return 0.05 + 0.2 * ((px / w + py / h) / 2)


def picture_map(w, h, stride, n=4):
    H, W = math.ceil(h / stride), math.ceil(w / stride)
    values = []
    for i in range(H):
        for j in range(W):
            acc = 0
            for a in range(n):
                for b in range(n):
                    py, px = (i + (a + 0.5) / n) * stride, (j + (b + 0.5) / n) * stride
                    if px < w and py < h:
                        acc += picture(px, py, w, h)
            values.append(acc / (n * n))
    return torch.tensor(values, dtype=torch.float32).reshape(1, 1, H, W)


x = picture_map(${w}, ${h}, ${s.stride})
`;
}

function roiHeader(s: RoiState, title: string, page: string, imports: string): string {
	const q = toQuery(roiToEntries(s, { full: true }));
	return `# ${title} - Mask R-CNN Explainer, ${page}?${q}
# Prints the numbers the panel shows, computed by torchvision (written for torch 1.13 / torchvision 0.14).
import math

import torch
${imports}
${PY_FORMAT}${mapCode(s)}
boxes = torch.tensor([[0, ${s.box.map(py).join(', ')}]], dtype=torch.float32)  # batch index, x1, y1, x2, y2 (image px)
out_h, out_w, stride = ${s.out[0]}, ${s.out[1]}, ${s.stride}
`;
}

const POOL_CODE = `
pool = roi_pool(x, boxes, output_size=(out_h, out_w), spatial_scale=1 / stride)
`;

/** RoIAlign: settings, the sampling grid as torchvision's kernel derives it, the op (and the max variant). */
function alignCode(s: RoiState): string {
	const max =
		s.agg === 'max'
			? `# torchvision has no max mode. The same numbers: one sample in the centre of each of the gh x gw sub-bins of every
# bin (output size (out_h * gh, out_w * gw), sampling_ratio=1 puts the points there), then the max of each bin.
# torchvision rounds those point positions a little differently in float32, so rarely the 4th decimal is off by 1.
if gh * gw > 0:
    samples = roi_align(x, boxes, output_size=(out_h * gh, out_w * gw), spatial_scale=1 / stride, sampling_ratio=1,
                        aligned=aligned)
    align = F.max_pool2d(samples, kernel_size=(gh, gw))
else:  # an empty sampling grid: no samples, every output is 0 (as the average also gives)
    align = roi_align(x, boxes, output_size=(out_h, out_w), spatial_scale=1 / stride, sampling_ratio=sr,
                      aligned=aligned)
`
			: `align = roi_align(x, boxes, output_size=(out_h, out_w), spatial_scale=1 / stride, sampling_ratio=sr, aligned=aligned)
`;
	return `
sr, aligned = ${s.sr}, ${pyBool(s.aligned)}  # sampling_ratio 0 = adaptive (torchvision: 0 or negative)

# The sampling grid per bin, computed like torchvision's kernel (float32): sampling_ratio if > 0, else
# ceil(roi size / output size); with aligned=False the RoI is first made at least 1x1 cell.
sw, sh, ew, eh = boxes[0, 1:] * torch.tensor(1 / stride, dtype=torch.float32) - (0.5 if aligned else 0.0)
roi_w, roi_h = ew - sw, eh - sh
if not aligned:
    roi_w, roi_h = roi_w.clamp(min=1), roi_h.clamp(min=1)
gh = sr if sr > 0 else math.ceil(float(roi_h / out_h))
gw = sr if sr > 0 else math.ceil(float(roi_w / out_w))

${max}`;
}

const alignCaption = (s: RoiState) =>
	`print(f'RoIAlign output {out_h}x{out_w} (${s.agg}, {gh}x{gw} samples per bin)')`;

const alignImports = (s: RoiState) =>
	s.agg === 'max'
		? 'import torch.nn.functional as F\nfrom torchvision.ops import roi_align'
		: 'from torchvision.ops import roi_align';

/** The RoIAlign panel (src/lib/panels/roi/RoiAlignPanel.svelte). */
export function roiAlignSnippet(s: RoiState): string {
	return (
		roiHeader(s, 'RoIAlign', '/roi-align', alignImports(s)) +
		alignCode(s) +
		`
${alignCaption(s)}
print_grid(align[0, 0].tolist())
`
	);
}

/** The RoIPool panel (src/lib/panels/roi/RoiPoolPanel.svelte). */
export function roiPoolSnippet(s: RoiState): string {
	return (
		roiHeader(s, 'RoIPool', '/roi-pool', 'from torchvision.ops import roi_pool') +
		POOL_CODE +
		`
print(f'RoIPool output {out_h}x{out_w}')
print_grid(pool[0, 0].tolist())
`
	);
}

/** The side-by-side panel (src/lib/panels/roi/ComparePanel.svelte): both ops on the same map and box, and their difference. */
export function compareSnippet(s: RoiState): string {
	const imports = alignImports(s).replace('import roi_align', 'import roi_align, roi_pool');
	return (
		roiHeader(s, 'RoIPool vs RoIAlign', '/compare', imports) +
		POOL_CODE +
		alignCode(s) +
		`
print(f'RoIPool output {out_h}x{out_w}')
print_grid(pool[0, 0].tolist())
${alignCaption(s)}
print_grid(align[0, 0].tolist())
print('RoIAlign - RoIPool')  # in double precision, as the panel subtracts
print_grid([[a - p for a, p in zip(ra, rp)] for ra, rp in zip(align[0, 0].tolist(), pool[0, 0].tolist())])
`
	);
}

/** The FPN level panel (src/lib/panels/fpn/FpnLevelPanel.svelte): torchvision's LevelMapper and the panel's table. */
export function fpnSnippet(s: FpnState): string {
	const q = toQuery(fpnToEntries(s, { full: true }));
	const rows = s.boxes.map((b) => `    [${b.map(py).join(', ')}],`).join('\n');
	const roundCode = s.round
		? `
    # The panel's "round" option is NOT torchvision: k rounded to the nearest level (halves up, no eps), clamped
    # to [2, 5], as some other implementations choose the level.
    row.append(f'P{min(max(math.floor(k[i].item() + 0.5), 2), 5)}')`
		: '';
	return `# FPN level of each box - Mask R-CNN Explainer, /fpn-levels?${q}
# Prints the panel's table, computed by torchvision (written for torch 1.13 / torchvision 0.14).
import math

import torch
from torchvision.ops.poolers import initLevelMapper
${PY_FORMAT}
B = [  # x1, y1, x2, y2 in pixels of a ${s.img[0]}x${s.img[1]} image
${rows}
]
boxes = torch.tensor(B, dtype=torch.float32).reshape(-1, 4)

# torchvision's LevelMapper as Mask R-CNN builds it for P2-P5 (k_min=2, k_max=5, canonical box 224 px at level 4,
# eps 1e-6): level = clamp(floor(4 + log2(sqrt(wh) / 224) + eps), 2, 5). It returns level - k_min.
mapper = initLevelMapper(2, 5, canonical_scale=224, canonical_level=4, eps=1e-6)
levels = (mapper([boxes]) + 2).tolist()

# The intermediate numbers of the table, in float32 as LevelMapper computes them (k without the eps)
s = torch.sqrt((boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1]))
k = 4 + torch.log2(s / 224)

print('box', 'w x h', 'sqrt(wh)', 'k', 'level'${s.round ? ", 'round'" : ''}, sep='\\t')
for i, b in enumerate(B):
    row = [str(i + 1), f'{fmt_short(b[2] - b[0], 1)}x{fmt_short(b[3] - b[1], 1)}', fmt(s[i].item(), 1),
           fmt(k[i].item(), 3), f'P{levels[i]}']${roundCode}
    print(*row, sep='\\t')
`;
}
