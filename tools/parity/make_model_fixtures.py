"""Parity fixture for the browser model: torchvision's MaskRCNN, loaded from the shipped weights, on seeded scenes.

    npm run dataset -- --count 6 --seed 424242 --out /tmp/parity-scenes
    /usr/bin/python3 tools/parity/make_model_fixtures.py --weights static/weights/shapes-mrcnn-r10s \
        --scenes /tmp/parity-scenes --out tests/fixtures/model-parity.json

Writes, per scene: the seed and sha256 of its RGB bytes (so the TS test knows it rebuilt the same pixels), per-level
feature statistics (C2..C5, P2..P6), the top-50 RPN proposals, the detections (boxes, labels, scores), every
detection's 28x28 mask probabilities (predicted class) and its pasted binary mask (>= 0.5) as row-major run lengths.
The 28x28 probabilities are stored as base64 little-endian uint16 of round(p * 65535): the quantisation error (7.6e-6)
is far below the test's 1e-3 tolerance and the fixture stays under 1 MB.
"""

import argparse
import base64
import hashlib
import json
import os
import sys

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'train'))
from load_exported import load_exported  # noqa: E402


def runs(mask):
    """Row-major run lengths of a binary mask, starting with a run of zeros (possibly 0)."""
    flat = mask.reshape(-1).astype(np.uint8)
    change = np.flatnonzero(np.diff(flat)) + 1
    bounds = np.concatenate([[0], change, [flat.size]])
    lengths = np.diff(bounds).tolist()
    return lengths if flat[0] == 0 else [0] + lengths


def stats(t):
    t = t.double()
    return {'shape': list(t.shape), 'mean': float(t.mean()), 'std': float(t.std()), 'min': float(t.min()),
            'max': float(t.max()), 'absmean': float(t.abs().mean())}


def q16(m):
    q = np.round(np.clip(m.numpy().astype(np.float64), 0, 1) * 65535).astype('<u2')
    return base64.b64encode(q.tobytes()).decode('ascii')


def f32(x):
    return [float(v) for v in np.asarray(x, dtype=np.float32).reshape(-1)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--weights', required=True)
    ap.add_argument('--scenes', required=True, help='folder written by npm run dataset (PNG + annotations.json)')
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    torch.set_num_threads(1)
    model, manifest = load_exported(args.weights)
    ann = json.load(open(os.path.join(args.scenes, 'annotations.json')))
    cases = []
    for img in ann['images']:
        rgb = np.array(Image.open(os.path.join(args.scenes, img['file_name'])).convert('RGB'))
        x = torch.from_numpy(rgb).permute(2, 0, 1).float() / 255  # a true division, as imageFromBytes does
        with torch.no_grad():
            images, _ = model.transform([x])
            feats = model.backbone.body(images.tensors)
            c_stats = [stats(feats[k]) for k in feats]
            fpn = model.backbone.fpn(feats)
            p_stats = [stats(v) for v in fpn.values()]
            proposals, _ = model.rpn(images, fpn)
            dets, _ = model.roi_heads(fpn, proposals, images.image_sizes)
            probs28 = dets[0]['masks'].clone()
            final = model.transform.postprocess(dets, images.image_sizes, [tuple(x.shape[-2:])])[0]
        pasted = final['masks'][:, 0].numpy() >= 0.5
        cases.append({
            'seed': img.get('seed'),
            'file': img['file_name'],
            'rgbSha256': hashlib.sha256(rgb.tobytes()).hexdigest(),
            'size': list(rgb.shape[:2]),
            'featureStats': {'c': c_stats, 'p': p_stats},
            'proposals': f32(proposals[0][:50]),
            'proposalCount': int(proposals[0].shape[0]),
            'boxes': f32(final['boxes']),
            'labels': [int(v) for v in final['labels']],
            'scores': f32(final['scores']),
            'maskProbs28Q16': [q16(m) for m in probs28[:, 0]],
            'pastedRuns': [runs(m) for m in pasted],
        })
        print(f"{img['file_name']}: {len(final['boxes'])} detections, {proposals[0].shape[0]} proposals", flush=True)
    out = {
        'generatedBy': 'tools/parity/make_model_fixtures.py',
        'torch': torch.__version__,
        'weights': os.path.basename(os.path.normpath(args.weights)),
        'weightsSha256': [s['sha256'] for s in manifest['shards']],
        'cases': cases,
    }
    with open(args.out, 'w') as f:
        json.dump(out, f, separators=(',', ':'))
    print(f'wrote {args.out} ({os.path.getsize(args.out)} bytes)')


if __name__ == '__main__':
    main()
