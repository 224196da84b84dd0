"""How the golden fixtures store numbers (shared by the make_*_fixtures.py scripts)."""

import numpy as np
import torch


def hx(a):
    """float32 array-like -> hex string of big-endian bits (exact, and readable by tests/helpers)."""
    if isinstance(a, torch.Tensor):
        a = a.detach().contiguous().numpy()
    return np.ascontiguousarray(np.asarray(a, dtype=np.float32).reshape(-1)).astype('>f4').tobytes().hex()


def ints(a):
    if isinstance(a, torch.Tensor):
        a = a.detach().numpy()
    return [int(v) for v in np.asarray(a).reshape(-1)]
