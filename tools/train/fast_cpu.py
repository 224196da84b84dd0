"""Training-speed substitutes for the heads' nn.Linear and nn.ConvTranspose2d layers.

Debian's torch 1.13 is built with a generic (reference) BLAS, so every F.linear and the non-oneDNN transposed
convolution run at a few GFLOP/s, while ordinary convolutions go through oneDNN about ten times faster. Measured on
this machine (2 threads, forward + backward): box head fc6 on 256 RoIs, F.linear 199 ms vs conv2d 19 ms; the mask
predictor's 2x2 stride-2 transposed conv on 64 RoIs, 275 ms vs a 1x1 conv + pixel_shuffle 49 ms.

The substitutes compute the same function with the same parameters (same names, shapes and layout), so a
state_dict moves between the standard and the fast model unchanged. Only training uses them; evaluation, export
and the parity fixtures run torchvision's own modules.
"""

import torch.nn.functional as F
from torch import nn


class ConvLinear(nn.Linear):
    """nn.Linear on inputs that are flattened (C, kh, kw) maps, computed as one kh x kw convolution."""

    def __init__(self, linear, in_shape):
        super().__init__(linear.in_features, linear.out_features, bias=linear.bias is not None)
        c, kh, kw = in_shape
        if c * kh * kw != linear.in_features:
            raise ValueError(f'ConvLinear: in_shape {in_shape} does not multiply to in_features {linear.in_features}')
        self.in_shape = tuple(in_shape)
        self.weight = linear.weight
        self.bias = linear.bias

    def forward(self, x):
        y = F.conv2d(x.reshape(x.shape[0], *self.in_shape),
                     self.weight.view(self.out_features, *self.in_shape), self.bias)
        return y.flatten(1)


class ShuffleConvTranspose2x2(nn.ConvTranspose2d):
    """ConvTranspose2d(kernel 2, stride 2, no padding) as a 1x1 conv to 4x channels followed by pixel_shuffle(2).

    out[o, 2i+a, 2j+b] = sum_c x[c, i, j] W[c, o, a, b] + bias[o], and pixel_shuffle sends channel o*4 + a*2 + b
    to (o, 2i+a, 2j+b), so the 1x1 weight is W permuted to (o, a, b, c).
    """

    def __init__(self, conv):
        if conv.kernel_size != (2, 2) or conv.stride != (2, 2) or conv.padding != (0, 0) or conv.groups != 1 \
                or conv.output_padding != (0, 0) or conv.dilation != (1, 1):
            raise ValueError('ShuffleConvTranspose2x2: conv must be kernel 2, stride 2, no padding, groups 1')
        super().__init__(conv.in_channels, conv.out_channels, 2, stride=2, bias=conv.bias is not None)
        self.weight = conv.weight
        self.bias = conv.bias

    def forward(self, x):
        c_in, c_out = self.in_channels, self.out_channels
        w = self.weight.permute(1, 2, 3, 0).reshape(c_out * 4, c_in, 1, 1)
        b = self.bias.repeat_interleave(4) if self.bias is not None else None
        return F.pixel_shuffle(F.conv2d(x, w, b), 2)


def use_fast_heads(model, cfg):
    """Swap the box head's and box predictor's Linears and the mask predictor's transposed conv in place."""
    heads = model.roi_heads
    c, r = cfg['fpn_channels'], cfg['box_roi_output']
    rep = cfg['box_head_dim']
    heads.box_head.fc6 = ConvLinear(heads.box_head.fc6, (c, r, r))
    heads.box_head.fc7 = ConvLinear(heads.box_head.fc7, (rep, 1, 1))
    heads.box_predictor.cls_score = ConvLinear(heads.box_predictor.cls_score, (rep, 1, 1))
    heads.box_predictor.bbox_pred = ConvLinear(heads.box_predictor.bbox_pred, (rep, 1, 1))
    heads.mask_predictor.conv5_mask = ShuffleConvTranspose2x2(heads.mask_predictor.conv5_mask)
    return model
