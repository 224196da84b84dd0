"""What the pipeline fixture scripts share: where fixtures go, how they are written, seeded generators."""

import json
import os

import torch
import torchvision

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tests', 'fixtures')


def write(name, obj):
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(obj, f, separators=(',', ':'))
    size = os.path.getsize(path)
    assert size < 2_000_000, f'{name} is {size} bytes'
    print(f'{name}: {size} bytes')


def gen(seed):
    return torch.Generator().manual_seed(seed)


def rand(g, *shape):
    return torch.rand(*shape, generator=g, dtype=torch.float32)


def randn(g, *shape):
    return torch.randn(*shape, generator=g, dtype=torch.float32)


META = {
    'generator': 'tools/golden/make_pipeline_fixtures.py',
    'torch': torch.__version__,
    'torchvision': torchvision.__version__,
}
