#!/usr/bin/env python3
"""Golden fixtures for the RoI ops (roiPool, roiAlign, bilinearSample) and the seed example.

Run from the repository root with Debian's torch 1.13 / torchvision 0.14:

    /usr/bin/python3 tools/golden/make_roi_fixtures.py        (or: npm run fixtures)

Writes
  tests/fixtures/roi-ops.json   every number the RoI golden tests compare against, produced by torchvision's CPU kernels
  src/lib/ops/seed-example.ts   the seed feature map (torch.manual_seed(1); torch.randn(1,1,6,6)) as float32 literals

Float32 arrays are stored as one hex string of concatenated big-endian IEEE-754 bit patterns (8 hex digits per value),
so every value round-trips exactly. The script is deterministic (fixed seeds, one thread): re-running it gives
byte-identical files.
"""
import json
import math
import os
import random
import sys

import numpy as np
import torch
import torchvision
from torchvision.ops import roi_align, roi_pool

torch.set_num_threads(1)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURE = os.path.join(ROOT, 'tests', 'fixtures', 'roi-ops.json')
SEED_TS = os.path.join(ROOT, 'src', 'lib', 'ops', 'seed-example.ts')
COMMAND = '/usr/bin/python3 tools/golden/make_roi_fixtures.py'

SEED = 20231119
rng = random.Random(SEED)
gen = torch.Generator().manual_seed(SEED)

F32 = np.float32
SCALES = [1 / 3, 0.3, 1 / 32, 0.25, 1.0, 0.5, 1 / 16, 0.125]
SAMPLING_RATIOS = [-1, 0, 1, 2, 3]


def hex32(t):
    """Float32 tensor/array -> concatenated big-endian bit patterns."""
    arr = t.detach().contiguous().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
    return arr.astype('>f4').tobytes().hex()


# ---------------------------------------------------------------- feature maps (shared by many cases)
def make_map(kind):
    n, c = rng.randint(1, 3), rng.randint(1, 4)
    h, w = rng.randint(4, 12), rng.randint(4, 12)
    if kind == 'randn':
        x = torch.randn(n, c, h, w, generator=gen)
    elif kind == 'ties':
        # Small integers: many equal values, so roi_pool's "first maximum wins" (strict >) matters.
        x = torch.randint(-2, 3, (n, c, h, w), generator=gen).to(torch.float32)
    else:  # 'nonfinite' (roi_pool only): -inf and NaN cells; NaN is never selected, an all -inf bin gives -FLT_MAX
        x = torch.randn(n, c, h, w, generator=gen)
        mask = torch.rand(n, c, h, w, generator=gen)
        x[mask < 0.35] = float('-inf')
        x[mask > 0.9] = float('nan')
    return {'kind': kind, 'shape': [n, c, h, w], 'tensor': x}


maps = [make_map('randn') for _ in range(30)] + [make_map('ties') for _ in range(6)] + [make_map('nonfinite') for _ in range(4)]
FINITE_MAPS = [i for i, m in enumerate(maps) if m['kind'] != 'nonfinite']


# ---------------------------------------------------------------- boxes
def coord_pair(extent, ss, kind):
    """Two image-space coordinates (lo, hi) along an axis whose feature-map size is `extent`."""
    img = extent / ss
    if kind == 'inside':
        a = rng.uniform(0, img * 0.8)
        return a, rng.uniform(a, img)
    if kind == 'partial':
        a = rng.uniform(-img * 0.5, img * 0.5)
        return a, a + rng.uniform(img * 0.6, img * 1.5)
    if kind == 'outside':
        if rng.random() < 0.5:
            a = rng.uniform(img + 1.2 / ss, img + 4 / ss)
        else:
            a = rng.uniform(-5 / ss, -2.2 / ss)
        return a, a + rng.uniform(0, 3 / ss)
    if kind == 'subcell':
        a = rng.uniform(-0.5 / ss, img)
        return a, a + rng.uniform(0, 0.9 / ss)
    if kind == 'reversed':
        a = rng.uniform(0, img)
        return a, a - rng.uniform(0.05 / ss, img * 0.6)
    if kind == 'zero':
        a = rng.uniform(-1 / ss, img + 1 / ss)
        return a, a
    if kind == 'half':
        # Feature-space coordinates on integers and half-integers (x*ss lands on .5 for many of them): exercises
        # roi_pool's half-away-from-zero rounding, including negative halves (-0.5 -> -1, not -0).
        a = rng.randint(-4, 2 * extent) / 2
        b = a + rng.randint(0, 2 * extent) / 2
        return a / ss, b / ss
    raise ValueError(kind)


