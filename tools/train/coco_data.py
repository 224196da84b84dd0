"""Read the COCO-format dataset written by `npm run dataset` (PNG images + compressed-string RLE masks)."""

import json
import os

import numpy as np
import torch
from PIL import Image


def rle_string_to_counts(s):
    """pycocotools' rleFrString: 5-bit groups offset by 48, delta-coded after the 3rd count."""
    counts = []
    p = 0
    while p < len(s):
        x = 0
        k = 0
        more = True
        while more:
            c = ord(s[p]) - 48
            x |= (c & 0x1F) << (5 * k)
            more = bool(c & 0x20)
            p += 1
            k += 1
            if not more and (c & 0x10):
                x |= -1 << (5 * k)
        if len(counts) > 2:
            x += counts[-2]
        counts.append(x)
    return counts


def rle_decode(seg):
    h, w = seg['size']
    counts = seg['counts']
    if isinstance(counts, str):
        counts = rle_string_to_counts(counts)
    vals = np.zeros(len(counts), dtype=np.uint8)
    vals[1::2] = 1
    flat = np.repeat(vals, counts)
    if flat.size != h * w:
        raise ValueError(f'rle_decode: counts sum to {flat.size}, expected {h * w}')
    return flat.reshape(w, h).T.copy()  # column-major (Fortran) order


def rle_encode(mask):
    """Uncompressed COCO RLE of a binary HxW mask (column-major)."""
    flat = np.asarray(mask, dtype=np.uint8).T.reshape(-1)
    change = np.flatnonzero(np.diff(flat)) + 1
    bounds = np.concatenate([[0], change, [flat.size]])
    counts = np.diff(bounds).tolist()
    if flat.size and flat[0] == 1:
        counts = [0] + counts
    return {'size': list(mask.shape), 'counts': counts}


class CocoShapes(torch.utils.data.Dataset):
    def __init__(self, root, augment=False, seed=0):
        with open(os.path.join(root, 'annotations.json')) as f:
            coco = json.load(f)
        self.root = root
        self.images = coco['images']
        self.categories = coco['categories']
        self.by_image = {im['id']: [] for im in self.images}
        for a in coco['annotations']:
            self.by_image[a['image_id']].append(a)
        self.augment = augment
        self.rng = np.random.default_rng(seed)

    def __len__(self):
        return len(self.images)

    def load(self, i):
        im = self.images[i]
        img = np.asarray(Image.open(os.path.join(self.root, im['file_name'])).convert('RGB'))
        anns = self.by_image[im['id']]
        masks = np.stack([rle_decode(a['segmentation']) for a in anns]) if anns else np.zeros((0,) + img.shape[:2], np.uint8)
        labels = np.array([a['category_id'] for a in anns], dtype=np.int64)
        return img, masks, labels

    def __getitem__(self, i):
        img, masks, labels = self.load(i)
        if self.augment:
            # The shapes have random rotations, so all 8 flips/transposes of a scene are equally plausible scenes.
            if self.rng.random() < 0.5:
                img, masks = img[:, ::-1], masks[:, :, ::-1]
            if self.rng.random() < 0.5:
                img, masks = img[::-1], masks[:, ::-1]
            if self.rng.random() < 0.5:
                img, masks = img.transpose(1, 0, 2), masks.transpose(0, 2, 1)
        img_t = torch.from_numpy(np.array(img)).permute(2, 0, 1).float() / 255.0
        masks_t = torch.from_numpy(np.ascontiguousarray(masks))
        boxes = []
        for m in masks:
            ys, xs = np.nonzero(m)
            boxes.append([xs.min(), ys.min(), xs.max() + 1, ys.max() + 1])  # tight box, x2 = max x + 1
        boxes_t = torch.tensor(boxes, dtype=torch.float32).reshape(-1, 4)
        return img_t, {'boxes': boxes_t, 'labels': torch.from_numpy(labels), 'masks': masks_t,
                       'image_id': self.images[i]['id']}


def collate(batch):
    return tuple(zip(*batch))
