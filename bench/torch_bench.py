"""torchvision side of `npm run bench`: times nms and roi_align on the inputs bench/inputs.ts generates (same hash,
reproduced here with numpy uint32 arithmetic), one thread. Usage: /usr/bin/python3 bench/torch_bench.py OUT_DIR
Prints a JSON object of median times (ms) and writes the outputs to OUT_DIR for the TypeScript side to compare."""

import json
import os
import statistics
import sys
import time

import numpy as np
import torch
import torchvision

torch.set_num_threads(1)
M = np.uint32


def uniform(i, stream):
    i = np.asarray(i, dtype=np.uint32)
    with np.errstate(over='ignore'):
        x = (i * M(0x9E3779B1)) ^ M((stream * 0x85EBCA6B) & 0xFFFFFFFF)
        x ^= x >> M(16)
        x = x * M(0x7FEB352D)
        x ^= x >> M(15)
        x = x * M(0x846CA68B)
        x ^= x >> M(16)
    return ((x >> M(8)).astype(np.float32) / np.float32(16777216)).astype(np.float32)


def f32(v):
    return np.float32(v)


def nms_inputs(n):
    i = np.arange(n, dtype=np.uint32)
    x1 = uniform(4 * i, 1) * f32(1000)
    y1 = uniform(4 * i + 1, 1) * f32(800)
    x2 = x1 + (f32(20) + uniform(4 * i + 2, 1) * f32(200))
    y2 = y1 + (f32(20) + uniform(4 * i + 3, 1) * f32(200))
    return torch.from_numpy(np.stack([x1, y1, x2, y2], 1)), torch.from_numpy(uniform(i, 2))


def feature_map(c, h, w):
    return torch.from_numpy(uniform(np.arange(c * h * w, dtype=np.uint32), 3) * f32(2) - f32(1)).reshape(1, c, h, w)


def rois(k):
    i = np.arange(k, dtype=np.uint32)
    x1 = uniform(4 * i, 4) * f32(1000)
    y1 = uniform(4 * i + 1, 4) * f32(700)
    x2 = x1 + (f32(8) + uniform(4 * i + 2, 4) * f32(400))
    y2 = y1 + (f32(8) + uniform(4 * i + 3, 4) * f32(400))
    return torch.from_numpy(np.stack([np.zeros(k, np.float32), x1, y1, x2, y2], 1))


def median_ms(fn, reps, warmup=1):
    for _ in range(warmup):
        out = fn()
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), out


def main():
    out_dir = sys.argv[1]
    res = {'torch': torch.__version__, 'torchvision': torchvision.__version__, 'threads': torch.get_num_threads()}
    for n, reps in ((1000, 15), (5000, 5)):
        b, s = nms_inputs(n)
        ms, keep = median_ms(lambda: torchvision.ops.nms(b, s, 0.7), reps)
        res[f'nms{n}'] = ms
        keep.numpy().astype('<i4').tofile(os.path.join(out_dir, f'nms{n}.i32'))
    x = feature_map(256, 200, 272)
    r = rois(1000)
    ms, y = median_ms(lambda: torchvision.ops.roi_align(x, r, 7, 0.25, 2, False), 3)
    res['roiAlign'] = ms
    y.numpy().astype('<f4').tofile(os.path.join(out_dir, 'roiAlign.f32'))
    print(json.dumps(res))


if __name__ == '__main__':
    main()
