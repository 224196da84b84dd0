"""Rewrite an exported model folder's shards as float16, in place (the shipped baseline's checkpoint is not kept,
so its float16 copy is made from the exported float32 files; a fresh run uses export.py --float16 instead).

    /usr/bin/python3 tools/train/to_float16.py static/weights/shapes-mrcnn-r10s

The manifest keeps everything else (architecture, training, evaluation) and records where the values came from.
Every stored run and parity fixture made from the float32 files must then be made again (npm run traces, the
commands in docs/golden-tests.md): their fingerprint is the shards' hashes.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export import write_shards  # noqa: E402
from load_exported import read_tensors  # noqa: E402


def to_float16(weights_dir):
    manifest, tensors = read_tensors(weights_dir)
    if manifest.get('formatVersion') == 2:
        raise SystemExit(f'{weights_dir} is already float16')
    old = [s['sha256'] for s in manifest['shards']]
    for p in manifest['weightsManifest'][0]['paths']:
        os.remove(os.path.join(weights_dir, p))
    order = [w['name'] for w in manifest['weightsManifest'][0]['weights']]
    paths, weights, shard_info = write_shards(weights_dir, ((n, tensors[n].numpy()) for n in order), float16=True)
    manifest.update({
        'formatVersion': 2,
        'weightsManifest': [{'paths': paths, 'weights': weights}],
        'shards': shard_info,
        'totalBytes': int(sum(s['byteLength'] for s in shard_info)),
        'float16From': {'note': 'float32 export rounded to nearest float16 (ties to even) by tools/train/to_float16.py',
                        'sha256': old},
    })
    with open(os.path.join(weights_dir, 'manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=1)
    return manifest


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('weights_dir')
    m = to_float16(ap.parse_args().weights_dir)
    print(f"{len(m['shards'])} float16 shard(s), {m['totalBytes']} bytes")


if __name__ == '__main__':
    main()
