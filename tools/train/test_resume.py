"""A run stopped and resumed (--stop-at, --resume) ends bit-identical to the same run uninterrupted.

The ablation runs are longer than one working session, so they are trained in pieces; this is what makes the
pieces add up to the run the recipe describes.
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import torch
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from coco_data import rle_encode  # noqa: E402


def tiny_dataset(root, n=6, size=128):
    """n scenes of one or two filled rectangles, in the dataset's COCO layout."""
    rng = np.random.default_rng(3)
    os.makedirs(os.path.join(root, 'images'))
    images, anns = [], []
    for i in range(n):
        img = np.full((size, size, 3), 90, np.uint8)
        for _ in range(1 + i % 2):
            x, y = rng.integers(4, size // 2, 2)
            w, h = rng.integers(16, size // 2, 2)
            mask = np.zeros((size, size), np.uint8)
            mask[y:y + h, x:x + w] = 1
            img[mask == 1] = rng.integers(150, 255, 3)
            anns.append({'id': len(anns) + 1, 'image_id': i + 1, 'category_id': int(1 + i % 5),
                         'segmentation': rle_encode(mask)})
        name = f'images/{i:03d}.png'
        Image.fromarray(img).save(os.path.join(root, name))
        images.append({'id': i + 1, 'file_name': name, 'width': size, 'height': size})
    cats = [{'id': k, 'name': f'c{k}'} for k in range(1, 6)]
    with open(os.path.join(root, 'annotations.json'), 'w') as f:
        json.dump({'images': images, 'annotations': anns, 'categories': cats}, f)


class Resume(unittest.TestCase):
    def train(self, data, out, *extra):
        # 7 iterations of 2 images over 6 scenes: the stop at 4 falls inside the second epoch, the end in the third.
        cmd = [sys.executable, os.path.join(HERE, 'train.py'), '--data', data, '--out', out, '--iters', '7',
               '--batch', '2', '--warmup', '2', '--log-every', '1', '--train-sizes', '96', *extra]
        r = subprocess.run(cmd, capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        return r.stdout

    def test_stopped_and_resumed_equals_uninterrupted(self):
        with tempfile.TemporaryDirectory() as tmp:
            data = os.path.join(tmp, 'data')
            tiny_dataset(data)
            whole, pieces = os.path.join(tmp, 'whole'), os.path.join(tmp, 'pieces')
            self.train(data, whole)
            self.assertIn('stopped at iteration 4', self.train(data, pieces, '--stop-at', '4'))
            self.assertIn('resumed at iteration 4', self.train(data, pieces, '--resume'))
            a = torch.load(os.path.join(whole, 'model.pt'))
            b = torch.load(os.path.join(pieces, 'model.pt'))
            self.assertEqual(a.keys(), b.keys())
            for k in a:
                self.assertTrue(torch.equal(a[k], b[k]), k)

            def losses(run):  # the loss columns, without the wall-clock seconds
                with open(os.path.join(run, 'losses.csv')) as f:
                    return [line.split(',')[:1] + line.split(',')[2:] for line in f]

            self.assertEqual(len(losses(whole)), 8)
            self.assertEqual(losses(whole), losses(pieces))


if __name__ == '__main__':
    unittest.main()
