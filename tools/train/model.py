"""Build the scaled-down torchvision Mask R-CNN from one config dict.

The same config is written into the exported manifest, so the browser (and load_exported.py) can rebuild the
exact architecture. Layer names follow torchvision's ResNet/FPN naming so state_dict keys look like
maskrcnn_resnet50_fpn's (backbone.body.layer1.0.conv1.weight, backbone.fpn.inner_blocks.0.0.weight, ...).
"""

from collections import OrderedDict

import torch
from torch import nn
from torchvision.models.detection import MaskRCNN
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.backbone_utils import BackboneWithFPN
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor, TwoMLPHead
from torchvision.models.detection.mask_rcnn import MaskRCNNHeads, MaskRCNNPredictor
from torchvision.models.resnet import BasicBlock
from torchvision.ops.feature_pyramid_network import LastLevelMaxPool

from ablations import make_pooler, set_mask_activation

DEFAULT_CONFIG = {
    'name': 'shapes-mrcnn-r10s',
    'image_size': 512,
    'classes': ['__background__', 'circle', 'square', 'triangle', 'star', 'ring'],
    'image_mean': [0.485, 0.456, 0.406],
    'image_std': [0.229, 0.224, 0.225],
    'backbone': {'block': 'BasicBlock', 'stem_width': 16, 'stem_kernel': 7, 'widths': [16, 32, 64, 128], 'depths': [2, 2, 2, 2]},
    'fpn_channels': 64,
    'anchor_sizes': [16, 32, 64, 128, 256],
    'aspect_ratios': [0.5, 1.0, 2.0],
    'box_roi_output': 7,
    'mask_roi_output': 14,
    'sampling_ratio': 2,
    'box_head_dim': 192,
    'mask_head_channels': 64,
    'mask_head_layers': 4,
    'rpn': {'pre_nms_top_n_train': 1000, 'post_nms_top_n_train': 500, 'pre_nms_top_n_test': 1000,
            'post_nms_top_n_test': 1000, 'nms_thresh': 0.7, 'batch_size_per_image': 256},
    'roi_heads': {'box_score_thresh': 0.05, 'box_nms_thresh': 0.5, 'box_detections_per_img': 100,
                  'box_batch_size_per_image': 128},
    # The Table 2 ablations (ablations.py); configs without these keys are the shipped RoIAlign + sigmoid model.
    'pooler': 'roi_align',
    'mask_activation': 'sigmoid',
}


class SmallResNet(nn.Module):
    """torchvision ResNet layout (conv1/bn1/relu/maxpool/layer1..4) with configurable widths."""

    def __init__(self, cfg, norm_layer=nn.BatchNorm2d):
        super().__init__()
        stem = cfg['stem_width']
        k = cfg['stem_kernel']
        self.conv1 = nn.Conv2d(3, stem, k, stride=2, padding=k // 2, bias=False)
        self.bn1 = norm_layer(stem)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, stride=2, padding=1)
        inplanes = stem
        for i, (w, d) in enumerate(zip(cfg['widths'], cfg['depths'])):
            stride = 1 if i == 0 else 2
            blocks = []
            for j in range(d):
                s = stride if j == 0 else 1
                down = None
                if s != 1 or inplanes != w:
                    down = nn.Sequential(nn.Conv2d(inplanes, w, 1, stride=s, bias=False), norm_layer(w))
                blocks.append(BasicBlock(inplanes, w, s, down, norm_layer=norm_layer))
                inplanes = w
            setattr(self, f'layer{i + 1}', nn.Sequential(*blocks))
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
        # Zero-init the last BN of each residual branch: each block starts as identity (trains faster from scratch).
        for m in self.modules():
            if isinstance(m, BasicBlock) and isinstance(m.bn2, nn.BatchNorm2d):
                nn.init.zeros_(m.bn2.weight)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        return self.layer4(self.layer3(self.layer2(self.layer1(x))))


def build_model(cfg, norm_layer=nn.BatchNorm2d, train_sizes=None):
    """train_sizes: shorter sides to pick from at random in training (multi-scale); inference always uses image_size."""
    body = SmallResNet(cfg['backbone'], norm_layer=norm_layer)
    return_layers = {f'layer{i + 1}': str(i) for i in range(4)}
    backbone = BackboneWithFPN(body, return_layers, cfg['backbone']['widths'], cfg['fpn_channels'],
                               extra_blocks=LastLevelMaxPool())
    c = cfg['fpn_channels']
    anchors = AnchorGenerator(tuple((s,) for s in cfg['anchor_sizes']),
                              (tuple(cfg['aspect_ratios']),) * len(cfg['anchor_sizes']))
    names = ['0', '1', '2', '3']
    pooler = cfg.get('pooler', 'roi_align')
    box_pool = make_pooler(pooler, names, cfg['box_roi_output'], cfg['sampling_ratio'])
    mask_pool = make_pooler(pooler, names, cfg['mask_roi_output'], cfg['sampling_ratio'])
    set_mask_activation(cfg.get('mask_activation', 'sigmoid'))
    rep = cfg['box_head_dim']
    n_cls = len(cfg['classes'])
    mh = cfg['mask_head_channels']
    rpn = cfg['rpn']
    rh = cfg['roi_heads']
    model = MaskRCNN(
        backbone,
        num_classes=None,
        min_size=tuple(train_sizes or ()) + (cfg['image_size'],), max_size=cfg['image_size'],
        image_mean=cfg['image_mean'], image_std=cfg['image_std'],
        rpn_anchor_generator=anchors,
        rpn_pre_nms_top_n_train=rpn['pre_nms_top_n_train'], rpn_post_nms_top_n_train=rpn['post_nms_top_n_train'],
        rpn_pre_nms_top_n_test=rpn['pre_nms_top_n_test'], rpn_post_nms_top_n_test=rpn['post_nms_top_n_test'],
        rpn_nms_thresh=rpn['nms_thresh'], rpn_batch_size_per_image=rpn['batch_size_per_image'],
        box_roi_pool=box_pool,
        box_head=TwoMLPHead(c * cfg['box_roi_output'] ** 2, rep),
        box_predictor=FastRCNNPredictor(rep, n_cls),
        box_score_thresh=rh['box_score_thresh'], box_nms_thresh=rh['box_nms_thresh'],
        box_detections_per_img=rh['box_detections_per_img'], box_batch_size_per_image=rh['box_batch_size_per_image'],
        mask_roi_pool=mask_pool,
        mask_head=MaskRCNNHeads(c, [mh] * cfg['mask_head_layers'], 1),
        mask_predictor=MaskRCNNPredictor(mh, mh, n_cls),
    )
    return model


def param_counts(model):
    groups = OrderedDict([('backbone.body', 0), ('backbone.fpn', 0), ('rpn', 0), ('roi_heads.box_head', 0),
                          ('roi_heads.box_predictor', 0), ('roi_heads.mask_head', 0), ('roi_heads.mask_predictor', 0)])
    for n, p in model.named_parameters():
        for g in groups:
            if n.startswith(g):
                groups[g] += p.numel()
    groups['total'] = sum(p.numel() for p in model.parameters())
    return groups


if __name__ == '__main__':
    m = build_model(DEFAULT_CONFIG)
    print(dict(param_counts(m)))
