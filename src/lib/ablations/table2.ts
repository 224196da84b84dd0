// The measured Table 2 (tools/train/ablation_table.py writes table2.json: every shipped model on the 300 held-out
// scenes, with paired bootstrap intervals) and the paper's rows beside it (He et al. 2017, Table 2, COCO minival).
import measured from './table2.json';

export type ApKey = 'AP' | 'AP50' | 'AP75';
export interface Cell {
	value: number;
	/** 95 % bootstrap interval over scenes */
	ci: [number, number];
	/** minus the first (reference) model, with its paired interval */
	diff?: number;
	diff_ci?: [number, number];
}
export type ApCells = Record<ApKey, Cell>;
export interface MeasuredRow {
	name: string;
	model: string;
	pooler: 'roi_align' | 'roi_pool';
	mask_activation: 'sigmoid' | 'softmax';
	iters: number | null;
	train_minutes: number | null;
	bytes: number;
	mask: ApCells;
	box: ApCells;
	mask_large: ApCells;
	box_large: ApCells;
}
export interface MeasuredTable {
	dataset: string;
	images: number;
	instances: number;
	large_instances: number;
	bootstrap: { resamples: number; interval: number; what: string };
	models: MeasuredRow[];
}

export const TABLE2 = measured as unknown as MeasuredTable;

export interface PaperRow {
	table: '2b' | '2c' | '2d';
	what: string;
	backbone: string;
	mask: [number, number, number];
	box?: [number, number, number];
}

/** Mask R-CNN (He et al., 2017), Table 2: AP, AP50, AP75 on COCO minival. */
export const PAPER: readonly PaperRow[] = [
	{ table: '2b', what: 'softmax (multinomial)', backbone: 'ResNet-50-C4', mask: [24.8, 44.1, 25.1] },
	{ table: '2b', what: 'sigmoid (independent)', backbone: 'ResNet-50-C4', mask: [30.3, 51.2, 31.5] },
	{ table: '2c', what: 'RoIPool', backbone: 'ResNet-50-C4, stride 16', mask: [26.9, 48.8, 26.4] },
	{ table: '2c', what: 'RoIAlign', backbone: 'ResNet-50-C4, stride 16', mask: [30.3, 51.2, 31.5] },
	{
		table: '2d',
		what: 'RoIPool',
		backbone: 'ResNet-50-C5, stride 32',
		mask: [23.6, 46.5, 21.6],
		box: [28.2, 52.7, 26.9]
	},
	{
		table: '2d',
		what: 'RoIAlign',
		backbone: 'ResNet-50-C5, stride 32',
		mask: [30.9, 51.8, 32.1],
		box: [34.0, 55.3, 36.4]
	}
];

/** AP as the paper prints it: percent, one decimal. */
export const pct = (v: number): string => (100 * v).toFixed(1);
export const signedPct = (v: number): string => (v >= 0 ? '+' : '−') + pct(Math.abs(v));
/** "[a, b]" in percent. */
export const ciText = (ci: [number, number]): string => `${pct(ci[0])}–${pct(ci[1])}`;

export function rowFor(
	pooler: MeasuredRow['pooler'],
	activation: MeasuredRow['mask_activation']
): MeasuredRow | undefined {
	return TABLE2.models.find((m) => m.pooler === pooler && m.mask_activation === activation);
}
