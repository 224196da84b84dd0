"""torchvision side of the model benchmark: the shipped weights in torchvision's MaskRCNN (eval), one 512 px scene,
median forward time with 1 thread and with one thread per CPU core.
Usage: /usr/bin/python3 bench/torch_model_bench.py WEIGHTS_DIR RGB_FILE HEIGHT WIDTH REPS
Prints one JSON line: {"threads1": ms, "threadsDefault": ms, "defaultThreads": n, "detections": n,
"threads1FastHeads": ms}. The last is the same model with its heads' Linear / transposed conv computed through oneDNN
(tools/train/fast_cpu.py): Debian's torch has a generic reference BLAS, so torchvision's own Linear is unusually slow
here, and this figure is closer to what a torch build with a real BLAS would do."""

import json
import os
import statistics
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tools', 'train'))
from fast_cpu import use_fast_heads  # noqa: E402
from load_exported import load_exported  # noqa: E402


def median_ms(model, x, reps):
    with torch.no_grad():
        model([x])  # warm-up
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            out = model([x])
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), len(out[0]['boxes'])


def main():
    weights, rgb_file, h, w, reps = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    # torch's own default can be 1 in a VM that reports one physical core; use every logical core instead.
    default_threads = os.cpu_count() or torch.get_num_threads()
    model, manifest = load_exported(weights)
    model.eval()
    rgb = np.fromfile(rgb_file, dtype=np.uint8).reshape(h, w, 3)
    x = torch.from_numpy(rgb).permute(2, 0, 1).float() / 255
    torch.set_num_threads(1)
    t1, n = median_ms(model, x, reps)
    torch.set_num_threads(default_threads)
    td, _ = median_ms(model, x, reps)
    use_fast_heads(model, manifest['architecture'])
    torch.set_num_threads(1)
    tf, nf = median_ms(model, x, reps)
    if nf != n:
        raise RuntimeError(f'fast heads changed the detection count: {nf} vs {n}')
    print(json.dumps({'threads1': t1, 'threadsDefault': td, 'defaultThreads': default_threads, 'detections': n,
                      'threads1FastHeads': tf}))


if __name__ == '__main__':
    main()