BOX_KINDS = ['inside', 'inside', 'partial', 'outside', 'subcell', 'reversed', 'zero', 'half', 'half']


def make_boxes(shape, ss, k):
    n, _, h, w = shape
    rows, kinds = [], []
    for _ in range(k):
        kind = rng.choice(BOX_KINDS)
        # each axis may get a different kind, so e.g. a box can be reversed in x only
        kx = kind if rng.random() < 0.7 else rng.choice(BOX_KINDS)
        x1, x2 = coord_pair(w, ss, kx)
        y1, y2 = coord_pair(h, ss, kind)
        rows.append([rng.randrange(n), x1, y1, x2, y2])
        kinds.append(kind if kx == kind else kind + '/' + kx)
    return torch.tensor(rows, dtype=torch.float32).reshape(-1, 5), kinds


def adaptive_grid(box, ss, out_hw, aligned):
    """roi_align's roi_bin_grid_h/w for sampling_ratio <= 0, in float32 exactly as the CPU kernel computes it."""
    s, off = F32(ss), F32(0.5 if aligned else 0.0)
    x1, y1, x2, y2 = (F32(v) for v in box[1:])
    sw, sh = F32(x1 * s) - off, F32(y1 * s) - off
    ew, eh = F32(x2 * s) - off, F32(y2 * s) - off
    rw, rh = F32(ew - sw), F32(eh - sh)
    if not aligned:
        rw, rh = max(rw, F32(1)), max(rh, F32(1))
    return math.ceil(F32(rh / F32(out_hw[0]))), math.ceil(F32(rw / F32(out_hw[1])))


def output_size_arg(ph, pw):
    # torchvision `_pair`s output_size: an int means a square output; keep a few ints to test that form.
    return ph if ph == pw and rng.random() < 0.5 else [ph, pw]


def pair(o):
    return (o, o) if isinstance(o, int) else tuple(o)


# ---------------------------------------------------------------- cases
cases = []
negative_grid = []  # aligned + adaptive + reversed boxes whose sampling grid is negative (torch result recorded)


def add_case(op, map_id, boxes, kinds, out, ss, sr=None, aligned=None):
    x = maps[map_id]['tensor']
    if op == 'roi_pool':
        y = roi_pool(x, boxes, out, ss)
    else:
        y = roi_align(x, boxes, out, ss, sr, aligned)
    case = {'op': op, 'map': map_id, 'k': boxes.shape[0], 'boxes': hex32(boxes), 'kinds': kinds,
            'outputSize': out, 'spatialScale': ss}
    if op == 'roi_align':
        case['samplingRatio'] = sr
        case['aligned'] = aligned
    case['output'] = hex32(y)
    assert list(y.shape) == [boxes.shape[0], maps[map_id]['shape'][1], *pair(out)]
    cases.append(case)


# roi_pool: every map kind, all scales
for i in range(230):
    map_id = rng.randrange(len(maps))
    ss = SCALES[i % len(SCALES)]
    k = 0 if i in (7, 150) else rng.randint(1, 6)
    boxes, kinds = make_boxes(maps[map_id]['shape'], ss, k)
    add_case('roi_pool', map_id, boxes, kinds, output_size_arg(rng.randint(1, 5), rng.randint(1, 5)), ss)

