"""Table 2, reproduced: the shipped models on the 300 held-out scenes, with bootstrap error bars (issue 18).

    /usr/bin/python3 tools/train/ablation_table.py --data dataset-val --out src/lib/ablations/table2.json \\
        --model roi_align=static/weights/shapes-mrcnn-r10s --model roi_pool=static/weights/shapes-mrcnn-r10s-roipool

Each model is evaluated from its exported files (what the site runs) in its own process: the softmax variant swaps
torchvision's mask functions for the whole process (ablations.set_mask_activation). Each process returns its COCO
summary and its per-image matches (ap_bootstrap.image_matches: all sizes, and large shapes, sqrt(area) >= 160 px);
the bootstrap then draws the same 1000 resamples of the scenes for every model, so each model's AP and each
difference from the first model get a 95 % interval.
"""

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ap_bootstrap  # noqa: E402

KEYS = ('AP', 'AP50', 'AP75')


def evaluate_one(weights_dir, data, out_path, threads, limit=None):
    import torch
    from coco_data import CocoShapes
    from evaluate import run
    from load_exported import load_exported

    torch.set_num_threads(threads)
    model, manifest = load_exported(weights_dir)
    ds = CocoShapes(data)
    t0 = time.time()
    result, images = run(model, ds, limit=limit, return_images=True)
    n_cls = len(result['classes']) + 1
    matches = {
        (kind, size): ap_bootstrap.image_matches(images, n_cls, kind, area)
        for kind in ('segm', 'bbox') for size, area in (('all', None), ('large', ap_bootstrap.LARGE))
    }
    large_gt = int(sum(((m.reshape(len(m), -1).sum(1) >= ap_bootstrap.LARGE[0]).sum() if len(m) else 0)
                       for m in (np.asarray(im['gt_masks']) for im in images)))
    with open(out_path, 'wb') as f:
        pickle.dump({'result': result, 'matches': matches, 'large_instances': large_gt,
                     'seconds': time.time() - t0, 'architecture': manifest['architecture'],
                     'training': manifest.get('training'), 'totalBytes': manifest['totalBytes']}, f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--model', action='append', required=True, help='name=static/weights/<folder>; the first is the reference')
    ap.add_argument('--data', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--bootstrap', type=int, default=1000)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--limit', type=int, help='only the first N scenes (a quick check of the script)')
    ap.add_argument('--results-dir', help="also write each model's evaluate.py result as <dir>/<name>.json "
                                         '(what export.py --eval puts in the manifest)')
    ap.add_argument('--one', help=argparse.SUPPRESS)  # internal: evaluate one model into --out (a pickle)
    args = ap.parse_args()
    if args.one:
        return evaluate_one(args.one, args.data, args.out, args.threads, args.limit)

    names, evals = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for spec in args.model:
            name, folder = spec.split('=', 1)
            path = os.path.join(tmp, f'{name}.pkl')
            print(f'evaluating {name} ({folder}) ...', flush=True)
            subprocess.run([sys.executable, __file__, '--one', folder, '--model', spec, '--data', args.data,
                            '--out', path, '--threads', str(args.threads)] + (['--limit', str(args.limit)] if args.limit else []),
                           check=True)
            names.append((name, folder))
            evals.append(pickle.load(open(path, 'rb')))
            if args.results_dir:
                os.makedirs(args.results_dir, exist_ok=True)
                with open(os.path.join(args.results_dir, f'{name}.json'), 'w') as f:
                    json.dump(evals[-1]['result'], f, indent=1)

    table = {'dataset': args.data, 'images': evals[0]['result']['images'],
             'instances': evals[0]['result']['instances'], 'large_instances': evals[0]['large_instances'],
             'bootstrap': {'resamples': args.bootstrap, 'interval': 0.95, 'seed': 0,
                           'what': 'scenes resampled with replacement; the same resamples for every model'},
             'models': []}
    samples = {}
    for kind, size in (('segm', 'all'), ('bbox', 'all'), ('segm', 'large'), ('bbox', 'large')):
        samples[(kind, size)] = ap_bootstrap.bootstrap([e['matches'][(kind, size)] for e in evals],
                                                       n=args.bootstrap, seed=0, keys=KEYS)
    for mi, ((name, folder), e) in enumerate(zip(names, evals)):
        row = {'name': name, 'model': os.path.basename(folder.rstrip('/')),
               'pooler': e['architecture'].get('pooler', 'roi_align'),
               'mask_activation': e['architecture'].get('mask_activation', 'sigmoid'),
               'iters': (e['training'] or {}).get('iters_done'), 'train_minutes': (e['training'] or {}).get('train_minutes'),
               'bytes': e['totalBytes'], 'eval_seconds': round(e['seconds'], 1)}
        for (kind, size), per_model in samples.items():
            point = ap_bootstrap.summary(e['matches'][(kind, size)])
            label = ('mask' if kind == 'segm' else 'box') + ('' if size == 'all' else '_large')
            row[label] = {}
            for k in KEYS:
                cell = {'value': point[k], 'ci': ap_bootstrap.interval(per_model[mi][k])}
                if mi > 0:
                    ref = ap_bootstrap.summary(evals[0]['matches'][(kind, size)])[k]
                    cell['diff'] = point[k] - ref
                    cell['diff_ci'] = ap_bootstrap.interval(per_model[mi][k] - per_model[0][k])
                row[label][k] = cell
        table['models'].append(row)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, 'w') as f:
        json.dump(table, f, indent=1)
    for row in table['models']:
        cells = ' '.join(f"{row[g]['AP']['value'] * 100:5.1f} [{row[g]['AP']['ci'][0] * 100:4.1f}, "
                         f"{row[g]['AP']['ci'][1] * 100:4.1f}]" for g in ('mask', 'box', 'mask_large'))
        print(f"{row['name']:10s} mask / box / mask-large AP: {cells}")


if __name__ == '__main__':
    main()
