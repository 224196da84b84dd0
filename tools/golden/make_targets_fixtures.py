#!/usr/bin/env python3
"""Golden fixtures for the training targets (matcher, balanced sampler, RPN and RoI-head targets, mask targets),
produced by torchvision 0.14 / torch 1.13 CPU.

Run from the repository root with Debian's interpreter (the first python3 on PATH has no torch):

    /usr/bin/python3 tools/golden/make_targets_fixtures.py        (or: npm run fixtures)

Writes tests/fixtures/training-targets.json, read by tests/unit/ops/training-targets.test.ts:
  matcher      quality matrices [M gt, N predictions] (most from box_iou of stored boxes) and torchvision's own
               Matcher output for each threshold configuration; the error messages of the empty and reversed cases
  sampler      label vectors and the counts BalancedPositiveNegativeSampler draws (its indices come from randperm,
               so only the counts and the sets they come from can be compared)
  rpn          anchors of a 96x96 image (project anchor config) and RegionProposalNetwork.assign_targets_to_anchors
               + box_coder.encode for several gt layouts, zero gt included
  roi          proposals + gt for RoIHeads (add_gt_proposals, assign_targets_to_proposals, box_coder.encode for EVERY
               row, subsample counts) and project_masks_on_boxes for some positive rows (64x64 binary gt masks)

Float32 arrays are stored as one hex string per array: 8 hex digits per value, the big-endian IEEE-754 bits (exact).
Binary masks are strings of '0'/'1', row-major. Fixed seeds and one thread: re-running gives a byte-identical file.
"""
import json
import os
import sys

import numpy as np
import torch
import torchvision
from torch import nn
from torchvision.models.detection._utils import BalancedPositiveNegativeSampler, Matcher
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.image_list import ImageList
from torchvision.models.detection.roi_heads import RoIHeads, project_masks_on_boxes
from torchvision.models.detection.rpn import RegionProposalNetwork
from torchvision.ops import boxes as box_ops

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import hx, ints  # noqa: E402

torch.set_num_threads(1)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURE = os.path.join(ROOT, 'tests', 'fixtures', 'training-targets.json')

META = {
    'generator': 'tools/golden/make_targets_fixtures.py',
    'torch': torch.__version__,
    'torchvision': torchvision.__version__,
}

F32 = np.float32
# (high, low, allow_low_quality_matches): the RPN's and the box head's settings, each with the flag flipped, and two
# more pairs (the extremes 1/0, and low < high with low-quality matches)
CONFIGS = [(0.7, 0.3, True), (0.7, 0.3, False), (0.5, 0.5, False), (0.5, 0.5, True), (1.0, 0.0, True),
           (0.6, 0.4, True)]




from targets_layouts import gen, randint, t32, up, down, int_boxes, jitter, box_layouts, quality_matrices  # noqa: E402


def matcher_cases():
    g = gen(31)
    cases = []

    def add(kind, q, gt=None, pred=None):
        assert q.dtype == torch.float32 and q.numel() > 0
        results = [ints(Matcher(hi, lo, allow)(q)) for (hi, lo, allow) in CONFIGS]
        case = {'kind': kind, 'shape': list(q.shape), 'quality': hx(q), 'matches': results}
        if gt is not None:
            case['gt'] = hx(gt)
            case['pred'] = hx(pred)
        cases.append(case)

    for kind, gt, pred in box_layouts(g):
        add(kind, box_ops.box_iou(gt, pred), gt, pred)
    for kind, q in quality_matrices(g):
        add(kind, q)

    errors = []
    for shape in ((0, 5), (4, 0), (0, 0)):
        try:
            Matcher(0.7, 0.3, True)(torch.zeros(shape))
            raise AssertionError('expected an error')
        except ValueError as e:
            errors.append({'shape': list(shape), 'error': str(e)})
    try:
        Matcher(0.3, 0.7)
        raise AssertionError('expected an error')
    except AssertionError as e:
        reversed_error = str(e)
    configs = [{'highThreshold': hi, 'lowThreshold': lo, 'allowLowQualityMatches': allow}
               for (hi, lo, allow) in CONFIGS]
    return {'configs': configs, 'cases': cases, 'emptyErrors': errors, 'reversedError': reversed_error}