# roi_align: both aligned values x every sampling ratio, finite maps
for aligned in (False, True):
    for sr in SAMPLING_RATIOS:
        for i in range(32):
            map_id = rng.choice(FINITE_MAPS)
            ss = SCALES[(i + sr) % len(SCALES)]
            k = 0 if i == 11 and sr == 2 else rng.randint(1, 6)
            out = output_size_arg(rng.randint(1, 5), rng.randint(1, 5))
            boxes, kinds = make_boxes(maps[map_id]['shape'], ss, k)
            if aligned and sr <= 0:
                keep = []
                for r in range(boxes.shape[0]):
                    gh, gw = adaptive_grid(boxes[r].tolist(), ss, pair(out), aligned)
                    if gh * gw < 0:
                        # torchvision's CPU kernel sizes a std::vector with gh*gw*PH*PW < 0 and throws here.
                        one = boxes[r:r + 1]
                        try:
                            roi_align(maps[map_id]['tensor'], one, out, ss, sr, aligned)
                            torch_result = 'no error'
                        except Exception as e:  # noqa: BLE001 - we record whatever torch does
                            torch_result = type(e).__name__ + ': ' + str(e).splitlines()[0]
                        negative_grid.append({'map': map_id, 'box': hex32(one), 'outputSize': out, 'spatialScale': ss,
                                              'samplingRatio': sr, 'grid': [gh, gw], 'torch': torch_result})
                    else:
                        keep.append(r)
                boxes = boxes[keep]
                kinds = [kinds[r] for r in keep]
            add_case('roi_align', map_id, boxes, kinds, out, ss, sr, aligned)

# Many RoIs at once: the TS op precomputes samples for chunks of RoIs (2^16 samples each) and runs channels in
# blocks of 4, so these cases cross chunk boundaries (fixed and per-RoI adaptive grids) on a 5-channel map.
big_map = len(maps)
maps.append({'kind': 'randn', 'shape': [2, 5, 10, 11], 'tensor': torch.randn(2, 5, 10, 11, generator=gen)})
for k, sr, aligned, ss, spread in ((160, 3, False, 0.5, 1.0), (130, -1, True, 1.0, 4.0)):
    rows = []
    for _ in range(k):
        x1, y1 = rng.uniform(-3, 9) / ss, rng.uniform(-3, 8) / ss
        rows.append([rng.randrange(2), x1, y1, x1 + rng.uniform(0.5, 11 * spread) / ss, y1 + rng.uniform(0.5, 10 * spread) / ss])
    add_case('roi_align', big_map, torch.tensor(rows, dtype=torch.float32), ['many'] * k, [7, 7], ss, sr, aligned)

# ---------------------------------------------------------------- bilinear probes
# roi_align with aligned=True, sampling_ratio=1, output 1x1, spatial_scale 1 and a zero-size box at (x+0.5, y+0.5)
# has exactly one sample, at (y, x), and divides by count 1: its output IS torchvision's bilinear_interpolate(y, x).
probe_map = torch.randn(2, 3, 5, 7, generator=gen)
PH_, PW_ = 5, 7
ulp = lambda v: float(np.spacing(F32(v)))  # noqa: E731
specials_y = [-1.0, -1.0 - ulp(1.0), -0.5, -0.0, 0.0, 0.25, 2.0, 3.5, PH_ - 1.0, PH_ - 0.75, PH_ - ulp(PH_), float(PH_),
              PH_ + ulp(PH_), PH_ + 0.5, -3.0, 1.203125]
specials_x = [-1.0, -1.0 - ulp(1.0), -0.5, 0.0, 0.6, 3.25, PW_ - 1.0, PW_ - 0.5, float(PW_), PW_ + ulp(PW_), 9.0, 1.203125]
points = [(y, x) for y in specials_y for x in rng.sample(specials_x, 4)]
points += [(rng.uniform(-1.5, PH_ + 0.5), rng.uniform(-1.5, PW_ + 0.5)) for _ in range(40)]
probes = []
for (y, x) in points:
    n = rng.randrange(2)
    by, bx = F32(y + 0.5), F32(x + 0.5)
    box = torch.tensor([[n, bx, by, bx, by]], dtype=torch.float32)
    out = roi_align(probe_map, box, 1, 1.0, 1, True)
    probes.append({'batch': n, 'y': float(F32(by - F32(0.5))), 'x': float(F32(bx - F32(0.5))), 'box': hex32(box),
                   'values': hex32(out)})

