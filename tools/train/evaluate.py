"""Evaluate a trained model on a held-out dataset: COCO box/mask AP (coco_ap.py), per class, FPN level
histograms of proposals and detections, and pictures of the worst failures.

/usr/bin/python3 tools/train/evaluate.py --weights tools/train/runs/main/model.pt --data dataset-val \
    --out tools/train/runs/main/eval.json [--exported static/weights/NAME] [--failures docs/img]
"""

import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from PIL import Image, ImageDraw
from torchvision.ops.poolers import LevelMapper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import coco_ap  # noqa: E402
from coco_data import CocoShapes  # noqa: E402
from model import DEFAULT_CONFIG, build_model  # noqa: E402

LEVELS = ['P2', 'P3', 'P4', 'P5']
PALETTE = [(230, 25, 75), (60, 180, 75), (255, 225, 25), (0, 130, 200), (245, 130, 48), (145, 30, 180),
           (70, 240, 240), (240, 50, 230), (210, 245, 60), (250, 190, 212)]


def level_hist(boxes):
    """FPN level each box is pooled from, with torchvision's own LevelMapper (k0=4, s0=224, levels 2..5)."""
    if len(boxes) == 0:
        return np.zeros(4, dtype=np.int64)
    lv = LevelMapper(2, 5)([boxes]).to(torch.int64).numpy()
    return np.bincount(lv, minlength=4)


def outline(mask):
    m = mask.astype(bool)
    inner = m.copy()
    inner[1:] &= m[:-1]
    inner[:-1] &= m[1:]
    inner[:, 1:] &= m[:, :-1]
    inner[:, :-1] &= m[:, 1:]
    return m & ~inner


def draw_panel(img, masks, boxes, texts):
    arr = img.copy()
    for i, m in enumerate(masks):
        col = np.array(PALETTE[i % len(PALETTE)], dtype=np.float32)
        mb = m.astype(bool)
        arr[mb] = (0.55 * arr[mb] + 0.45 * col).astype(np.uint8)
        e = outline(m)
        arr[e] = col.astype(np.uint8)
    pil = Image.fromarray(arr)
    d = ImageDraw.Draw(pil)
    for i, (b, t) in enumerate(zip(boxes, texts)):
        col = PALETTE[i % len(PALETTE)]
        d.rectangle([float(b[0]), float(b[1]), float(b[2]) - 1, float(b[3]) - 1], outline=col)
        d.rectangle([float(b[0]), float(b[1]) - 11, float(b[0]) + 6 * len(t) + 2, float(b[1])], fill=(0, 0, 0))
        d.text((float(b[0]) + 1, float(b[1]) - 11), t, fill=(255, 255, 255))
    return pil