# ---------------------------------------------------------------- BalancedPositiveNegativeSampler
def sampler_cases():
    g = gen(32)

    def labels_of(pos, neg, ign, cls=(1,)):
        lab = torch.cat([torch.tensor(cls)[randint(g, 0, len(cls) - 1, pos)], torch.zeros(neg, dtype=torch.int64),
                         -torch.ones(ign, dtype=torch.int64)])
        return lab[torch.randperm(lab.numel(), generator=g)]

    specs = [
        ('all positive', labels_of(300, 0, 0), 256, 0.5),
        ('all negative', labels_of(0, 300, 0), 256, 0.5),
        ('few positives', labels_of(5, 1000, 40), 256, 0.5),
        ('many ignored', labels_of(120, 280, 3600), 256, 0.5),
        ('batch larger than available', labels_of(20, 30, 10), 256, 0.5),
        ('fraction 0', labels_of(50, 500, 5), 256, 0.0),
        ('fraction 1, many positives', labels_of(300, 500, 0), 256, 1.0),
        ('fraction 1, few positives', labels_of(100, 500, 0), 256, 1.0),
        ('box head 128/0.25 (shipped model)', labels_of(40, 400, 20, (1, 2, 3, 4, 5)), 128, 0.25),
        ('box head 512/0.25 (torchvision)', labels_of(200, 2000, 0, (1, 2, 3, 4, 5)), 512, 0.25),
        ('box head 512/0.25, few positives', labels_of(9, 2000, 30, (2, 5)), 512, 0.25),
        ('512/0.25, not enough negatives', labels_of(200, 100, 0, (3,)), 512, 0.25),
        ('RPN 256/0.5', labels_of(180, 3000, 900), 256, 0.5),
        ('int(100 * 0.29) = 28', labels_of(60, 200, 0), 100, 0.29),
        ('int(10 * 0.33) = 3', labels_of(8, 20, 0), 10, 0.33),
        ('int(7 * 0.3) = 2', labels_of(8, 20, 0), 7, 0.3),
        ('batch 1, int(0.5) = 0', labels_of(4, 4, 0), 1, 0.5),
        ('batch 3, fraction 0.5', labels_of(4, 4, 0), 3, 0.5),
        ('empty', labels_of(0, 0, 0), 256, 0.5),
        ('all ignored', labels_of(0, 0, 100), 256, 0.5),
        ('one positive', labels_of(1, 0, 0), 256, 0.5),
        ('one negative', labels_of(0, 1, 0), 256, 0.5),
    ]
    cases = []
    for name, labels, batch, fraction in specs:
        counts = set()
        for seed in range(3):  # the counts must not depend on randperm's draws
            torch.manual_seed(seed)
            pos_mask, neg_mask = BalancedPositiveNegativeSampler(batch, fraction)([labels])
            pos, neg = pos_mask[0].bool(), neg_mask[0].bool()
            assert torch.all(labels[pos] >= 1) and torch.all(labels[neg] == 0)
            counts.add((int(pos.sum()), int(neg.sum())))
            # the RPN's float32 labels sample the same way
            torch.manual_seed(seed)
            pf, nf = BalancedPositiveNegativeSampler(batch, fraction)([labels.to(torch.float32)])
            assert (int(pf[0].sum()), int(nf[0].sum())) == (int(pos.sum()), int(neg.sum()))
        assert len(counts) == 1
        num_pos, num_neg = counts.pop()
        cases.append({'name': name, 'batchSizePerImage': batch, 'positiveFraction': fraction,
                      'labels': ints(labels), 'numPos': num_pos, 'numNeg': num_neg})
    return cases


