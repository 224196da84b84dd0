"""Export trained weights to static/weights/<name>/: manifest.json + float32 little-endian shards (<= 4 MB).

/usr/bin/python3 tools/train/export.py --run tools/train/runs/main --eval tools/train/runs/main/eval.json

Manifest = tfjs weightsManifest conventions (`weightsManifest: [{paths, weights: [{name, shape, dtype}]}]`,
tensors laid out back to back across the shard files in order) plus, per tensor, `shard` and `byteOffset`
within that shard (no tensor straddles two shards), and per shard its sha256 and byte length. Tensors keep
torchvision's state_dict names and PyTorch layouts (Conv2d [out,in,kh,kw], ConvTranspose2d [in,out,kh,kw],
Linear [out,in]); BatchNorm is folded into the preceding convolution, which gains a `.bias`.
"""

import argparse
import hashlib
import json
import os
import shutil
import sys

import numpy as np
import torch
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fold_bn import fold_state_dict  # noqa: E402

FORMAT = 'mask-rcnn-explainer/weights'
FORMAT_VERSION = 1
SHARD_BYTES = 4 * 1024 * 1024


def export(run_dir, out_root, eval_path=None):
    meta = json.load(open(os.path.join(run_dir, 'config.json')))
    cfg = meta['config']
    sd = torch.load(os.path.join(run_dir, 'model.pt'), map_location='cpu')
    folded = fold_state_dict(sd)
    out_dir = os.path.join(out_root, cfg['name'])
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)
    shards, weights, cur, cur_len = [], [], [], 0

    def flush():
        nonlocal cur, cur_len
        if cur:
            shards.append(b''.join(cur))
            cur, cur_len = [], 0

    for name, t in folded.items():
        arr = t.detach().cpu().numpy().astype('<f4')
        data = arr.tobytes(order='C')
        if cur_len + len(data) > SHARD_BYTES:
            flush()
        if len(data) > SHARD_BYTES:
            raise ValueError(f'tensor {name} ({len(data)} bytes) exceeds one shard')
        weights.append({'name': name, 'shape': list(arr.shape), 'dtype': 'float32', 'shard': len(shards),
                        'byteOffset': cur_len, 'byteLength': len(data)})
        cur.append(data)
        cur_len += len(data)
    flush()
    n = len(shards)
    paths = [f'group1-shard{i + 1}of{n}.bin' for i in range(n)]
    shard_info = []
    for p, data in zip(paths, shards):
        with open(os.path.join(out_dir, p), 'wb') as f:
            f.write(data)
        shard_info.append({'path': p, 'byteLength': len(data), 'sha256': hashlib.sha256(data).hexdigest()})
    evaluation = None
    if eval_path:
        ev = json.load(open(eval_path))
        evaluation = {k: ev[k] for k in ('images', 'instances', 'box', 'mask', 'classes', 'level_histogram',
                                         'seconds_per_image') if k in ev}
        evaluation['dataset'] = ev.get('dataset', 'dataset-val: npm run dataset -- --count 300 --seed 1000000')
    manifest = {
        'format': FORMAT,
        'formatVersion': FORMAT_VERSION,
        'modelName': cfg['name'],
        'description': 'Small Mask R-CNN (torchvision 0.14 MaskRCNN) trained from scratch on synthetic shapes only.',
        'architecture': cfg,
        'classNames': cfg['classes'],
        'imageSize': [cfg['image_size'], cfg['image_size']],
        'normalization': {'inputScale': 1 / 255, 'mean': cfg['image_mean'], 'std': cfg['image_std'],
                          'note': 'x = (rgb / 255 - mean) / std, per channel, before resizing (GeneralizedRCNNTransform)'},
        'layout': 'pytorch (Conv2d [out,in,kh,kw]; ConvTranspose2d [in,out,kh,kw]; Linear [out,in]); NCHW semantics',
        'batchNormFolded': True,
        'paramCount': int(sum(int(np.prod(w['shape'])) for w in weights)),
        'totalBytes': int(sum(s['byteLength'] for s in shard_info)),
        'weightsManifest': [{'paths': paths, 'weights': weights}],
        'shards': shard_info,
        'training': {**meta.get('recipe', {}), 'paramCountsTrain': meta.get('param_counts')},
        'evaluation': evaluation,
        'exportedWith': {'torch': torch.__version__, 'torchvision': torchvision.__version__},
    }
    with open(os.path.join(out_dir, 'manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=1)
    return out_dir, manifest


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--run', required=True)
    ap.add_argument('--out', default='static/weights')
    ap.add_argument('--eval')
    args = ap.parse_args()
    out_dir, m = export(args.run, args.out, args.eval)
    print(f"exported {len(m['weightsManifest'][0]['weights'])} tensors, {m['paramCount']} params, "
          f"{m['totalBytes']} bytes in {len(m['shards'])} shard(s) to {out_dir}")


if __name__ == '__main__':
    main()
