"""torch.sort / torch.topk order fixtures, ties and adversarial inputs included (make_pipeline_fixtures.py sort topk)."""

import numpy as np
import torch
from torchvision.models.detection.rpn import RegionProposalNetwork

from fixture_io import hx, ints
from introsort_adversary import introsort_adversary
from pipeline_common import META, gen, rand, write


def sort_cases():
    g = torch.Generator().manual_seed(16)
    arrays = [torch.tensor([0.5] * 20 + [0.7] * 5 + [0.5] * 20, dtype=torch.float32)]
    lengths = list(range(1, 41)) + [47, 63, 64, 65, 100, 129, 255, 256, 257, 500, 1000, 1001, 3000]
    for ln in lengths:
        for _ in range(4 if ln > 256 else 6):
            k = int(torch.randint(1, 6, (1,), generator=g))
            vals = torch.tensor([0.5, 0.7, 0.1, 0.25, 1.0, 0.0])[:k]
            arrays.append(vals[torch.randint(0, k, (ln,), generator=g)].to(torch.float32))
    # partly tied, partly distinct; with NaN and infinities
    for ln in (30, 200, 2000):
        x = torch.floor(rand(g, ln) * 7) / 7
        x[torch.randint(0, ln, (ln // 10,), generator=g)] = float('nan')
        x[torch.randint(0, ln, (3,), generator=g)] = float('inf')
        x[torch.randint(0, ln, (3,), generator=g)] = -float('inf')
        x[torch.randint(0, ln, (5,), generator=g)] = -0.0
        arrays.append(x)
        arrays.append(rand(g, ln))
    heap_hits = 0
    for n in (200, 600, 2000):  # inputs that push introsort into its heap-sort fallback
        v, heap = introsort_adversary(n)
        heap_hits += int(heap)
        arrays.append(-torch.tensor(v, dtype=torch.float32))  # descending on -v == ascending on v
    assert heap_hits == 3, heap_hits
    cases = [{'values': hx(a), 'order': ints(torch.sort(a, descending=True)[1]),
              'stable': ints(torch.sort(a, descending=True, stable=True)[1])} for a in arrays]
    write('torch-sort.json', {'meta': META, 'cases': cases})
    return len(cases)


def det_values(n, seed, levels):
    """Deterministic tie-heavy logits, reproducible bit-for-bit in TypeScript (see tests/torch-topk.test.ts)."""
    i = np.arange(n, dtype=np.uint64)
    hsh = ((i * np.uint64(2654435761) + np.uint64(seed)) & np.uint64(0xFFFFFFFF)) >> np.uint64(7)
    q = (hsh % np.uint64(levels)).astype(np.int64) - levels // 2
    return torch.from_numpy((q.astype(np.float32) * np.float32(0.25)))


def topk_cases():
    g = torch.Generator().manual_seed(17)
    cases = []
    for n in (10, 100, 640, 1000, 5000):
        for k in sorted({1, 2, max(1, n // 64), max(1, n // 64) + 1, n // 3, n - 1, n}):
            if k < 1 or k > n:
                continue
            levels = int(torch.randint(2, 9, (1,), generator=g))
            x = (torch.randint(0, levels, (n,), generator=g).float() * 0.5).to(torch.float32)
            v, i = torch.topk(x, k)
            cases.append({'values': hx(x), 'k': k, 'indices': ints(i)})
    # the RPN's per-level selection (RegionProposalNetwork._get_top_n_idx) on generated logits
    rpn_cases = []
    for counts, seed, levels in (([49152, 12288, 3072, 768, 192], 7, 29), ([163200, 40800, 10200, 2550, 714], 3, 41),
                                 ([300, 75, 20, 6, 2], 11, 5)):
        total = sum(counts)
        logits = det_values(total, seed, levels)
        rpn = RegionProposalNetwork(None, None, 0.7, 0.3, 256, 0.5, dict(training=2000, testing=1000),
                                    dict(training=2000, testing=1000), 0.7)
        rpn.eval()
        idx = rpn._get_top_n_idx(logits[None], counts)[0]
        rpn_cases.append({'counts': counts, 'seed': seed, 'levels': levels, 'k': 1000, 'indices': ints(idx)})
    write('torch-topk.json', {'meta': META, 'cases': cases, 'rpn': rpn_cases})
    return len(cases), len(rpn_cases)