def save_failure(path, img, gt, dt, classes, title):
    keep = dt['scores'] >= 0.5
    left = draw_panel(img, gt['masks'], gt['boxes'], [classes[l] for l in gt['labels']])
    right = draw_panel(img, dt['masks'][keep], dt['boxes'][keep],
                       [f'{classes[l]} {s:.2f}' for l, s in zip(dt['labels'][keep], dt['scores'][keep])])
    h, w = img.shape[:2]
    canvas = Image.new('RGB', (2 * w + 8, h + 18), 'white')
    canvas.paste(left, (0, 18))
    canvas.paste(right, (w + 8, 18))
    d = ImageDraw.Draw(canvas)
    d.text((4, 3), 'ground truth', fill=(0, 0, 0))
    d.text((w + 12, 3), f'prediction (score >= 0.5)   {title}', fill=(0, 0, 0))
    canvas = canvas.resize((canvas.width * 3 // 4, canvas.height * 3 // 4), Image.BILINEAR)
    canvas.quantize(colors=192, method=Image.MEDIANCUT).save(path, optimize=True)


def image_errors(gt, dt):
    """Misses and confident false positives at mask IoU 0.5, class-aware."""
    keep = dt['scores'] >= 0.5
    ious = coco_ap.mask_iou(dt['masks'][keep], gt['masks']) if keep.any() and len(gt['masks']) else \
        np.zeros((int(keep.sum()), len(gt['masks'])))
    same = dt['labels'][keep][:, None] == gt['labels'][None, :]
    ok = (ious >= 0.5) & same
    misses = int((~ok.any(0)).sum()) if ok.shape[1] else 0
    fps = int((~ok.any(1)).sum()) if ok.shape[0] else 0
    return misses, fps


def run(model, ds, failures_dir=None, n_failures=4, limit=None, return_images=False):
    model.eval()
    captured = {}
    hook = model.rpn.register_forward_hook(lambda m, i, o: captured.__setitem__('proposals', o[0]))
    images, hist_prop, hist_det, hist_det50, errors = [], np.zeros(4, np.int64), np.zeros(4, np.int64), \
        np.zeros(4, np.int64), []
    classes = [c['name'] for c in ds.categories]
    classes = ['__background__'] + classes
    n = len(ds) if limit is None else min(limit, len(ds))
    t0 = time.time()
    with torch.no_grad():
        for i in range(n):
            img, masks, labels = ds.load(i)
            x = torch.from_numpy(np.array(img)).permute(2, 0, 1).float() / 255.0
            out = model([x])[0]
            hist_prop += level_hist(captured['proposals'][0])
            hist_det += level_hist(out['boxes'])
            hist_det50 += level_hist(out['boxes'][out['scores'] >= 0.5])
            gt_boxes = []
            for m in masks:
                ys, xs = np.nonzero(m)
                gt_boxes.append([xs.min(), ys.min(), xs.max() + 1, ys.max() + 1])
            gt = {'boxes': np.array(gt_boxes, np.float64).reshape(-1, 4), 'labels': labels, 'masks': masks.astype(bool)}
            dt = {'boxes': out['boxes'].numpy().astype(np.float64), 'scores': out['scores'].numpy().astype(np.float64),
                  'labels': out['labels'].numpy(), 'masks': (out['masks'][:, 0] > 0.5).numpy()}
            images.append({'gt_boxes': gt['boxes'], 'gt_labels': gt['labels'], 'gt_masks': gt['masks'],
                           'dt_boxes': dt['boxes'], 'dt_scores': dt['scores'], 'dt_labels': dt['labels'],
                           'dt_masks': dt['masks']})
            if failures_dir:
                misses, fps = image_errors(gt, dt)
                errors.append((misses + fps, misses, fps, i))
            if (i + 1) % 50 == 0:
                print(f'{i + 1}/{n} images, {(time.time() - t0) / (i + 1):.3f} s/image', flush=True)
    hook.remove()
    sec = (time.time() - t0) / n
    n_cls = len(classes)
    _, box = coco_ap.evaluate(images, n_cls, 'bbox')
    _, seg = coco_ap.evaluate(images, n_cls, 'segm')
    result = {
        'images': n, 'instances': int(sum(len(im['gt_labels']) for im in images)),
        'seconds_per_image': round(sec, 3),
        'box': box, 'mask': seg, 'classes': classes[1:],
        'level_histogram': {'levels': LEVELS, 'proposals': hist_prop.tolist(), 'detections': hist_det.tolist(),
                            'detections_score_ge_0.5': hist_det50.tolist()},
    }
    if failures_dir:
        os.makedirs(failures_dir, exist_ok=True)
        worst = sorted(errors, key=lambda e: (-e[0], e[3]))[:n_failures]
        result['failures'] = []
        for rank, (_, misses, fps, i) in enumerate(worst):
            img, masks, labels = ds.load(i)
            im = images[i]
            gt = {'masks': im['gt_masks'], 'boxes': im['gt_boxes'], 'labels': im['gt_labels']}
            dt = {'masks': im['dt_masks'], 'boxes': im['dt_boxes'], 'labels': im['dt_labels'], 'scores': im['dt_scores']}
            path = os.path.join(failures_dir, f'failure-{rank + 1}.png')
            seed = ds.images[i].get('seed')
            save_failure(path, np.array(img), gt, dt, classes, f'seed {seed}: {misses} missed, {fps} false')
            result['failures'].append({'file': path, 'seed': seed, 'missed': misses, 'false_positives': fps})
    return (result, images) if return_images else result


def print_table(r):
    print(f"{'':10s} {'AP':>6s} {'AP50':>6s} {'AP75':>6s}")
    for kind in ('box', 'mask'):
        s = r[kind]
        print(f"{kind:10s} {s['AP']:6.3f} {s['AP50']:6.3f} {s['AP75']:6.3f}")
    print('per class (mask AP / box AP):')
    for c, m, b in zip(r['classes'], r['mask']['per_class_AP'], r['box']['per_class_AP']):
        print(f'  {c:10s} {m:6.3f} {b:6.3f}')
    print('levels', r['level_histogram'])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--weights', help='state_dict .pt from train.py')
    ap.add_argument('--exported', help='static/weights/<name> directory (manifest.json + shards)')
    ap.add_argument('--data', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--failures', help='directory for failure pictures')
    ap.add_argument('--limit', type=int)
    ap.add_argument('--threads', type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    if args.exported:
        from load_exported import load_exported
        model, _ = load_exported(args.exported)
    else:
        cfg_path = os.path.join(os.path.dirname(args.weights), 'config.json')
        cfg = json.load(open(cfg_path))['config'] if os.path.exists(cfg_path) else DEFAULT_CONFIG
        model = build_model(cfg)
        model.load_state_dict(torch.load(args.weights, map_location='cpu'))
    r = run(model, CocoShapes(args.data), args.failures, limit=args.limit)
    with open(args.out, 'w') as f:
        json.dump(r, f, indent=1)
    print_table(r)


if __name__ == '__main__':
    main()
