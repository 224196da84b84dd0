"""The two ablations of the paper's Table 2, as drop-in parts of torchvision's MaskRCNN.

- RoIPool in both heads (Table 2c/2d): `MultiScaleRoIPool` is torchvision's MultiScaleRoIAlign with
  torchvision.ops.roi_pool (quantised box, max over integer bins) in place of roi_align; same level mapper, same
  output sizes. The mask *targets* stay torchvision's (gt masks RoIAligned to 28x28): only the features change.
- Softmax masks (Table 2b): the mask loss is a cross-entropy over the class channels at each of the 28x28 pixels
  (target: the RoI's class where its gt mask is >= 0.5, else background = channel 0), and inference reads the
  softmax probability of the predicted class. torchvision calls the module-level maskrcnn_loss/maskrcnn_inference
  from RoIHeads.forward, so the variant swaps those two names; `set_mask_activation` refuses to mix two
  activations in one process rather than silently changing a model built earlier.
"""

import torch
import torch.nn.functional as F
import torchvision
from torchvision.models.detection import roi_heads
from torchvision.ops import MultiScaleRoIAlign, roi_pool
from torchvision.ops.poolers import _convert_to_roi_format, _filter_input, _setup_scales

POOLERS = ('roi_align', 'roi_pool')
MASK_ACTIVATIONS = ('sigmoid', 'softmax')


class MultiScaleRoIPool(MultiScaleRoIAlign):
    """MultiScaleRoIAlign's level assignment with RoIPool per level (sampling_ratio is unused by RoIPool)."""

    def forward(self, x, boxes, image_shapes):
        x_filtered = _filter_input(x, self.featmap_names)
        if self.scales is None or self.map_levels is None:
            self.scales, self.map_levels = _setup_scales(x_filtered, image_shapes, self.canonical_scale,
                                                         self.canonical_level)
        rois = _convert_to_roi_format(boxes)
        levels = self.map_levels(boxes)
        first = x_filtered[0]
        result = torch.zeros((len(rois), first.shape[1]) + self.output_size, dtype=first.dtype, device=first.device)
        for level, (feature, scale) in enumerate(zip(x_filtered, self.scales)):
            idx = torch.where(levels == level)[0]
            result[idx] = roi_pool(feature, rois[idx], self.output_size, scale).to(result.dtype)
        return result


def make_pooler(kind, names, output_size, sampling_ratio):
    if kind == 'roi_align':
        return MultiScaleRoIAlign(names, output_size=output_size, sampling_ratio=sampling_ratio)
    if kind == 'roi_pool':
        return MultiScaleRoIPool(names, output_size=output_size, sampling_ratio=sampling_ratio)
    raise ValueError(f'pooler must be one of {POOLERS}, got {kind!r}')


def softmax_mask_loss(mask_logits, proposals, gt_masks, gt_labels, mask_matched_idxs):
    """Per-pixel cross-entropy over the class channels (channel 0 = background), mean over RoIs and pixels."""
    m = mask_logits.shape[-1]
    labels = torch.cat([gl[idxs] for gl, idxs in zip(gt_labels, mask_matched_idxs)], dim=0)
    targets = torch.cat([roi_heads.project_masks_on_boxes(gm, p, i, m)
                         for gm, p, i in zip(gt_masks, proposals, mask_matched_idxs)], dim=0)
    if targets.numel() == 0:
        return mask_logits.sum() * 0
    pixel_class = torch.where(targets >= 0.5, labels[:, None, None], torch.zeros_like(labels)[:, None, None])
    return F.cross_entropy(mask_logits, pixel_class.long())


def softmax_mask_inference(x, labels):
    prob = x.softmax(dim=1)
    per_image = [label.shape[0] for label in labels]
    labels = torch.cat(labels)
    prob = prob[torch.arange(x.shape[0], device=labels.device), labels][:, None]
    return prob.split(per_image, dim=0)


_ORIGINAL = (roi_heads.maskrcnn_loss, roi_heads.maskrcnn_inference)
_active = {'activation': None}


def set_mask_activation(activation):
    if activation not in MASK_ACTIVATIONS:
        raise ValueError(f'mask_activation must be one of {MASK_ACTIVATIONS}, got {activation!r}')
    if _active['activation'] not in (None, activation):
        raise RuntimeError(f'this process already built a {_active["activation"]} mask model; '
                           f'build the {activation} one in another process')
    _active['activation'] = activation
    if activation == 'softmax':
        roi_heads.maskrcnn_loss, roi_heads.maskrcnn_inference = softmax_mask_loss, softmax_mask_inference
    else:
        roi_heads.maskrcnn_loss, roi_heads.maskrcnn_inference = _ORIGINAL


assert torchvision.__version__.startswith('0.14'), 'the swapped functions follow torchvision 0.14 roi_heads'
