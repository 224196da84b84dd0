"""Golden fixtures for the pipeline glue (FPN levels, anchors, box coding, NMS, sort/top-k, mask pasting,
interpolation, image transform), produced by torchvision 0.14 / torch 1.13 CPU.

Run with Debian's interpreter (the first python3 on PATH has no torch):
    /usr/bin/python3 tools/golden/make_pipeline_fixtures.py

Writes compact JSON into tests/fixtures/. Float32 arrays are stored as one hex string per array: 8 hex digits per value,
the big-endian IEEE-754 bits (exact, and about half the size of decimal text). The TypeScript side only reads them.
"""

import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
import torchvision
from torchvision.models.detection._utils import BoxCoder
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.image_list import ImageList
from torchvision.models.detection.roi_heads import expand_boxes, expand_masks, paste_masks_in_image
from torchvision.models.detection.rpn import RegionProposalNetwork
from torchvision.models.detection.transform import GeneralizedRCNNTransform
from torchvision.ops import boxes as box_ops
from torchvision.ops.poolers import LevelMapper, _setup_scales

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import hx, ints  # noqa: E402

torch.set_num_threads(1)

MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]




from pipeline_common import META, OUT, gen, rand, randn, write  # noqa: E402
from pipeline_sort import sort_cases, topk_cases  # noqa: E402


