"""Export trained weights to static/weights/<name>/: manifest.json + little-endian shards (<= 4 MB).

/usr/bin/python3 tools/train/export.py --run tools/train/runs/main --eval tools/train/runs/main/eval.json [--float16]

--float16 stores every tensor as IEEE binary16 (numpy's round-to-nearest-even), halving the download; the manifest
says so per tensor (dtype "float16", formatVersion 2) and the site's loader widens them back to float32. The parity
fixtures are made from the exported files, so they test exactly what the site runs.

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
import sys

import numpy as np
import torch
import torchvision

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fold_bn import fold_state_dict  # noqa: E402

FORMAT = 'mask-rcnn-explainer/weights'
FORMAT_VERSION = 1  # float32 only; 2 when float16 tensors are present
SHARD_BYTES = 4 * 1024 * 1024


def write_shards(out_dir, named_tensors, float16=False):
    """Tensors back to back in shards of <= SHARD_BYTES (none straddles two); returns paths, entries, shard info."""
    shards, weights, cur, cur_len = [], [], [], 0

    def flush():
        nonlocal cur, cur_len
        if cur:
            shards.append(b''.join(cur))
            cur, cur_len = [], 0

    for name, t in named_tensors:
        arr = (t.detach().cpu().numpy() if hasattr(t, 'detach') else np.asarray(t)).astype('<f4')
        if float16:
            if np.abs(arr).max(initial=0) > 65504:
                raise ValueError(f'tensor {name} has values beyond float16 range')
            arr = arr.astype('<f2')
        data = arr.tobytes(order='C')
        if cur_len + len(data) > SHARD_BYTES:
            flush()
        if len(data) > SHARD_BYTES:
            raise ValueError(f'tensor {name} ({len(data)} bytes) exceeds one shard')
        weights.append({'name': name, 'shape': list(arr.shape), 'dtype': 'float16' if float16 else 'float32',
                        'shard': len(shards), 'byteOffset': cur_len, 'byteLength': len(data)})
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
    return paths, weights, shard_info


def export(run_dir, out_root, eval_path=None, float16=False):
    meta = json.load(open(os.path.join(run_dir, 'config.json')))
    cfg = meta['config']
    sd = torch.load(os.path.join(run_dir, 'model.pt'), map_location='cpu')
    folded = fold_state_dict(sd)
    out_dir = os.path.join(out_root, cfg['name'])
    # a re-export replaces the weights and manifest but keeps the stored runs (traces/) made from them
    if os.path.isdir(out_dir):
        for f in os.listdir(out_dir):
            if f != 'traces' and os.path.isfile(os.path.join(out_dir, f)):
                os.remove(os.path.join(out_dir, f))
    os.makedirs(out_dir, exist_ok=True)
    paths, weights, shard_info = write_shards(out_dir, folded.items(), float16)
    evaluation = None
    if eval_path:
        ev = json.load(open(eval_path))
        evaluation = {k: ev[k] for k in ('images', 'instances', 'box', 'mask', 'classes', 'level_histogram',
                                         'seconds_per_image') if k in ev}
        evaluation['dataset'] = ev.get('dataset', 'dataset-val: npm run dataset -- --count 300 --seed 1000000')
    manifest = {
        'format': FORMAT,
        'formatVersion': 2 if float16 else FORMAT_VERSION,
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
    ap.add_argument('--float16', action='store_true', help='store float16 tensors (half the bytes)')
    args = ap.parse_args()
    out_dir, m = export(args.run, args.out, args.eval, args.float16)
    print(f"exported {len(m['weightsManifest'][0]['weights'])} tensors, {m['paramCount']} params, "
          f"{m['totalBytes']} bytes in {len(m['shards'])} shard(s) to {out_dir}")


if __name__ == '__main__':
    main()
