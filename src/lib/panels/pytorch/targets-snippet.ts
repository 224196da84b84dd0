// "Copy as PyTorch" for the training-targets sandbox: torchvision's own AnchorGenerator and Matcher on the same
// 512 px scene's boxes, printing how many anchors each label gets — the counts the panel shows.
import type { Box } from '$lib/ui/box';
import { toQuery } from '$lib/url/query';
import type { TargetsState } from '../targets/targets-state';
import { targetsToEntries } from '../targets/targets-state';
import { MODEL_ANCHORS, SCENE_SIZE } from '../targets/targets-view';

export function matcherSnippet(s: Readonly<TargetsState>, gt: readonly Box[]): string {
	const boxes = gt.map((b) => `[${b.join(', ')}]`).join(',\n         ');
	const q = toQuery(targetsToEntries(s));
	return `# The training-targets panel${q ? ` (?${q})` : ''} in torchvision 0.14: label every anchor of the
# ${SCENE_SIZE} px scene against its ground-truth boxes, as the RPN does in training.
import torch
from torchvision.models.detection._utils import Matcher
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.image_list import ImageList
from torchvision.ops import box_iou

sizes = (${MODEL_ANCHORS.sizes.map((v) => `(${v},)`).join(', ')})
ratios = ((${MODEL_ANCHORS.aspectRatios.join(', ')}),) * ${MODEL_ANCHORS.sizes.length}
features = [torch.zeros(1, 1, ${SCENE_SIZE} // 2**k, ${SCENE_SIZE} // 2**k) for k in range(2, 7)]  # P2..P6
images = ImageList(torch.zeros(1, 3, ${SCENE_SIZE}, ${SCENE_SIZE}), [(${SCENE_SIZE}, ${SCENE_SIZE})])
anchors = AnchorGenerator(sizes, ratios)(images, features)[0]

gt = torch.tensor([${boxes}], dtype=torch.float32).reshape(-1, 4)
matcher = Matcher(${s.high}, ${s.low}, allow_low_quality_matches=True)
# gt index, -1 below low, -2 between (torchvision's RPN skips the matcher when there is no box: all background)
matches = matcher(box_iou(gt, anchors)) if len(gt) else torch.full((anchors.shape[0],), -1)
print('anchors', anchors.shape[0])
print('positive', int((matches >= 0).sum()))  # the panel's positive + rescued
print('ignored', int((matches == -2).sum()))
print('negative', int((matches == -1).sum()))
`;
}