# ---------------------------------------------------------------- FPN level mapper (poolers.LevelMapper)
def fpn_levels():
    g = gen(11)
    n = 1500
    x1 = rand(g, n) * 900 - 50
    y1 = rand(g, n) * 900 - 50
    side = torch.exp(rand(g, n) * math.log(1200.0))  # 1 .. 1200 px, log-uniform
    aspect = torch.exp((rand(g, n) - 0.5) * 3.0)
    w = side * aspect.sqrt()
    h = side / aspect.sqrt()
    rows = [torch.stack([x1, y1, x1 + w, y1 + h], 1)]
    # boxes whose sqrt(area) lies within 1e-3 relative of the level boundaries (and a few exactly on them)
    rels = [0.0] + [s * 10.0**e for e in np.linspace(-9, -3, 13) for s in (-1.0, 1.0)]
    bnd = []
    for s in (56.0, 112.0, 224.0, 448.0, 896.0):
        for r in rels:
            for ar in (1.0, 1.37, 0.61):
                size = s * (1.0 + r)
                bw, bh = size * math.sqrt(ar), size / math.sqrt(ar)
                ox = float(rand(g, 1)) * 300
                oy = float(rand(g, 1)) * 300
                bnd.append([ox, oy, ox + bw, oy + bh])
    rows.append(torch.tensor(bnd, dtype=torch.float32))
    # degenerate: zero width / height, tiny
    rows.append(torch.tensor([[5, 5, 5, 9], [3, 3, 10, 3], [0, 0, 0, 0], [1, 1, 1.001, 1.001], [0, 0, 1e-3, 1e6]],
                             dtype=torch.float32))
    boxes = torch.cat(rows).to(torch.float32)

    # the mapper torchvision builds for P2..P5 (scales inferred exactly as in MultiScaleRoIAlign)
    feats = [torch.zeros(1, 1, 800 // d, 800 // d) for d in (4, 8, 16, 32)]
    scales, mapper = _setup_scales(feats, [(800, 800)], 224, 4)
    assert scales == [0.25, 0.125, 0.0625, 0.03125], scales
    levels = mapper([boxes]) + mapper.k_min

    # intermediates (same torch ops as LevelMapper.__call__) for the trace
    area = box_ops.box_area(boxes)
    s = torch.sqrt(area)
    k_raw = 4 + torch.log2(s / 224)
    k_floor = torch.floor(k_raw + torch.tensor(1e-6, dtype=torch.float32))

    variant = LevelMapper(3, 6, canonical_scale=256, canonical_level=5, eps=1e-5)
    levels_v = variant([boxes]) + variant.k_min
    n_trace = 400
    write('fpn-levels.json', {
        'meta': META,
        'boxes': hx(boxes),
        'levels': ints(levels),
        'trace': {'count': n_trace, 'area': hx(area[:n_trace]), 'sqrtArea': hx(s[:n_trace]),
                  'kRaw': hx(k_raw[:n_trace]), 'kFloor': [float(v) for v in k_floor[:n_trace]]},
        'variant': {'opts': {'minLevel': 3, 'maxLevel': 6, 'canonicalScale': 256, 'canonicalLevel': 5, 'eps': 1e-5},
                    'levels': ints(levels_v)},
    })
    return len(boxes)


# ---------------------------------------------------------------- anchors (AnchorGenerator)
def fpn_feature_sizes(hp, wp):
    sizes = [(hp // d, wp // d) for d in (4, 8, 16, 32)]
    h5, w5 = sizes[-1]
    sizes.append(((h5 - 1) // 2 + 1, (w5 - 1) // 2 + 1))  # max_pool2d(k=1, s=2) -> 'pool'
    return sizes


def anchors():
    sets = {
        'standard': (((32,), (64,), (128,), (256,), (512,)), ((0.5, 1.0, 2.0),) * 5),
        'small': (((16,), (32,), (64,), (128,), (256,)), ((0.5, 1.0, 2.0),) * 5),
        # several sizes per level, odd sizes (half-to-even rounding) and unusual ratios
        'mixed': (((13, 32, 45), (64, 91), (27,), (255, 256), (509,)),
                  ((0.5, 1.0, 2.0), (0.25, 1.0, 4.0), (1.0,), (0.7, 1.3, 3.0), (0.5, 1.0, 2.0))),
    }
    g = gen(12)
    cases = []
    for (hp, wp) in ((512, 512), (800, 1088), (320, 480), (96, 160)):
        fs = fpn_feature_sizes(hp, wp)
        for name, (sizes, ratios) in sets.items():
            gen_ = AnchorGenerator(sizes, ratios)
            feats = [torch.zeros(1, 1, h, w) for (h, w) in fs]
            il = ImageList(torch.zeros(1, 3, hp, wp), [(hp, wp)])
            a = gen_(il, feats)[0]
            assert a.dtype == torch.float32
            a64 = a.double()
            assert torch.all(a64 == a64.round()), 'anchors are integers'
            idx = torch.arange(a.shape[0], dtype=torch.float64)
            counts = [h * w * len(s) * len(r) for (h, w), s, r in zip(fs, sizes, ratios)]
            levels = []
            off = 0
            for c in counts:
                levels.append({'count': c, 'first': hx(a[off]), 'last': hx(a[off + c - 1])})
                off += c
            sample = torch.randperm(a.shape[0], generator=g)[:200].sort()[0]
            cases.append({
                'imageSize': [hp, wp], 'featureSizes': [list(x) for x in fs], 'set': name,
                'sizes': [list(s) for s in sizes], 'aspectRatios': [list(r) for r in ratios],
                'count': int(a.shape[0]),
                'sum': float(a64.sum()),
                'weightedSum': float((a64 * ((idx % 1009) + 1)[:, None] * torch.tensor([1.0, 3.0, 5.0, 7.0],
                                                                                        dtype=torch.float64)).sum()),
                'cellAnchors': [hx(c) for c in gen_.cell_anchors],
                'levels': levels,
                'sampleIndex': ints(sample), 'sampleRows': hx(a[sample]),
            })
    write('anchors.json', {'meta': META, 'cases': cases})
    return len(cases)


# ---------------------------------------------------------------- BoxCoder decode / encode
def box_coder():
    g = gen(13)
    n = 600
    x1 = rand(g, n) * 600 - 50
    y1 = rand(g, n) * 600 - 50
    w = torch.exp(rand(g, n) * math.log(500.0)) + 0.5
    h = torch.exp(rand(g, n) * math.log(500.0)) + 0.5
    ref = torch.stack([x1, y1, x1 + w, y1 + h], 1)
    clip = math.log(1000.0 / 16)
    cases = []
    for weights in ((1.0, 1.0, 1.0, 1.0), (10.0, 10.0, 5.0, 5.0)):
        for classes in (1, 3):
            d = randn(g, n, 4 * classes) * torch.tensor(weights).repeat(classes) * 0.8
            # rows whose dw/dh exceed the clip (before and after the division by the weight)
            big = torch.arange(0, n, 17)
            d[big, 2] = (5.0 + rand(g, len(big)) * 40) * weights[2]
            d[big, 3] = (3.0 + rand(g, len(big)) * 40) * weights[3]
            d[big[::2], 2] = clip * weights[2]  # exactly at the clip
            d[big[1::3], 3] = -30.0 * weights[3]  # very negative: exp underflows towards 0 (no lower clip)
            coder = BoxCoder(weights)
            out = coder.decode_single(d, ref)
            # torch's own exp on the clipped dw/dh, computed exactly as decode_single does (contiguous tensor)
            dw = torch.clamp(d[:, 2::4] / weights[2], max=clip)
            dh = torch.clamp(d[:, 3::4] / weights[3], max=clip)
            ein = torch.cat([dw.reshape(-1), dh.reshape(-1)])
            eout = torch.cat([torch.exp(dw).reshape(-1), torch.exp(dh).reshape(-1)])
            cases.append({'weights': list(weights), 'classes': classes, 'deltas': hx(d), 'reference': hx(ref),
                          'decoded': hx(out), 'expIn': hx(ein), 'expOut': hx(eout)})
    # encode (training targets): gt boxes vs proposals
    enc = []
    for weights in ((1.0, 1.0, 1.0, 1.0), (10.0, 10.0, 5.0, 5.0)):
        gx = x1 + randn(g, n) * 20
        gy = y1 + randn(g, n) * 20
        gw = w * torch.exp(randn(g, n) * 0.4)
        gh = h * torch.exp(randn(g, n) * 0.4)
        gt = torch.stack([gx, gy, gx + gw, gy + gh], 1)
        coder = BoxCoder(weights)
        t = coder.encode_single(gt, ref)
        lw = (gt[:, 2] - gt[:, 0]).unsqueeze(1) / (ref[:, 2] - ref[:, 0]).unsqueeze(1)
        lh = (gt[:, 3] - gt[:, 1]).unsqueeze(1) / (ref[:, 3] - ref[:, 1]).unsqueeze(1)
        lin = torch.cat([lw.reshape(-1), lh.reshape(-1)])
        lout = torch.cat([torch.log(lw).reshape(-1), torch.log(lh).reshape(-1)])
        enc.append({'weights': list(weights), 'gt': hx(gt), 'proposals': hx(ref), 'encoded': hx(t),
                    'logIn': hx(lin), 'logOut': hx(lout)})
    write('box-coder.json', {'meta': META, 'clip': clip, 'decode': cases, 'encode': enc})
    return len(cases), len(enc), n


# ---------------------------------------------------------------- NMS, batched NMS, box utilities
def cluster_boxes(g, n, extent=300.0, clusters=None):
    clusters = clusters or max(2, n // 6)
    cx = rand(g, clusters) * extent
    cy = rand(g, clusters) * extent
    k = torch.randint(0, clusters, (n,), generator=g)
    bw = 8 + rand(g, n) * 60
    bh = 8 + rand(g, n) * 60
    x = cx[k] + randn(g, n) * 6
    y = cy[k] + randn(g, n) * 6
    return torch.stack([x - bw / 2, y - bh / 2, x + bw / 2, y + bh / 2], 1)


def nms_cases():
    g = gen(14)
    thresholds = [0.3, 0.5, 0.7]
    cases = []
    for n, groups, tie_steps in ((20, 3, 4), (20, 1, 0), (500, 5, 20), (500, 1, 0), (1000, 4, 10), (1001, 4, 10),
                                  (1200, 7, 25), (1200, 2, 0)):
        b = cluster_boxes(g, n)
        if tie_steps:
            sc = torch.floor(rand(g, n) * tie_steps) / tie_steps  # many exactly equal scores
        else:
            sc = rand(g, n)
        idx = torch.randint(0, groups, (n,), generator=g)
        case = {'n': n, 'boxes': hx(b), 'scores': hx(sc), 'groups': ints(idx), 'nms': {}, 'batched': {}}
        for t in thresholds:
            case['nms'][str(t)] = ints(torchvision.ops.nms(b, sc, t))
            case['batched'][str(t)] = ints(box_ops.batched_nms(b, sc, idx, t))
        cases.append(case)
    # IoU exactly at the threshold in float32 (0.5 is exact; 0.3 rounds up in float32 -> suppressed; 0.7 rounds down)
    exact = torch.tensor([[0, 0, 10, 10], [0, 0, 10, 5], [0, 0, 10, 3], [0, 0, 10, 7], [20, 20, 30, 30],
                          [20, 20, 30, 25], [40, 40, 50, 50], [40, 40, 50, 47], [60, 60, 70, 70], [60, 60, 70, 63]],
                         dtype=torch.float32)
    esc = torch.tensor([0.9, 0.8, 0.7, 0.6, 0.9, 0.9, 0.5, 0.5, 0.4, 0.4], dtype=torch.float32)
    eidx = torch.tensor([0, 0, 0, 0, 1, 1, 0, 0, 1, 1])
    case = {'n': len(exact), 'boxes': hx(exact), 'scores': hx(esc), 'groups': ints(eidx), 'nms': {}, 'batched': {}}
    for t in thresholds:
        case['nms'][str(t)] = ints(torchvision.ops.nms(exact, esc, t))
        case['batched'][str(t)] = ints(box_ops.batched_nms(exact, esc, eidx, t))
    cases.append(case)
    write('nms.json', {'meta': META, 'thresholds': thresholds, 'cases': cases})
    return [c['n'] for c in cases]


def boxes_utils():
    g = gen(15)
    a = cluster_boxes(g, 24, extent=120.0, clusters=5)
    b = cluster_boxes(g, 17, extent=120.0, clusters=4)
    a[3] = torch.tensor([5.0, 5.0, 5.0, 9.0])  # zero width
    a[4] = torch.tensor([7.0, 7.0, 4.0, 9.0])  # inverted: negative area (torch does not complain)
    iou = box_ops.box_iou(a, b)
    area = box_ops.box_area(a)
    # clip + small-box removal on decoded-like boxes that stick out of a 100x140 (h, w) image
    c = cluster_boxes(g, 300, extent=160.0, clusters=30) - 20
    tiny = torch.arange(0, 300, 11)
    c[tiny, 2] = c[tiny, 0] + rand(g, len(tiny)) * 2e-3
    c[tiny[::2], 3] = c[tiny[::2], 1] + 1e-3
    c[tiny[1::2], 2] = c[tiny[1::2], 0] + 1e-2
    clipped = box_ops.clip_boxes_to_image(c, (100, 140))
    small = {str(m): ints(box_ops.remove_small_boxes(clipped, m)) for m in (1e-3, 1e-2, 1.0, 15.0)}
    write('boxes.json', {'meta': META, 'a': hx(a), 'b': hx(b), 'iou': hx(iou), 'areaA': hx(area),
                         'raw': hx(c), 'imageSize': [100, 140], 'clipped': hx(clipped), 'removeSmall': small})
    return len(a) * len(b), len(c)


# ---------------------------------------------------------------- torch.sort(descending) and topk tie order


# ---------------------------------------------------------------- paste_masks_in_image
def paste_cases():
    g = gen(18)
    cases = []
    for (hh, ww, n) in ((60, 80, 6), (45, 33, 5), (100, 70, 4), (17, 19, 4)):
        masks = torch.sigmoid(randn(g, n, 1, 28, 28) * 3)
        x1 = rand(g, n) * ww * 1.2 - ww * 0.3
        y1 = rand(g, n) * hh * 1.2 - hh * 0.3
        bw = rand(g, n) * ww * 0.9 + 0.2
        bh = rand(g, n) * hh * 0.9 + 0.2
        boxes = torch.stack([x1, y1, x1 + bw, y1 + bh], 1)
        if n >= 4:
            boxes[0] = torch.tensor([-0.7, -0.4, 0.3, 0.6])  # trunc toward zero, not floor
            boxes[1] = torch.tensor([ww - 3.2, hh - 2.5, ww + 9.0, hh + 4.0])  # sticks out bottom-right
            boxes[2] = torch.tensor([-9.3, -6.8, 4.1, 3.9])  # sticks out top-left
            # (a box entirely outside the image makes torchvision raise a shape error, so none is used here)
        pasted = paste_masks_in_image(masks, boxes, (hh, ww))
        _, scale = expand_masks(masks, padding=1)
        ebox = expand_boxes(boxes, scale).to(dtype=torch.int64)
        cases.append({'imageSize': [hh, ww], 'n': n, 'masks': hx(masks), 'boxes': hx(boxes),
                      'expanded': ints(ebox), 'pasted': hx(pasted)})
    write('paste-masks.json', {'meta': META, 'cases': cases})
    return [(c['imageSize'], c['n']) for c in cases]


# ---------------------------------------------------------------- F.interpolate bilinear, align_corners=False
def interpolate_cases():
    g = gen(19)
    cases = []
    specs = [((1, 1, 30, 30), (57, 30)), ((1, 1, 30, 30), (13, 91)), ((1, 1, 30, 30), (1, 1)),
             ((1, 1, 30, 30), (30, 30)), ((1, 1, 7, 13), (20, 4)), ((1, 1, 5, 9), (113, 7)), ((2, 1, 6, 6), (11, 17)),
             ((1, 3, 17, 23), (40, 31)), ((1, 3, 50, 40), (27, 61)), ((1, 3, 24, 32), (24, 45)),
             ((1, 3, 60, 80), (113, 150)), ((2, 2, 9, 7), (5, 19)), ((1, 3, 9, 9), (1, 2)),
             # 1x1 inputs are channels-last contiguous too: vector lanes of 8 channels + a scalar tail
             ((1, 3, 1, 1), (3, 5)), ((1, 12, 1, 1), (4, 7)), ((2, 16, 1, 1), (5, 3)), ((1, 9, 1, 1), (7, 2))]
    for shape, size in specs:
        x = randn(g, *shape) * 2
        y = F.interpolate(x, size=size, mode='bilinear', align_corners=False)
        cases.append({'shape': list(shape), 'size': list(size), 'input': hx(x), 'output': hx(y)})
    write('interpolate.json', {'meta': META, 'cases': cases})
    return sum(int(np.prod(c['shape'][:2])) * c['size'][0] * c['size'][1] for c in cases)


# ---------------------------------------------------------------- GeneralizedRCNNTransform
def transform_cases():
    g = gen(20)
    sizes = [(427, 640), (375, 500), (333, 500), (480, 640), (300, 2000), (512, 512), (1000, 30), (640, 427),
             (1, 1), (799, 1201), (224, 224), (600, 800), (2000, 300), (513, 511), (96, 160), (33, 1333), (2, 1333)]
    for _ in range(25):
        sizes.append((int(torch.randint(16, 1400, (1,), generator=g)), int(torch.randint(16, 1400, (1,), generator=g))))
    size_cases = []
    for mn, mx in ((512, 512), (800, 1333)):
        t = GeneralizedRCNNTransform(mn, mx, MEAN, STD).eval()
        for (h, w) in sizes:
            im_shape = torch.tensor([h, w])
            scale = torch.min(float(mn) / torch.min(im_shape).to(torch.float32),
                              float(mx) / torch.max(im_shape).to(torch.float32))
            case = {'minSize': mn, 'maxSize': mx, 'inSize': [h, w], 'scale': hx(scale)}
            try:
                il, _ = t([torch.zeros(3, h, w)])
                case.update(resized=list(il.image_sizes[0]), padded=list(il.tensors.shape[-2:]))
            except RuntimeError as e:  # e.g. 2x1333 at max_size 512 -> output height 0
                case.update(error=str(e).split('\n')[0])
            size_cases.append(case)
    # full pixels on small images: uint8 -> /255 -> normalize -> resize -> pad
    pix = []
    for (h, w, mn, mx) in ((37, 53, 64, 100), (90, 70, 48, 64), (20, 20, 20, 20), (1, 1, 9, 9)):
        u8 = torch.randint(0, 256, (3, h, w), generator=g, dtype=torch.uint8)
        img = u8.to(torch.float32) / 255
        t = GeneralizedRCNNTransform(mn, mx, MEAN, STD).eval()
        il, _ = t([img])
        pix.append({'bytes': ints(u8), 'inSize': [h, w], 'minSize': mn, 'maxSize': mx,
                    'normalized': hx(t.normalize(img)), 'imageSize': list(il.image_sizes[0]),
                    'output': hx(il.tensors[0])})
    bytes_div = hx(torch.arange(256, dtype=torch.float32) / 255)
    # postprocess: boxes from resized back to original coordinates
    post = []
    for (orig, resized) in (((427, 640), (799, 1199)), ((300, 2000), (199, 1333)), ((37, 53), (64, 91))):
        boxes = rand(g, 40, 4) * torch.tensor([resized[1], resized[0], resized[1], resized[0]], dtype=torch.float32)
        out = torchvision.models.detection.transform.resize_boxes(boxes, resized, orig)
        post.append({'original': list(orig), 'resized': list(resized), 'boxes': hx(boxes), 'rescaled': hx(out)})
    write('image-transform.json', {'meta': META, 'mean': MEAN, 'std': STD, 'sizes': size_cases, 'pixels': pix,
                                   'div255': bytes_div, 'rescale': post})
    return len(size_cases), len(pix), len(post)


def main():
    os.makedirs(OUT, exist_ok=True)
    only = set(sys.argv[1:])
    jobs = {'fpn': fpn_levels, 'anchors': anchors, 'coder': box_coder, 'nms': nms_cases, 'boxes': boxes_utils,
            'sort': sort_cases, 'topk': topk_cases, 'paste': paste_cases, 'interp': interpolate_cases,
            'transform': transform_cases}
    for name, fn in jobs.items():
        if not only or name in only:
            print(name, '->', fn())


if __name__ == '__main__':
    main()
