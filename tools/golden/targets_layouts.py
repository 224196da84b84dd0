"""Box layouts and quality matrices for the matcher fixture (used by make_targets_fixtures.py)."""

import numpy as np
import torch

F32 = np.float32


def gen(seed):
    return torch.Generator().manual_seed(seed)


def randint(g, lo, hi, *shape):
    """Integers in [lo, hi] (inclusive)."""
    return torch.randint(lo, hi + 1, shape, generator=g)


def t32(rows):
    return torch.tensor(rows, dtype=torch.float32).reshape(-1, 4)


def up(x):
    return float(np.nextafter(F32(x), F32(2)))


def down(x):
    return float(np.nextafter(F32(x), F32(-2)))


# ---------------------------------------------------------------- Matcher
def int_boxes(g, n, size=64, lo=1, hi=40):
    x1 = randint(g, 0, size - lo, n)
    y1 = randint(g, 0, size - lo, n)
    w = randint(g, lo, hi, n)
    h = randint(g, lo, hi, n)
    return torch.stack([x1, y1, x1 + w, y1 + h], 1).to(torch.float32)


def jitter(g, boxes, n, amount):
    """n boxes, each a copy of a random row of `boxes` with every coordinate moved by up to `amount` (integers)."""
    pick = randint(g, 0, boxes.shape[0] - 1, n)
    out = boxes[pick] + randint(g, -amount, amount, n, 4).to(torch.float32)
    x1 = torch.minimum(out[:, 0], out[:, 2] - 1)
    y1 = torch.minimum(out[:, 1], out[:, 3] - 1)
    return torch.stack([x1, y1, out[:, 2], out[:, 3]], 1)


