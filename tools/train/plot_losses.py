"""Loss curve PNG with PIL only (matplotlib is not installed): one log-scale line per loss term."""

import csv
import math
import sys

from PIL import Image, ImageDraw

COLORS = {'loss': (0, 0, 0), 'loss_classifier': (31, 119, 180), 'loss_box_reg': (255, 127, 14),
          'loss_mask': (44, 160, 44), 'loss_objectness': (214, 39, 40), 'loss_rpn_box_reg': (148, 103, 189)}


def plot(csv_path, png_path, w=900, h=500, pad=60):
    with open(csv_path) as f:
        rows = list(csv.DictReader(f))
    if len(rows) < 2:
        return
    its = [int(r['iter']) for r in rows]
    keys = [k for k in COLORS if k in rows[0]]
    vals = {k: [max(float(r[k]), 1e-4) for r in rows] for k in keys}
    lo = math.floor(math.log10(min(min(v) for v in vals.values())))
    hi = math.ceil(math.log10(max(max(v) for v in vals.values())))
    img = Image.new('RGB', (w, h), 'white')
    d = ImageDraw.Draw(img)
    X = lambda i: pad + (w - 2 * pad) * (i - its[0]) / max(1, its[-1] - its[0])
    Y = lambda v: h - pad - (h - 2 * pad) * (math.log10(v) - lo) / max(1e-9, hi - lo)
    d.rectangle([pad, pad, w - pad, h - pad], outline=(120, 120, 120))
    for e in range(lo, hi + 1):
        d.line([pad, Y(10 ** e), w - pad, Y(10 ** e)], fill=(220, 220, 220))
        d.text((5, Y(10 ** e) - 6), f'1e{e}', fill=(0, 0, 0))
    for t in range(5):
        it = its[0] + (its[-1] - its[0]) * t / 4
        d.text((X(it) - 10, h - pad + 8), str(int(it)), fill=(0, 0, 0))
    d.text((w / 2 - 20, h - 20), 'iteration', fill=(0, 0, 0))
    for n, k in enumerate(keys):
        pts = [(X(i), Y(v)) for i, v in zip(its, vals[k])]
        d.line(pts, fill=COLORS[k], width=2)
        d.text((pad + 10 + 140 * (n % 6), 20), k, fill=COLORS[k])
    img.save(png_path)


if __name__ == '__main__':
    plot(sys.argv[1], sys.argv[2])