# ---------------------------------------------------------------- the seed experiment (reference §15)
torch.manual_seed(1)
seed_map = torch.randn(1, 1, 6, 6)
SEED_BOX = [0.0, 10.0, 10.0, 124.0, 124.0]
seed_box = torch.tensor([SEED_BOX], dtype=torch.float32)
seed_rows = [{'op': 'roi_pool', 'output': hex32(roi_pool(seed_map, seed_box, 2, 1 / 32))}]
for aligned in (False, True):
    for sr in (1, 2, -1, 0, 4):
        seed_rows.append({'op': 'roi_align', 'aligned': aligned, 'samplingRatio': sr,
                          'output': hex32(roi_align(seed_map, seed_box, 2, 1 / 32, sr, aligned))})
# the list-of-boxes form gives the same numbers
assert torch.equal(roi_pool(seed_map, [seed_box[:, 1:]], 2, 1 / 32), roi_pool(seed_map, seed_box, 2, 1 / 32))

fixture = {
    'generator': COMMAND,
    'torch': torch.__version__,
    'torchvision': torchvision.__version__,
    'seed': SEED,
    'encoding': 'float32 arrays are hex strings of concatenated big-endian IEEE-754 bit patterns, 8 hex digits each',
    'maps': [{'kind': m['kind'], 'shape': m['shape'], 'data': hex32(m['tensor'])} for m in maps],
    'cases': cases,
    'negativeGrid': negative_grid,
    'bilinear': {'shape': list(probe_map.shape), 'data': hex32(probe_map),
                 'note': 'roi_align(aligned=True, sampling_ratio=1, output 1, scale 1, zero-size box at (x+.5, y+.5))',
                 'probes': probes},
    'seedExample': {'command': 'torch.manual_seed(1); torch.randn(1,1,6,6)', 'shape': [1, 1, 6, 6],
                    'data': hex32(seed_map), 'box': SEED_BOX, 'spatialScale': 1 / 32, 'outputSize': 2,
                    'rows': seed_rows},
}

os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
with open(FIXTURE, 'w') as fh:
    json.dump(fixture, fh, separators=(',', ':'))
    fh.write('\n')


# ---------------------------------------------------------------- src/lib/ops/seed-example.ts
def lit(v):
    s = '%.9g' % v  # 9 significant digits round-trip float32
    return s


rows = seed_map[0, 0].tolist()
body = ',\n'.join('\t\t' + ', '.join(lit(v) for v in r) for r in rows)
ts = f"""// GENERATED by `{COMMAND}` (torch {torch.__version__}, torchvision {torchvision.__version__}) — do not edit.
// The seed experiment of the RoI lesson: `torch.manual_seed(1); torch.randn(1, 1, 6, 6)`, one box, stride 32.
import type {{ Tensor }} from './tensor';

/** The 6×6 feature map `torch.manual_seed(1); torch.randn(1, 1, 6, 6)`, exact float32 values. */
export const SEED_MAP: Tensor = {{
\tshape: [1, 1, 6, 6],
\t// one row of the map per line
\t// prettier-ignore
\tdata: new Float32Array([
{body}
\t])
}};

/** The seed RoI `[batchIndex, x1, y1, x2, y2]` in image pixels. */
export const SEED_BOX: readonly number[] = [0, 10, 10, 124, 124];

/** The feature map is 1/32 of the image (a stride-32 level). */
export const SEED_SPATIAL_SCALE = 1 / 32;

/** The seed experiment pools to 2×2. */
export const SEED_OUTPUT_SIZE = 2;
"""
with open(SEED_TS, 'w') as fh:
    fh.write(ts)

n_pool = sum(c['op'] == 'roi_pool' for c in cases)
n_align = len(cases) - n_pool
print(f'{os.path.relpath(FIXTURE, ROOT)}: {len(cases)} cases ({n_pool} roi_pool, {n_align} roi_align, '
      f'{sum(c["k"] for c in cases)} boxes), {len(probes)} bilinear probes, {len(negative_grid)} negative-grid boxes, '
      f'{os.path.getsize(FIXTURE) / 1e6:.2f} MB', file=sys.stderr)
print(f'{os.path.relpath(SEED_TS, ROOT)}: seed map', file=sys.stderr)