# ---------------------------------------------------------------- shared by the RPN and RoI targets
def log_table(matched_gt, rows):
    """The inputs of torch.log in encode_boxes (gt size / row size, as torch computes them) and torch's results."""
    ex_w, ex_h = rows[:, 2] - rows[:, 0], rows[:, 3] - rows[:, 1]
    gt_w, gt_h = matched_gt[:, 2] - matched_gt[:, 0], matched_gt[:, 3] - matched_gt[:, 1]
    ins = torch.unique(torch.cat([gt_w / ex_w, gt_h / ex_h]))
    return {'logIn': hx(ins), 'logOut': hx(torch.log(ins))}


# ---------------------------------------------------------------- RPN targets
RPN_SIZES = ((16,), (32,), (64,), (128,), (256,))
RPN_RATIOS = ((0.5, 1.0, 2.0),) * 5
RPN_IMAGE = 96


def rpn_cases():
    ag = AnchorGenerator(RPN_SIZES, RPN_RATIOS)
    # P2..P5 (24, 12, 6, 3) and the 'pool' level max_pool2d(k=1, s=2) adds on P5: (3 - 1) // 2 + 1 = 2
    feature_sizes = [(RPN_IMAGE // d, RPN_IMAGE // d) for d in (4, 8, 16, 32)] + [(2, 2)]
    feats = [torch.zeros(1, 1, h, w) for (h, w) in feature_sizes]
    anchors = ag(ImageList(torch.zeros(1, 3, RPN_IMAGE, RPN_IMAGE), [(RPN_IMAGE, RPN_IMAGE)]), feats)[0]
    rpn = RegionProposalNetwork(ag, nn.Identity(), 0.7, 0.3, 256, 0.5, dict(training=1000, testing=1000),
                                dict(training=500, testing=1000), 0.7)
    # an anchor lying wholly inside the image, used as a gt box (IoU exactly 1)
    inside = torch.where((anchors[:, 0] >= 0) & (anchors[:, 1] >= 0) & (anchors[:, 2] <= RPN_IMAGE) &
                         (anchors[:, 3] <= RPN_IMAGE) & (anchors[:, 2] - anchors[:, 0] == 32))[0]
    a = anchors[int(inside[len(inside) // 3])].tolist()
    layouts = [
        ('three objects', [[8, 10, 40, 46], [48, 14, 90, 52], [24, 60, 50, 88]]),
        # a 6x6 box no anchor reaches 0.7 with; an anchor as gt; a mirrored pair (equal IoUs); overlapping boxes
        ('small, exact, mirrored, overlapping', [[50, 50, 56, 56], a, [30, 66, 44, 80], [52, 66, 66, 80],
                                                 [66, 8, 90, 32], [70, 12, 94, 36]]),
        ('whole image, thin, off-grid', [[0, 0, 96, 96], [3.25, 30.5, 5.75, 70.125], [70.5, 72.5, 95.9, 94.3]]),
        # a gt no anchor overlaps: its best IoU is 0, so every anchor not touching it is "rescued" to its own best gt
        ('gt outside every anchor', [[20, 20, 44, 52], [900, 900, 910, 910]]),
        ('no gt', []),
    ]
    cases = []
    for name, rows in layouts:
        gt = torch.tensor(rows, dtype=torch.float32).reshape(-1, 4)
        labels, matched_gt_boxes = rpn.assign_targets_to_anchors([anchors], [{'boxes': gt}])
        regression = rpn.box_coder.encode(matched_gt_boxes, [anchors])[0]
        case = {'name': name, 'gt': hx(gt), 'labels': ints(labels[0]), 'regression': hx(regression)}
        if gt.numel():
            matches = rpn.proposal_matcher(box_ops.box_iou(gt, anchors))
            assert torch.equal(gt[matches.clamp(min=0)], matched_gt_boxes[0])
            case['matches'] = ints(matches)
        else:
            assert torch.all(matched_gt_boxes[0] == 0)
        case.update(log_table(matched_gt_boxes[0], anchors))
        torch.manual_seed(0)
        pos, neg = rpn.fg_bg_sampler(labels)
        case['numPos'], case['numNeg'] = int(pos[0].sum()), int(neg[0].sum())
        cases.append(case)
    return {'imageSize': [RPN_IMAGE, RPN_IMAGE], 'featureSizes': [list(s) for s in feature_sizes],
            'sizes': [list(s) for s in RPN_SIZES], 'aspectRatios': [list(r) for r in RPN_RATIOS],
            'highThreshold': 0.7, 'lowThreshold': 0.3, 'batchSizePerImage': 256, 'positiveFraction': 0.5,
            'anchors': hx(anchors), 'cases': cases}


# ---------------------------------------------------------------- RoI-head targets and mask targets
MASK = 64
SAMPLINGS = ((512, 0.25), (128, 0.25))


def draw_mask(kind, box):
    x1, y1, x2, y2 = box
    yy, xx = torch.meshgrid(torch.arange(MASK, dtype=torch.float32) + 0.5, torch.arange(MASK, dtype=torch.float32) + 0.5,
                            indexing='ij')
    inside = (xx >= x1) & (xx < x2) & (yy >= y1) & (yy < y2)
    cx, cy, rx, ry = (x1 + x2) / 2, (y1 + y2) / 2, (x2 - x1) / 2, (y2 - y1) / 2
    if kind == 'ellipse':
        m = ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2 <= 1
    elif kind == 'triangle':  # apex at the top centre
        m = inside & (torch.abs(xx - cx) <= rx * (yy - y1) / (y2 - y1))
    elif kind == 'ring':
        d = ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2
        m = (d <= 1) & (d >= 0.35)
    else:
        m = inside
    return (m & inside).to(torch.uint8)


def bounding_box(mask):
    ys, xs = torch.where(mask > 0)
    return [float(xs.min()), float(ys.min()), float(xs.max()) + 1, float(ys.max()) + 1]


def make_proposals(g, gt, n_near, n_random):
    rows = []
    for _ in range(n_near):
        b = gt[int(randint(g, 0, gt.shape[0] - 1))]
        w, h = float(b[2] - b[0]), float(b[3] - b[1])
        d = (torch.rand(4, generator=g) - 0.5) * torch.tensor([w, h, w, h]) * 0.6
        x1, y1, x2, y2 = (b + d).tolist()
        rows.append([min(x1, x2 - 0.5), min(y1, y2 - 0.5), x2, y2])
    for _ in range(n_random):
        x1, y1 = (torch.rand(2, generator=g) * (MASK - 4)).tolist()
        w, h = (torch.rand(2, generator=g) * 30 + 1).tolist()
        rows.append([x1, y1, x1 + w, y1 + h])
    if gt.shape[0]:
        b = gt[0].tolist()
        rows.append(b)  # a proposal equal to a gt (IoU 1)
        rows.append([b[0], b[1], b[2], (b[1] + b[3]) / 2])  # the top half: IoU exactly 0.5 (>= 0.5: positive)
        rows.append(rows[0])  # a duplicate proposal
    return torch.tensor(rows, dtype=torch.float32).reshape(-1, 4)


def roi_cases():
    g = gen(33)
    heads = RoIHeads(None, None, None, 0.5, 0.5, 512, 0.25, None, 0.05, 0.5, 100)
    layouts = [
        ('three objects', [('ellipse', [6, 8, 30, 36], 1), ('square', [34, 4, 60, 26], 2),
                           ('triangle', [20, 30, 56, 62], 3)], 90, 30),
        # two identical gt boxes with different classes and masks: every row ties and takes the first (class 4)
        ('identical gt boxes', [('ring', [10, 10, 42, 50], 4), ('ellipse', [10, 10, 42, 50], 2),
                                ('square', [44, 40, 62, 60], 5)], 40, 20),
        ('one object', [('ring', [12, 14, 50, 40], 5)], 24, 12),
        ('no gt', [], 0, 40),
        ('no proposals', [('ellipse', [4, 4, 24, 20], 1), ('triangle', [30, 30, 60, 60], 3)], 0, 0),
        ('nothing', [], 0, 0),
    ]
    cases = []
    for name, objs, n_near, n_random in layouts:
        masks = [draw_mask(kind, box) for kind, box, _ in objs]
        gt = torch.tensor([bounding_box(m) for m in masks], dtype=torch.float32).reshape(-1, 4)
        gt_labels = torch.tensor([c for _, _, c in objs], dtype=torch.int64)
        gt_masks = torch.stack(masks) if masks else torch.zeros(0, MASK, MASK, dtype=torch.uint8)
        props = make_proposals(g, gt, n_near, n_random) if (n_near or n_random) else torch.zeros(0, 4)
        rows = heads.add_gt_proposals([props], [gt])[0]
        matched, labels = heads.assign_targets_to_proposals([rows], [gt], [gt_labels])
        matched, labels = matched[0], labels[0]
        ref = gt if gt.numel() else torch.zeros(1, 4)
        matched_gt_boxes = ref[matched]
        regression = heads.box_coder.encode([matched_gt_boxes], [rows])[0]
        case = {'name': name, 'proposals': hx(props), 'gt': hx(gt), 'gtLabels': ints(gt_labels),
                'masks': [''.join(str(v) for v in ints(m)) for m in masks], 'maskSize': [MASK, MASK],
                'rows': hx(rows), 'matchedIdxs': ints(matched), 'labels': ints(labels), 'regression': hx(regression)}
        if gt.numel():
            case['matches'] = ints(heads.proposal_matcher(box_ops.box_iou(gt, rows)))
        case.update(log_table(matched_gt_boxes, rows))
        # the counts select_training_samples' subsample draws, and that it returns rows in ascending order
        counts = {}
        for batch, fraction in SAMPLINGS:
            heads.fg_bg_sampler = BalancedPositiveNegativeSampler(batch, fraction)
            torch.manual_seed(1)
            sampled = heads.subsample([labels])[0]
            assert torch.all(sampled[1:] > sampled[:-1])
            counts[f'{batch}/{fraction}'] = [int((labels[sampled] > 0).sum()), int((labels[sampled] == 0).sum())]
        case['sampleCounts'] = counts
        # mask targets of some positive rows (the appended gt rows included), as maskrcnn_loss builds them
        pos = torch.where(labels > 0)[0]
        if len(pos) > 6:
            pos = torch.cat([pos[:2], pos[torch.randperm(len(pos) - 4, generator=g)[:2] + 2].sort()[0], pos[-2:]])
        case['maskRows'] = ints(pos)
        if len(pos):
            targets = project_masks_on_boxes(gt_masks, rows[pos], matched[pos], 28)
            case['maskTargets'] = hx(targets)
        cases.append(case)
    return {'highThreshold': 0.5, 'lowThreshold': 0.5, 'weights': list(heads.box_coder.weights), 'cases': cases}


def main():
    fixture = {'meta': META, 'matcher': matcher_cases(), 'sampler': sampler_cases(), 'rpn': rpn_cases(),
               'roi': roi_cases()}
    with open(FIXTURE, 'w') as f:
        json.dump(fixture, f, separators=(',', ':'))
    size = os.path.getsize(FIXTURE)
    assert size < 2_000_000, f'{FIXTURE} is {size} bytes'
    m = fixture['matcher']
    print(f'training-targets.json: {size} bytes; {len(m["cases"])} quality matrices x {len(CONFIGS)} matcher '
          f'configurations, {len(fixture["sampler"])} sampler cases, {len(fixture["rpn"]["cases"])} RPN layouts, '
          f'{len(fixture["roi"]["cases"])} RoI layouts')


if __name__ == '__main__':
    main()
