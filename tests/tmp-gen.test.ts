import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { compareSnippet, fpnSnippet } from '../src/lib/viz/torch-snippet';
import { ROI_DEFAULTS, FPN_DEFAULTS, cloneRoi } from '../src/lib/viz/url-state';
it('gen', () => {
	writeFileSync('/tmp/cmp.py', compareSnippet({ ...cloneRoi(ROI_DEFAULTS), map: 'random', seed: 7, stride: 16, img: [200, 160], out: [3, 3], sr: 0, agg: 'max', box: [37, 21, 151, 118] }));
	writeFileSync('/tmp/fpn.py', fpnSnippet({ ...FPN_DEFAULTS, round: true }));
});
