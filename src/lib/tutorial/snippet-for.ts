// The PyTorch snippet of a tutorial panel's state (the same text the panel's "Copy as PyTorch" button copies).
import { compareSnippet, fpnSnippet, roiAlignSnippet, roiPoolSnippet } from '$lib/panels/pytorch/torch-snippet';
import type { PanelCellState } from './panel-cell';

export function snippetFor(cell: PanelCellState): string {
	switch (cell.kind) {
		case 'roi-align':
			return roiAlignSnippet(cell.roi);
		case 'roi-pool':
			return roiPoolSnippet(cell.roi);
		case 'compare':
			return compareSnippet(cell.roi);
		case 'fpn-levels':
			return fpnSnippet(cell.fpn);
	}
}
