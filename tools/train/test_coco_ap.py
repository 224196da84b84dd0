"""Hand-computed checks of coco_ap (run: /usr/bin/python3 -m unittest tools/train/test_coco_ap.py)."""

import os
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import coco_ap  # noqa: E402


def rect_mask(x1, y1, x2, y2, h=20, w=40):
    m = np.zeros((h, w), bool)
    m[y1:y2, x1:x2] = True
    return m


class TestCocoAP(unittest.TestCase):
    def one_image(self):
        # GT1 = [0,0,10,10], GT2 = [20,0,30,10]. Detections by score:
        # A 0.9 = GT1 exactly (IoU 1), B 0.8 hits nothing, C 0.7 = [20,0,29,8] IoU 72/100 = 0.72 with GT2.
        return [{
            'gt_boxes': [[0, 0, 10, 10], [20, 0, 30, 10]], 'gt_labels': [1, 1],
            'gt_masks': [rect_mask(0, 0, 10, 10), rect_mask(20, 0, 30, 10)],
            'dt_boxes': [[0, 0, 10, 10], [12, 12, 18, 18], [20, 0, 29, 8]], 'dt_scores': [0.9, 0.8, 0.7],
            'dt_labels': [1, 1, 1],
            'dt_masks': [rect_mask(0, 0, 10, 10), rect_mask(12, 12, 18, 18), rect_mask(20, 0, 29, 8)],
        }]

    def test_hand_computed(self):
        # Thresholds 0.50..0.70 (5 of them): TP,FP,TP → recall .5,.5,1; precision 1,.5,2/3 → monotone 1,2/3,2/3.
        #   Recall points 0..0.50 (51) read precision 1, points 0.51..1 (50) read 2/3: AP = (51 + 100/3) / 101.
        # Thresholds 0.75..0.95 (5): TP,FP,FP → recall stays .5: AP = 51/101.
        hi = (51 + 100 / 3) / 101
        lo = 51 / 101
        for iou_type in ('bbox', 'segm'):
            _, s = coco_ap.evaluate(self.one_image(), num_classes=2, iou_type=iou_type)
            self.assertAlmostEqual(s['AP50'], hi, places=12)
            self.assertAlmostEqual(s['AP75'], lo, places=12)
            self.assertAlmostEqual(s['AP'], (5 * hi + 5 * lo) / 10, places=12)
            self.assertAlmostEqual(s['AR100'], (5 * 1.0 + 5 * 0.5) / 10, places=12)

    def test_missing_class_left_out_and_no_detections_is_zero(self):
        ims = self.one_image()
        ims[0]['gt_labels'] = [1, 2]  # class 2 gt exists but no class-2 detections; class 3 has no gt
        _, s = coco_ap.evaluate(ims, num_classes=4, iou_type='bbox')
        self.assertEqual(s['per_class_AP'][1], 0.0)
        self.assertEqual(s['per_class_AP'][2], -1.0)
        # class 1: A matches GT1; B, C are FPs → recall 1 at first det with precision 1: AP 1.
        self.assertAlmostEqual(s['per_class_AP'][0], 1.0, places=12)
        self.assertAlmostEqual(s['AP'], 0.5, places=12)

    def test_greedy_matching_by_score(self):
        # One GT, two detections overlapping it: only the higher-scored one is a TP even if the other has higher IoU.
        ims = [{'gt_boxes': [[0, 0, 10, 10]], 'gt_labels': [1],
                'dt_boxes': [[0, 0, 10, 8], [0, 0, 10, 10]], 'dt_scores': [0.9, 0.5], 'dt_labels': [1, 1]}]
        matched = coco_ap.match_image(coco_ap.box_iou(ims[0]['dt_boxes'], ims[0]['gt_boxes']), [0.5])
        self.assertEqual(matched.tolist(), [[True, False]])

    def test_max_dets_per_image(self):
        ims = [{'gt_boxes': [[0, 0, 10, 10]], 'gt_labels': [1],
                'dt_boxes': [[50, 50, 60, 60], [0, 0, 10, 10]], 'dt_scores': [0.9, 0.5], 'dt_labels': [1, 1]}]
        _, s = coco_ap.evaluate(ims, num_classes=2, max_dets=1)
        self.assertEqual(s['AP'], 0.0)
        _, s = coco_ap.evaluate(ims, num_classes=2, max_dets=2)
        self.assertAlmostEqual(s['AP'], 0.5, places=12)  # precision 1/2 at recall 1 for every recall point


if __name__ == '__main__':
    unittest.main()
