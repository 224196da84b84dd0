"""Train the small Mask R-CNN on the synthetic shapes (torchvision 0.14, CPU).

/usr/bin/python3 tools/train/train.py --data dataset-train --out tools/train/runs/main --budget-min 65
The LR schedule (linear warm-up, then cosine) runs over a wall-clock budget when --budget-min is given (the
machine is shared, so iterations/s vary), else over --iters; the log records how many iterations were done.
Every 100 iterations the whole state (weights, optimizer, every RNG, place in the epoch) goes to <out>/state.pt;
--resume continues from it, so a run cut off by the end of a session carries on where it stopped.
"""

import argparse
import copy
import csv
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from coco_data import CocoShapes, collate  # noqa: E402
from fast_cpu import use_fast_heads  # noqa: E402
from model import DEFAULT_CONFIG, build_model, param_counts  # noqa: E402
from plot_losses import plot  # noqa: E402

TERMS = ['loss_classifier', 'loss_box_reg', 'loss_mask', 'loss_objectness', 'loss_rpn_box_reg']


def rng_states(ds):
    return {'torch': torch.get_rng_state(), 'numpy': np.random.get_state(), 'random': random.getstate(),
            'datasets': [d.rng.bit_generator.state for d in ds.datasets]}


def restore_rngs(st, ds):
    torch.set_rng_state(st['torch'])
    np.random.set_state(st['numpy'])
    random.setstate(st['random'])
    for d, s in zip(ds.datasets, st['datasets']):
        d.rng.bit_generator.state = s


def save_state(path, model, opt, it, pos, seconds, epoch_g, ds):
    # Written beside, then renamed: a run killed mid-write keeps the previous state.
    torch.save({'model': model.state_dict(), 'opt': opt.state_dict(), 'it': it, 'pos': pos, 'seconds': seconds,
                'epoch_g': epoch_g, 'rngs': rng_states(ds)}, path + '.tmp')
    os.replace(path + '.tmp', path)


