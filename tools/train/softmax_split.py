"""Why softmax masks lose most on large shapes (issue 18, the /table-2 page's reading of Table 2b).

    /usr/bin/python3 tools/train/softmax_split.py --data dataset-val --n 40 --out src/lib/ablations/softmax-split.json

On the softmax model's detections (score >= 0.5) in the first N held-out scenes, over the 28x28 pixels its mask
head calls foreground (1 - p(background) > 0.5): the mean probability of the detected class, the mean probability
left to the other shape classes, and the share of those pixels where the detected class falls under 0.5 (holes in
the pasted mask). Small and large split at sqrt(box area) = 160 px, the table's "large".
"""
import argparse
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load_exported import load_exported
from coco_data import CocoShapes
import ablations
ap = argparse.ArgumentParser()
ap.add_argument('--weights', default='static/weights/shapes-mrcnn-r10s-softmax')
ap.add_argument('--data', default='dataset-val')
ap.add_argument('--n', type=int, default=40)
ap.add_argument('--out', help='write the summary as JSON here')
args = ap.parse_args()
torch.set_num_threads(2)
model, man = load_exported(args.weights)
ds = CocoShapes(args.data)
# capture mask logits
cap = {}
orig = ablations.softmax_mask_inference
def hook(x, labels):
    cap['x'] = x; cap['labels'] = labels
    return orig(x, labels)
import torchvision.models.detection.roi_heads as rh
rh.maskrcnn_inference = hook
rows = {'small': [], 'large': []}
with torch.no_grad():
    for i in range(args.n):
        img, tgt = ds[i]
        out = model([img])[0]
        if 'x' not in cap or len(out['boxes']) == 0: continue
        p = cap['x'].softmax(1)  # N,6,28,28
        lab = out['labels']
        for k in range(len(lab)):
            if out['scores'][k] < 0.5: continue
            b = out['boxes'][k]; size = float(((b[2]-b[0])*(b[3]-b[1])).sqrt())
            fg = 1 - p[k, 0]
            own = p[k, lab[k]]
            inside = fg > 0.5
            if inside.sum() == 0: continue
            r = (float(own[inside].mean()), float((fg - own)[inside].mean()), float(((own < 0.5) & inside).float().mean()))
            rows['large' if size >= 160 else 'small'].append(r)
        cap.clear()
summary = {'scenes': args.n, 'split_px': 160, 'model': os.path.basename(args.weights.rstrip('/'))}
for s, r in rows.items():
    a = np.array(r)
    own, other, holes = (float(v) for v in a.mean(0))
    summary[s] = {'detections': len(a), 'own_prob': own, 'other_classes_prob': other, 'hole_share': holes}
    print(s, len(a), 'own p over fg pixels %.3f, other classes %.3f, fg pixels with own<0.5: %.3f' % (own, other, holes))
if args.out:
    with open(args.out, 'w') as f:
        json.dump(summary, f, indent=1)
