"""Fold each BatchNorm (eval statistics) into the convolution before it, and build the matching BN-free model."""

import torch
from torch import nn

from model import build_model


def conv_bn_pairs(state_dict):
    """(conv prefix, bn prefix) for every BN in the backbone, found by torchvision's naming."""
    pairs = []
    for k in state_dict:
        if not k.endswith('.running_mean'):
            continue
        bn = k[: -len('.running_mean')]
        if bn.endswith('downsample.1'):
            conv = bn[:-1] + '0'
        else:
            head, _, name = bn.rpartition('.')
            conv = f'{head}.{name.replace("bn", "conv")}'
        if conv + '.weight' not in state_dict:
            raise KeyError(f'no conv before BN {bn} (looked for {conv}.weight)')
        pairs.append((conv, bn))
    return pairs


def fold_state_dict(sd):
    """w' = w·γ/√(var+eps) per output channel, b' = β − mean·γ/√(var+eps); BN entries dropped."""
    sd = {k: v.detach().clone() for k, v in sd.items()}
    out = dict(sd)
    eps = 1e-5  # nn.BatchNorm2d default, used by every BN in model.py
    for conv, bn in conv_bn_pairs(sd):
        scale = sd[bn + '.weight'].double() / torch.sqrt(sd[bn + '.running_var'].double() + eps)
        w = sd[conv + '.weight'].double() * scale[:, None, None, None]
        b = sd[bn + '.bias'].double() - sd[bn + '.running_mean'].double() * scale
        out[conv + '.weight'] = w.float()
        out[conv + '.bias'] = b.float()
        for s in ('weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked'):
            out.pop(f'{bn}.{s}', None)
    # Keep torchvision's order: each new conv bias right after its weight.
    ordered = {}
    for k in sd:
        if k in out:
            ordered[k] = out[k]
            if k.endswith('.weight') and k[:-7] + '.bias' in out and k[:-7] + '.bias' not in sd:
                ordered[k[:-7] + '.bias'] = out[k[:-7] + '.bias']
    return ordered


def build_folded_model(cfg):
    """The same torchvision MaskRCNN with BN replaced by identity and a bias on every backbone conv."""
    model = build_model(cfg, norm_layer=nn.Identity)
    for m in model.backbone.body.modules():
        if isinstance(m, nn.Conv2d) and m.bias is None:
            m.bias = nn.Parameter(torch.zeros(m.out_channels))
    return model
