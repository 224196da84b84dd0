"""COCO-style average precision in numpy, following pycocotools' COCOeval (bbox and segm):

* IoU thresholds 0.50:0.05:0.95, 101 recall points, area range 'all', maxDets 100 (per image and class),
* detections sorted by score (stable), each greedily matched to the unmatched ground truth with the highest
  IoU >= threshold (later gt wins ties, as in pycocotools), no crowd regions (our data has iscrowd 0 only),
* precision made monotone (non-increasing in recall) before sampling it at the recall points,
* a class with no ground truth is left out of the mean (pycocotools' -1).

Boxes are [x1, y1, x2, y2] (torchvision); masks are boolean HxW arrays.
"""

import numpy as np

IOU_THRS = np.linspace(0.5, 0.95, int(np.round((0.95 - 0.5) / 0.05)) + 1, endpoint=True)
REC_THRS = np.linspace(0.0, 1.00, int(np.round((1.00 - 0.0) / 0.01)) + 1, endpoint=True)


def box_iou(a, b):
    a = np.asarray(a, dtype=np.float64).reshape(-1, 4)
    b = np.asarray(b, dtype=np.float64).reshape(-1, 4)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    w = np.clip(np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0]), 0, None)
    h = np.clip(np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1]), 0, None)
    inter = w * h
    union = area_a[:, None] + area_b[None, :] - inter
    return np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)


def mask_iou(a, b):
    a = np.asarray(a, dtype=bool).reshape(len(a), -1).astype(np.float64)
    b = np.asarray(b, dtype=bool).reshape(len(b), -1).astype(np.float64)
    inter = a @ b.T
    union = a.sum(1)[:, None] + b.sum(1)[None, :] - inter
    return np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)


def match_image(ious, iou_thrs=IOU_THRS):
    """ious: [D, G] for score-sorted detections. Returns dt_matched [T, D] bool."""
    n_d, n_g = ious.shape
    matched = np.zeros((len(iou_thrs), n_d), dtype=bool)
    for ti, t in enumerate(iou_thrs):
        gt_used = np.zeros(n_g, dtype=bool)
        for d in range(n_d):
            best = min(t, 1 - 1e-10)
            m = -1
            for g in range(n_g):
                if gt_used[g]:
                    continue
                if ious[d, g] < best:
                    continue
                best = ious[d, g]
                m = g
            if m >= 0:
                gt_used[m] = True
                matched[ti, d] = True
    return matched


def evaluate(images, num_classes, iou_type='bbox', max_dets=100):
    """images: list (ordered by image id) of dicts with gt_boxes [G,4], gt_labels [G], gt_masks [G,H,W] (segm),
    dt_boxes [D,4], dt_scores [D], dt_labels [D], dt_masks [D,H,W] (segm). Labels are 1..num_classes-1.
    Returns precision [T, R, K] (K = num_classes-1, -1 where the class has no gt) and a summary dict."""
    n_t, n_r, n_k = len(IOU_THRS), len(REC_THRS), num_classes - 1
    precision = -np.ones((n_t, n_r, n_k))
    recall = -np.ones((n_t, n_k))
    for k in range(n_k):
        label = k + 1
        scores_all, matched_all, n_gt = [], [], 0
        for im in images:
            gsel = np.flatnonzero(np.asarray(im['gt_labels']) == label)
            dsel = np.flatnonzero(np.asarray(im['dt_labels']) == label)
            order = np.argsort(-np.asarray(im['dt_scores'], dtype=np.float64)[dsel], kind='mergesort')
            dsel = dsel[order][:max_dets]
            n_gt += len(gsel)
            if len(dsel) == 0:
                continue
            if len(gsel) == 0:
                ious = np.zeros((len(dsel), 0))
            elif iou_type == 'bbox':
                ious = box_iou(np.asarray(im['dt_boxes'])[dsel], np.asarray(im['gt_boxes'])[gsel])
            else:
                ious = mask_iou(np.asarray(im['dt_masks'])[dsel], np.asarray(im['gt_masks'])[gsel])
            scores_all.append(np.asarray(im['dt_scores'], dtype=np.float64)[dsel])
            matched_all.append(match_image(ious))
        if n_gt == 0:
            continue
        if not scores_all:
            precision[:, :, k] = 0
            recall[:, k] = 0
            continue
        scores = np.concatenate(scores_all)
        matched = np.concatenate(matched_all, axis=1)
        inds = np.argsort(-scores, kind='mergesort')
        tps = np.cumsum(matched[:, inds], axis=1).astype(np.float64)
        fps = np.cumsum(~matched[:, inds], axis=1).astype(np.float64)
        for t in range(n_t):
            tp, fp = tps[t], fps[t]
            rc = tp / n_gt
            pr = tp / (fp + tp + np.spacing(1))
            recall[t, k] = rc[-1] if len(rc) else 0
            pr = pr.tolist()
            for i in range(len(pr) - 1, 0, -1):
                if pr[i] > pr[i - 1]:
                    pr[i - 1] = pr[i]
            idx = np.searchsorted(rc, REC_THRS, side='left')
            q = np.zeros(n_r)
            for ri, pi in enumerate(idx):
                if pi < len(pr):
                    q[ri] = pr[pi]
            precision[t, :, k] = q
    return precision, summarize(precision, recall)


def _mean(p):
    v = p[p > -1]
    return float(v.mean()) if v.size else -1.0


def summarize(precision, recall):
    t50 = int(np.argmin(np.abs(IOU_THRS - 0.5)))
    t75 = int(np.argmin(np.abs(IOU_THRS - 0.75)))
    return {
        'AP': _mean(precision),
        'AP50': _mean(precision[t50]),
        'AP75': _mean(precision[t75]),
        'AR100': _mean(recall),
        'per_class_AP': [_mean(precision[:, :, k]) for k in range(precision.shape[2])],
        'per_class_AP50': [_mean(precision[t50, :, k]) for k in range(precision.shape[2])],
    }
