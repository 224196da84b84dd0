"""AP with error bars and by object size, for the Table 2 comparison (issue 18).

coco_ap.evaluate matches and accumulates in one go; here the two are split so that the matching (the costly part:
mask IoUs) is done once per image and class, and the accumulation is then repeated on resampled sets of images:

* `image_matches(images, num_classes, iou_type, area_range)` -> per image, per class: scores, matched [T, D],
  ignored [T, D] and the number of non-ignored ground truths. An area range works as pycocotools' areaRng: a gt
  outside it is ignored (matched last, and a detection matched to it is ignored), and an unmatched detection whose
  own area is outside it is ignored too. Areas are mask pixel counts (segm) or box areas (bbox), as pycocotools
  computes them for detections; for ground truth pycocotools reads the annotation's area, which for our data is
  the mask's pixel count in both cases.
* `summary(matches, idx)` -> coco_ap's summary dict on the images `idx` (with repeats: a bootstrap sample).
* `bootstrap(list_of_matches, n, seed)` -> the same resamples of the 300 scenes for every model, so differences
  between models come with a paired interval.

With area_range None the result is exactly coco_ap.evaluate's (test_ap_bootstrap.py checks it).
"""

import numpy as np

import coco_ap
from coco_ap import IOU_THRS, REC_THRS

LARGE = (160.0 ** 2, float('inf'))  # sqrt(area) >= 160 px: "large shapes" in issue 18


def _areas(im, prefix, iou_type):
    if iou_type == 'segm':
        m = np.asarray(im[f'{prefix}_masks'], dtype=bool)
        return m.reshape(len(m), -1).sum(1).astype(np.float64) if len(m) else np.zeros(0)
    b = np.asarray(im[f'{prefix}_boxes'], dtype=np.float64).reshape(-1, 4)
    return (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])


def _gt_areas(im):
    m = np.asarray(im['gt_masks'], dtype=bool)
    return m.reshape(len(m), -1).sum(1).astype(np.float64) if len(m) else np.zeros(0)


def _match(ious, gt_ignore, dt_area, area_range):
    """pycocotools' evaluateImg for one image and class: ious [D, G] (gts already sorted non-ignored first)."""
    n_t, (n_d, n_g) = len(IOU_THRS), ious.shape
    matched = np.zeros((n_t, n_d), dtype=bool)
    ignored = np.zeros((n_t, n_d), dtype=bool)
    for ti, t in enumerate(IOU_THRS):
        gt_used = np.zeros(n_g, dtype=bool)
        for d in range(n_d):
            best = min(t, 1 - 1e-10)
            m = -1
            for g in range(n_g):
                if gt_used[g]:
                    continue
                # once a non-ignored gt is matched, stop before the ignored ones (they are sorted last)
                if m > -1 and not gt_ignore[m] and gt_ignore[g]:
                    break
                if ious[d, g] < best:
                    continue
                best = ious[d, g]
                m = g
            if m >= 0:
                gt_used[m] = True
                matched[ti, d] = True
                ignored[ti, d] = gt_ignore[m]
    if area_range is not None:
        outside = (dt_area < area_range[0]) | (dt_area > area_range[1])
        ignored |= ~matched & outside[None, :]
    return matched, ignored


