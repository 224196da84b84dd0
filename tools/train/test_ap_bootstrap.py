"""ap_bootstrap against coco_ap and by hand (run: /usr/bin/python3 -m unittest tools/train/test_ap_bootstrap.py)."""

import os
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ap_bootstrap  # noqa: E402
import coco_ap  # noqa: E402


def rect_mask(x1, y1, x2, y2, h=64, w=64):
    m = np.zeros((h, w), bool)
    m[y1:y2, x1:x2] = True
    return m


def random_images(n, seed):
    rng = np.random.default_rng(seed)
    ims = []
    for _ in range(n):
        g = int(rng.integers(0, 5))
        gt = [sorted(rng.integers(0, 60, 2)) + [0, 0] for _ in range(g)]
        gt_boxes, gt_masks = [], []
        for x1, y1, _, _ in gt:
            x2, y2 = x1 + int(rng.integers(2, 30)), y1 + int(rng.integers(2, 30))
            gt_boxes.append([x1, y1, x2, y2])
            gt_masks.append(rect_mask(x1, y1, x2, y2))
        dt_boxes, dt_masks = [], []
        for b in gt_boxes + [[5, 5, 20, 20]] * int(rng.integers(0, 3)):
            j = rng.integers(-3, 4, 4)
            x1, y1, x2, y2 = (np.clip(np.asarray(b) + j, 0, 63)).tolist()
            x2, y2 = max(x2, x1 + 1), max(y2, y1 + 1)
            dt_boxes.append([x1, y1, x2, y2])
            dt_masks.append(rect_mask(x1, y1, x2, y2))
        d = len(dt_boxes)
        ims.append({'gt_boxes': np.asarray(gt_boxes, float).reshape(-1, 4), 'gt_labels': rng.integers(1, 4, g),
                    'gt_masks': np.asarray(gt_masks, bool).reshape(-1, 64, 64),
                    'dt_boxes': np.asarray(dt_boxes, float).reshape(-1, 4), 'dt_scores': rng.random(d),
                    'dt_labels': rng.integers(1, 4, d), 'dt_masks': np.asarray(dt_masks, bool).reshape(-1, 64, 64)})
    return ims


class TestApBootstrap(unittest.TestCase):
    def test_equals_coco_ap_without_an_area_range(self):
        for seed in range(4):
            ims = random_images(25, seed)
            for iou_type in ('bbox', 'segm'):
                _, want = coco_ap.evaluate(ims, 4, iou_type)
                got = ap_bootstrap.summary(ap_bootstrap.image_matches(ims, 4, iou_type))
                for k in ('AP', 'AP50', 'AP75', 'AR100'):
                    self.assertAlmostEqual(got[k], want[k], places=12, msg=f'{iou_type} {k} seed {seed}')

    def test_area_range_ignores_small_ground_truth_and_small_false_positives(self):
        big, small = [0, 0, 40, 40], [50, 50, 55, 55]  # areas 1600 and 25
        im = {'gt_boxes': np.array([big, small], float), 'gt_labels': np.array([1, 1]),
              'gt_masks': np.array([rect_mask(*big), rect_mask(*small)]),
              # by score: a small false positive, the small gt found, the big gt found
              'dt_boxes': np.array([[56, 0, 60, 4], small, big], float), 'dt_scores': np.array([0.9, 0.8, 0.7]),
              'dt_labels': np.array([1, 1, 1]),
              'dt_masks': np.array([rect_mask(56, 0, 60, 4), rect_mask(*small), rect_mask(*big)])}
        everything = ap_bootstrap.summary(ap_bootstrap.image_matches([im], 2, 'segm'))
        # all sizes: FP, TP, TP -> precision 0, 1/2, 2/3 (monotone 2/3 throughout) over recall 0, .5, 1
        self.assertAlmostEqual(everything['AP50'], 2 / 3, places=12)
        large = ap_bootstrap.summary(ap_bootstrap.image_matches([im], 2, 'segm', area_range=(1000, np.inf)))
        # large only: the small gt and both small detections are ignored; the big one is found first: AP 1
        self.assertAlmostEqual(large['AP'], 1.0, places=12)

    def test_bootstrap_is_paired_and_repeatable(self):
        ims = random_images(30, 7)
        a = ap_bootstrap.image_matches(ims, 4, 'segm')
        s1 = ap_bootstrap.bootstrap([a, a], n=20, seed=3)
        s2 = ap_bootstrap.bootstrap([a], n=20, seed=3)
        np.testing.assert_array_equal(s1[0]['AP'], s1[1]['AP'])  # the same resamples for every model
        np.testing.assert_array_equal(s1[0]['AP'], s2[0]['AP'])
        self.assertGreater(np.std(s1[0]['AP']), 0)
        lo, hi = ap_bootstrap.interval(s1[0]['AP'])
        self.assertLessEqual(lo, hi)


if __name__ == '__main__':
    unittest.main()