def keep_csv_rows(path, it):
    """Drop the log rows written after the saved state (they will be trained again)."""
    with open(path, newline='') as f:
        rows = list(csv.reader(f))
    with open(path, 'w', newline='') as f:
        csv.writer(f).writerows([rows[0]] + [r for r in rows[1:] if int(r[0]) <= it])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--iters', type=int, default=2000)
    ap.add_argument('--budget-min', type=float, default=0.0, help='schedule over wall-clock minutes instead of --iters')
    ap.add_argument('--batch', type=int, default=4)
    ap.add_argument('--lr', type=float, default=1.5e-3)
    ap.add_argument('--weight-decay', type=float, default=1e-4)
    ap.add_argument('--warmup', type=int, default=150)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--log-every', type=int, default=10)
    ap.add_argument('--train-sizes', default='',
                    help='comma-separated extra image sizes for multi-scale training, e.g. 384,448 (cheaper iterations)')
    ap.add_argument('--pooler', choices=['roi_align', 'roi_pool'], default='roi_align',
                    help='Table 2c ablation: RoIPool in both heads instead of RoIAlign')
    ap.add_argument('--mask-activation', choices=['sigmoid', 'softmax'], default='sigmoid',
                    help='Table 2b ablation: a softmax over classes per pixel instead of per-class sigmoids')
    ap.add_argument('--name', default='', help='model name (weights folder); default: the config name + ablation')
    ap.add_argument('--resume', action='store_true', help='continue from <out>/state.pt if it exists')
    ap.add_argument('--save-every', type=int, default=100, help='iterations between saved states')
    ap.add_argument('--stop-at', type=int, default=0, help='stop (resumably) after this many iterations')
    ap.add_argument('--standard-heads', action='store_true',
                    help="train with torchvision's own Linear/ConvTranspose head layers (slower here; same function)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    os.makedirs(args.out, exist_ok=True)

    cfg = copy.deepcopy(DEFAULT_CONFIG)
    cfg['pooler'] = args.pooler
    cfg['mask_activation'] = args.mask_activation
    suffix = ('-roipool' if args.pooler == 'roi_pool' else '') + ('-softmax' if args.mask_activation == 'softmax' else '')
    cfg['name'] = args.name or cfg['name'] + suffix
    train_sizes = [int(v) for v in args.train_sizes.split(',') if v]
    model = build_model(cfg, train_sizes=train_sizes)
    if not args.standard_heads:
        use_fast_heads(model, cfg)  # same parameters and state_dict; see fast_cpu.py for why
    model.train()
    counts = param_counts(model)
    print('params', dict(counts), flush=True)
    # --data may list several dataset directories (e.g. shards generated in parallel), comma-separated.
    ds = torch.utils.data.ConcatDataset([CocoShapes(d, augment=True, seed=args.seed + i)
                                         for i, d in enumerate(args.data.split(','))])
    g = torch.Generator()
    g.manual_seed(args.seed)
    decay, no_decay = [], []
    for n, p in model.named_parameters():
        (no_decay if p.ndim == 1 else decay).append(p)
    opt = torch.optim.AdamW([{'params': decay, 'weight_decay': args.weight_decay},
                             {'params': no_decay, 'weight_decay': 0.0}], lr=args.lr)
    recipe = {'optimizer': 'AdamW', 'lr': args.lr, 'weight_decay': args.weight_decay, 'betas': [0.9, 0.999],
              'warmup_iters': args.warmup, 'schedule': 'linear warm-up then cosine to 2% of lr',
              'batch': args.batch, 'grad_clip_norm': 5.0, 'augmentation': 'random h-flip, v-flip, transpose'
                  + (f', random resize to one of {train_sizes + [cfg["image_size"]]} px' if train_sizes else ''),
              'budget_min': args.budget_min, 'iters_planned': args.iters, 'seed': args.seed,
              'threads': args.threads, 'fast_heads': not args.standard_heads, 'train_images': len(ds), 'data': args.data}
    with open(os.path.join(args.out, 'config.json'), 'w') as f:
        json.dump({'config': cfg, 'recipe': recipe}, f, indent=1)

    csv_path = os.path.join(args.out, 'losses.csv')
    state_path = os.path.join(args.out, 'state.pt')
    it, pos, spent = 0, 0, 0.0
    epoch_g = g.get_state()
    if args.resume and os.path.exists(state_path):
        st = torch.load(state_path)
        model.load_state_dict(st['model'])
        opt.load_state_dict(st['opt'])
        it, pos, spent, epoch_g = st['it'], st['pos'], st['seconds'], st['epoch_g']
        restore_rngs(st['rngs'], ds)
        keep_csv_rows(csv_path, it)
        print(f'resumed at iteration {it} ({spent / 60:.1f} min spent)', flush=True)
    else:
        with open(csv_path, 'w', newline='') as f:
            csv.writer(f).writerow(['iter', 'seconds', 'lr', 'loss'] + TERMS)
    fcsv = open(csv_path, 'a', newline='')
    writer = csv.writer(fcsv)
    t0 = time.time() - spent
    acc = {k: 0.0 for k in ['loss'] + TERMS}
    n_acc = 0
    done = False
    while not done:
        # Batches drawn as DataLoader(shuffle=True, drop_last=True) would, but by hand so a resumed run can
        # skip to its place in the epoch without loading (and re-augmenting) the images it already saw.
        g.set_state(epoch_g)
        order = torch.randperm(len(ds), generator=g).tolist()
        n_batches = len(ds) // args.batch
        for b in range(pos, n_batches):
            imgs, targets = collate([ds[j] for j in order[b * args.batch:(b + 1) * args.batch]])
            elapsed = time.time() - t0
            progress = elapsed / (args.budget_min * 60) if args.budget_min > 0 else it / args.iters
            if progress >= 1.0:
                done = True
                break
            if it < args.warmup:
                lr = args.lr * (0.01 + 0.99 * it / args.warmup)
            else:
                lr = args.lr * (0.02 + 0.98 * 0.5 * (1 + math.cos(math.pi * progress)))
            for gr in opt.param_groups:
                gr['lr'] = lr
            targets = [{k: v for k, v in t.items() if k != 'image_id'} for t in targets]
            losses = model(list(imgs), targets)
            loss = sum(losses.values())
            if not torch.isfinite(loss):
                print('non-finite loss, skipping batch', {k: float(v) for k, v in losses.items()}, flush=True)
                opt.zero_grad()
                continue
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            it += 1
            acc['loss'] += float(loss)
            for k in TERMS:
                acc[k] += float(losses[k])
            n_acc += 1
            if it % args.log_every == 0:
                avg = {k: v / n_acc for k, v in acc.items()}
                el = time.time() - t0
                writer.writerow([it, round(el, 1), f'{lr:.3g}'] + [f'{avg[k]:.5f}' for k in ['loss'] + TERMS])
                fcsv.flush()
                print(f'it {it:5d} {el / 60:6.1f} min  {it / el:.3f} it/s  lr {lr:.2e}  loss {avg["loss"]:.4f}  '
                      + '  '.join(f'{k[5:]} {avg[k]:.4f}' for k in TERMS), flush=True)
                acc = {k: 0.0 for k in acc}
                n_acc = 0
            if it % args.save_every == 0 or it == args.stop_at:
                torch.save(model.state_dict(), os.path.join(args.out, 'model.pt'))
                save_state(state_path, model, opt, it, b + 1, time.time() - t0, epoch_g, ds)
                plot(csv_path, os.path.join(args.out, 'losses.png'))
            if it == args.stop_at:
                print(f'stopped at iteration {it}; --resume continues', flush=True)
                return
        else:
            pos, epoch_g = 0, g.get_state()
    fcsv.close()
    minutes = (time.time() - t0) / 60
    torch.save(model.state_dict(), os.path.join(args.out, 'model.pt'))
    plot(csv_path, os.path.join(args.out, 'losses.png'))
    recipe.update({'iters_done': it, 'train_minutes': round(minutes, 1)})
    with open(os.path.join(args.out, 'config.json'), 'w') as f:
        json.dump({'config': cfg, 'recipe': recipe, 'param_counts': counts}, f, indent=1)
    print(f'done: {it} iterations in {minutes:.1f} min', flush=True)


if __name__ == '__main__':
    main()