def box_layouts(g):
    """(kind, gt, predictions) box layouts; their IoU matrices are the matcher inputs."""
    out = []
    for _ in range(110):  # random integer boxes, half the predictions near a gt (high IoUs, exact ties)
        m, n = int(randint(g, 1, 6)), int(randint(g, 1, 30))
        gt = int_boxes(g, m)
        k = int(randint(g, 0, n))
        pred = torch.cat([jitter(g, gt, k, 4), int_boxes(g, n - k)])[torch.randperm(n, generator=g)]
        out.append(('random', gt, pred))
    for _ in range(20):  # duplicated gts (exact ties across gts: first index wins) and duplicated predictions
        m, n = int(randint(g, 1, 4)), int(randint(g, 2, 30))
        gt = int_boxes(g, m)
        gt = torch.cat([gt, gt[randint(g, 0, m - 1, int(randint(g, 1, 3)))]])
        gt = gt[torch.randperm(gt.shape[0], generator=g)]
        pred = jitter(g, gt, n, 3)
        pred = torch.cat([pred, pred[: n // 2]])
        out.append(('duplicates', gt, pred))
    for _ in range(20):  # nested boxes: every box inside the previous one
        m, n = int(randint(g, 1, 4)), int(randint(g, 2, 25))
        rows = []
        x1, y1, x2, y2 = 0, 0, 64, 64
        for _ in range(m + n):
            x1 += int(randint(g, 0, 3)); y1 += int(randint(g, 0, 3))
            x2 -= int(randint(g, 0, 3)); y2 -= int(randint(g, 0, 3))
            x2, y2 = max(x2, x1 + 1), max(y2, y1 + 1)
            rows.append([x1, y1, x2, y2])
        boxes = t32(rows)[torch.randperm(m + n, generator=g)]
        out.append(('nested', boxes[:m], boxes[m:]))
    for _ in range(20):  # mirrored layouts: gt pairs symmetric about the predictions' axis -> equal IoUs
        n = int(randint(g, 1, 20))
        pred = []
        for _ in range(n):
            w, h = int(randint(g, 4, 20)), int(randint(g, 4, 20))
            cy = int(randint(g, 10, 54))
            pred.append([32 - w, cy - h, 32 + w, cy + h])
        gt = []
        for _ in range(int(randint(g, 1, 3))):
            d, w, h, cy = int(randint(g, 0, 12)), int(randint(g, 3, 16)), int(randint(g, 3, 16)), int(randint(g, 10, 54))
            gt.append([32 - d - w, cy - h, 32 - d + w, cy + h])
            gt.append([32 + d - w, cy - h, 32 + d + w, cy + h])
        out.append(('mirrored', t32(gt), t32(pred)))
    for _ in range(20):  # a tiny gt: no prediction reaches 0.7 or 0.5, only the low-quality rule can match it
        n = int(randint(g, 3, 30))
        pred = int_boxes(g, n, lo=8, hi=30)
        c = pred[int(randint(g, 0, n - 1))]
        gx, gy = float(c[0]) + int(randint(g, 0, 3)), float(c[1]) + int(randint(g, 0, 3))
        gt = t32([[gx, gy, gx + 3, gy + 3]] + int_boxes(g, int(randint(g, 0, 2))).tolist())
        out.append(('low-quality', gt, pred))
    # the rule rescues gt 0 with a prediction whose own best gt is gt 1: the prediction goes to gt 1, gt 0 gets none
    # (p0: IoU 0.41 with gt 0, 0.6 with gt 1; p1: 0.82 with gt 1 -> p0 is gt 0's best but goes to gt 1)
    out.append(('rescue-other-gt', t32([[0, 0, 10, 10], [4, 0, 14, 10]]),
                t32([[3, 0, 13, 14], [5, 0, 15, 10], [40, 40, 50, 50]])))
    out.append(('rescue-other-gt', t32([[0, 0, 20, 20], [6, 0, 26, 20], [30, 30, 34, 34]]),
                t32([[4, 0, 24, 20], [7, 0, 27, 20], [31, 31, 40, 40], [0, 30, 64, 64]])))
    for _ in range(15):  # a gt overlapping nothing: its highest IoU is 0, so every prediction with IoU 0 to it is
        n = int(randint(g, 1, 25))  # "rescued" and takes its own best gt (gt 0 if it overlaps nothing at all)
        gt = torch.cat([int_boxes(g, int(randint(g, 0, 3))), t32([[200, 200, 210, 215]])])
        gt = gt[torch.randperm(gt.shape[0], generator=g)]
        out.append(('zero-iou-gt', gt, int_boxes(g, n)))
    # IoUs exactly f(0.7), f(0.3), f(0.5) (10x10 against 10x7, 10x3, 10x5; one ulp around: quality_matrices)
    base = [0, 0, 10, 10]
    exact = t32([[0, 0, 10, 7], [0, 0, 10, 3], [0, 0, 10, 5], [0, 0, 10, 10], [20, 20, 30, 30], [0, 3, 10, 10],
                 [0, 0, 7, 10], [0, 0, 3, 10]])
    out.append(('exact-thresholds', t32([base]), exact))
    out.append(('exact-thresholds', t32([base, [0, 0, 10, 7]]), exact))
    out.append(('exact-thresholds', t32([[0, 0, 10, 7], base, [0, 0, 10, 3]]), exact))
    # degenerate boxes: a zero-area gt against an identical zero-area prediction has IoU 0/0 = NaN
    out.append(('nan', t32([[5, 5, 5, 5], [0, 0, 10, 10]]), t32([[5, 5, 5, 5], [0, 0, 10, 8], [5, 5, 5, 9]])))
    out.append(('nan', t32([[0, 0, 10, 10], [3, 3, 3, 3], [3, 3, 3, 3]]),
                t32([[3, 3, 3, 3], [0, 0, 10, 10], [20, 20, 30, 30], [2, 2, 4, 4]])))
    out.append(('nan', t32([[3, 3, 3, 3]]), t32([[3, 3, 3, 3], [0, 0, 10, 10]])))
    for m, n in ((8, 200), (5, 300)):  # larger matrices
        gt = int_boxes(g, m)
        pred = torch.cat([jitter(g, gt, n // 2, 5), int_boxes(g, n - n // 2)])
        out.append(('large', gt, pred))
    return out


def quality_matrices(g):
    """(kind, quality) matrices given directly (no boxes)."""
    out = []
    f7, f3, f5 = float(F32(0.7)), float(F32(0.3)), 0.5
    special = [f7, down(f7), up(f7), f3, down(f3), up(f3), f5, down(f5), up(f5), 0.0, 1.0, 0.7 - 1e-9, 0.2, 0.6]
    for _ in range(40):  # values at and one ulp around the thresholds, with many ties
        m, n = int(randint(g, 1, 5)), int(randint(g, 1, 20))
        idx = randint(g, 0, len(special) - 1, m, n)
        out.append(('threshold-values', torch.tensor(special, dtype=torch.float32)[idx]))
    for _ in range(60):  # quantised qualities: a few levels only, so columns and rows tie often
        m, n = int(randint(g, 1, 8)), int(randint(g, 1, 40))
        levels = int(randint(g, 2, 10))
        out.append(('quantised', randint(g, 0, levels, m, n).to(torch.float32) / levels))
    for _ in range(10):  # uniform random qualities (no ties)
        m, n = int(randint(g, 1, 6)), int(randint(g, 1, 40))
        out.append(('uniform', torch.rand(m, n, generator=g)))
    nan = float('nan')
    out.append(('nan', torch.tensor([[0.5, nan, 0.1, 0.9], [nan, nan, 0.2, nan], [0.6, nan, nan, nan]])))
    out.append(('nan', torch.tensor([[0.8, 0.1, nan], [0.2, 0.75, 0.3]])))
    out.append(('zeros', torch.zeros(3, 7)))
    out.append(('zeros', torch.zeros(1, 1)))
    out.append(('ones', torch.ones(2, 5)))
    return out
