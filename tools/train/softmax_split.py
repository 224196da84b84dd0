"""Why softmax masks lose most on large shapes (issue 18, the /table-2 page's reading of Table 2b).

    /usr/bin/python3 tools/train/softmax_split.py --data dataset-val --n 40 --out src/lib/ablations/softmax-split.json

On the softmax model's detections (score >= 0.5) in the first N held-out scenes, over the 28x28 pixels its mask
head calls foreground (1 - p(background) > 0.5): the mean probability of the detected class, the mean probability
left to the other shape classes, and the share of those pixels where the detected class falls under 0.5 (holes in
the pasted mask). Small and large split at ap_bootstrap.LARGE (sqrt(area) >= 160 px), here on the detected box.
"""
import argparse
import json
import os
import sys

import numpy as np
import torch
import torchvision.models.detection.roi_heads as roi_heads

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ablations  # noqa: E402
from ap_bootstrap import LARGE  # noqa: E402
from coco_data import CocoShapes  # noqa: E402
from load_exported import load_exported  # noqa: E402


def split(model, ds, n):
    # load_exported installs ablations.softmax_mask_inference as torchvision's read-out; wrap it to keep the logits
    logits = []
    roi_heads.maskrcnn_inference = lambda x, labels: (logits.append(x), ablations.softmax_mask_inference(x, labels))[1]
    rows = {'small': [], 'large': []}
    with torch.no_grad():
        for i in range(n):
            logits.clear()
            out = model([ds[i][0]])[0]
            if not logits:
                continue
            p = logits[0].softmax(1)  # detections x classes x 28 x 28
            for k, label in enumerate(out['labels']):
                if out['scores'][k] < 0.5:
                    continue
                b = out['boxes'][k]
                fg = 1 - p[k, 0]
                own = p[k, label]
                inside = fg > 0.5
                if not inside.any():
                    continue
                size = 'large' if float((b[2] - b[0]) * (b[3] - b[1])) >= LARGE[0] else 'small'
                rows[size].append((float(own[inside].mean()), float((fg - own)[inside].mean()),
                                   float((own[inside] < 0.5).float().mean())))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--weights', default='static/weights/shapes-mrcnn-r10s-softmax')
    ap.add_argument('--data', default='dataset-val')
    ap.add_argument('--n', type=int, default=40)
    ap.add_argument('--out', help='write the summary as JSON here')
    args = ap.parse_args()
    torch.set_num_threads(2)
    model, _ = load_exported(args.weights)
    summary = {'scenes': args.n, 'split_px': round(LARGE[0] ** 0.5), 'model': os.path.basename(args.weights.rstrip('/'))}
    for size, r in split(model, CocoShapes(args.data), args.n).items():
        own, other, holes = (float(v) for v in np.array(r).mean(0))
        summary[size] = {'detections': len(r), 'own_prob': own, 'other_classes_prob': other, 'hole_share': holes}
        print(f'{size}: {len(r)} detections; on foreground pixels p(own) {own:.3f}, p(other classes) {other:.3f}, '
              f'share with p(own) < 0.5: {holes:.3f}')
    if args.out:
        with open(args.out, 'w') as f:
            json.dump(summary, f, indent=1)


if __name__ == '__main__':
    main()