def image_matches(images, num_classes, iou_type='segm', area_range=None, max_dets=100):
    out = []
    for im in images:
        per_class = []
        gt_area = _gt_areas(im) if 'gt_masks' in im else _areas(im, 'gt', 'bbox')
        dt_area_all = _areas(im, 'dt', iou_type)
        for label in range(1, num_classes):
            gsel = np.flatnonzero(np.asarray(im['gt_labels']) == label)
            gt_ignore = np.zeros(len(gsel), dtype=bool)
            if area_range is not None:
                a = gt_area[gsel]
                gt_ignore = (a < area_range[0]) | (a > area_range[1])
            gorder = np.argsort(gt_ignore, kind='mergesort')
            gsel, gt_ignore = gsel[gorder], gt_ignore[gorder]
            dsel = np.flatnonzero(np.asarray(im['dt_labels']) == label)
            scores = np.asarray(im['dt_scores'], dtype=np.float64)[dsel]
            order = np.argsort(-scores, kind='mergesort')
            dsel = dsel[order][:max_dets]
            if len(dsel) == 0 or len(gsel) == 0:
                ious = np.zeros((len(dsel), len(gsel)))
            elif iou_type == 'bbox':
                ious = coco_ap.box_iou(np.asarray(im['dt_boxes'])[dsel], np.asarray(im['gt_boxes'])[gsel])
            else:
                ious = coco_ap.mask_iou(np.asarray(im['dt_masks'])[dsel], np.asarray(im['gt_masks'])[gsel])
            matched, ignored = _match(ious, gt_ignore, dt_area_all[dsel] if len(dsel) else np.zeros(0), area_range)
            per_class.append({'scores': np.asarray(im['dt_scores'], dtype=np.float64)[dsel], 'matched': matched,
                              'ignored': ignored, 'n_gt': int((~gt_ignore).sum())})
        out.append(per_class)
    return out


def summary(matches, idx=None):
    idx = range(len(matches)) if idx is None else idx
    n_k = len(matches[0]) if matches else 0
    n_t, n_r = len(IOU_THRS), len(REC_THRS)
    precision = -np.ones((n_t, n_r, n_k))
    recall = -np.ones((n_t, n_k))
    for k in range(n_k):
        parts = [matches[i][k] for i in idx]
        n_gt = sum(p['n_gt'] for p in parts)
        if n_gt == 0:
            continue
        parts = [p for p in parts if len(p['scores'])]
        if not parts:
            precision[:, :, k] = 0
            recall[:, k] = 0
            continue
        scores = np.concatenate([p['scores'] for p in parts])
        matched = np.concatenate([p['matched'] for p in parts], axis=1)
        ignored = np.concatenate([p['ignored'] for p in parts], axis=1)
        inds = np.argsort(-scores, kind='mergesort')
        matched, ignored = matched[:, inds], ignored[:, inds]
        tps = np.cumsum(matched & ~ignored, axis=1).astype(np.float64)
        fps = np.cumsum(~matched & ~ignored, axis=1).astype(np.float64)
        for t in range(n_t):
            tp, fp = tps[t], fps[t]
            rc = tp / n_gt
            pr = tp / (fp + tp + np.spacing(1))
            recall[t, k] = rc[-1] if len(rc) else 0
            pr = np.maximum.accumulate(pr[::-1])[::-1]  # monotone, as coco_ap's backward loop
            pi = np.searchsorted(rc, REC_THRS, side='left')
            q = np.zeros(n_r)
            ok = pi < len(pr)
            q[ok] = pr[pi[ok]]
            precision[t, :, k] = q
    return coco_ap.summarize(precision, recall)


def bootstrap(models, n=1000, seed=0, keys=('AP', 'AP50', 'AP75')):
    """models: list of image_matches results over the same images. Returns per model {key: [samples]} and the
    resampled index sets' count; every model sees the same resamples (paired)."""
    n_img = len(models[0])
    rng = np.random.default_rng(seed)
    samples = [{k: [] for k in keys} for _ in models]
    for _ in range(n):
        idx = rng.integers(0, n_img, n_img)
        for mi, m in enumerate(models):
            s = summary(m, idx)
            for k in keys:
                # a resample without any ground truth of the kind measured (possible for large shapes) has no AP
                samples[mi][k].append(np.nan if s[k] == -1 else s[k])
    return [{k: np.asarray(v) for k, v in s.items()} for s in samples]


def interval(values, level=0.95):
    lo, hi = np.nanpercentile(values, [50 * (1 - level), 50 * (1 + level)])
    return float(lo), float(hi)
