"""The Table 2 ablation parts against torchvision's own ops, and one training step of each variant."""

import copy
import os
import subprocess
import sys
import unittest

import torch
import torch.nn.functional as F
from torchvision.ops import MultiScaleRoIAlign, roi_pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ablations import MultiScaleRoIPool, softmax_mask_inference, softmax_mask_loss  # noqa: E402


class AblationParts(unittest.TestCase):
    def test_multiscale_roi_pool_is_roi_pool_on_the_mapped_level(self):
        torch.manual_seed(0)
        feats = {'0': torch.randn(1, 3, 64, 64), '1': torch.randn(1, 3, 32, 32)}
        boxes = [torch.tensor([[3.3, 4.6, 20.2, 30.9], [10.0, 5.0, 250.0, 240.0]])]
        pool = MultiScaleRoIPool(['0', '1'], output_size=7, sampling_ratio=2)
        out = pool(feats, boxes, [(256, 256)])
        levels = pool.map_levels(boxes)  # the same LevelMapper MultiScaleRoIAlign uses
        align = MultiScaleRoIAlign(['0', '1'], output_size=7, sampling_ratio=2)
        align(feats, boxes, [(256, 256)])
        self.assertEqual(pool.scales, align.scales)
        for i in range(2):
            lvl = int(levels[i])
            rois = torch.cat([torch.zeros(1, 1), boxes[0][i:i + 1]], dim=1)
            want = roi_pool(feats[str(lvl)], rois, (7, 7), pool.scales[lvl])
            self.assertTrue(torch.equal(out[i:i + 1], want))
        self.assertNotEqual(int(levels[0]), int(levels[1]), 'the case should exercise two levels')

    def test_softmax_loss_is_per_pixel_cross_entropy_with_background(self):
        torch.manual_seed(1)
        logits = torch.randn(2, 4, 28, 28)
        gt_masks = [torch.zeros(2, 64, 64)]
        gt_masks[0][0, 10:40, 10:40] = 1
        gt_masks[0][1, 0:20, 30:60] = 1
        proposals = [torch.tensor([[8.0, 8.0, 44.0, 44.0], [28.0, 0.0, 62.0, 24.0]])]
        labels, idxs = [torch.tensor([3, 1])], [torch.tensor([0, 1])]
        got = softmax_mask_loss(logits, proposals, gt_masks, labels, idxs)
        from torchvision.models.detection.roi_heads import project_masks_on_boxes
        t = project_masks_on_boxes(gt_masks[0], proposals[0], idxs[0], 28)
        target = torch.where(t >= 0.5, torch.tensor([3, 1])[:, None, None], torch.tensor(0)).long()
        self.assertTrue((target == 0).any() and (target > 0).any())
        want = -F.log_softmax(logits, dim=1).gather(1, target[:, None]).mean()
        self.assertAlmostEqual(float(got), float(want), places=5)

    def test_softmax_inference_reads_the_predicted_class_probability(self):
        logits = torch.randn(3, 4, 28, 28)
        labels = [torch.tensor([2]), torch.tensor([1, 3])]
        out = softmax_mask_inference(logits, labels)
        self.assertEqual([o.shape for o in out], [torch.Size([1, 1, 28, 28]), torch.Size([2, 1, 28, 28])])
        p = logits.softmax(1)
        self.assertTrue(torch.allclose(out[1][1, 0], p[2, 3]))


class VariantsTrain(unittest.TestCase):
    """One training step and one inference of each variant, each in its own process (the softmax swap is global)."""

    def run_variant(self, pooler, activation):
        code = f'''
import copy, torch, sys
sys.path.insert(0, {os.path.dirname(os.path.abspath(__file__))!r})
from model import DEFAULT_CONFIG, build_model
cfg = copy.deepcopy(DEFAULT_CONFIG); cfg["pooler"] = {pooler!r}; cfg["mask_activation"] = {activation!r}
cfg["image_size"] = 128
torch.manual_seed(0)
m = build_model(cfg); m.train()
img = torch.rand(3, 128, 128); mask = torch.zeros(1, 128, 128, dtype=torch.uint8); mask[0, 20:70, 30:90] = 1
t = {{"boxes": torch.tensor([[30.0, 20.0, 90.0, 70.0]]), "labels": torch.tensor([2]), "masks": mask}}
losses = m([img], [t]); sum(losses.values()).backward()
assert all(torch.isfinite(v) for v in losses.values()), losses
m.eval(); m.roi_heads.score_thresh = 0.0
with torch.no_grad(): out = m([img])[0]
assert out["masks"].shape[1:] == (1, 128, 128), out["masks"].shape
assert float(out["masks"].min()) >= 0 and float(out["masks"].max()) <= 1
print("ok", type(m.roi_heads.box_roi_pool).__name__, float(losses["loss_mask"]))
'''
        r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        return r.stdout

    def test_roi_pool_variant(self):
        self.assertIn('MultiScaleRoIPool', self.run_variant('roi_pool', 'sigmoid'))

    def test_softmax_variant(self):
        self.assertIn('MultiScaleRoIAlign', self.run_variant('roi_align', 'softmax'))


if __name__ == '__main__':
    unittest.main()
