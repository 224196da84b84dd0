// TeX for the NMS stage: the overlap of the box kept at a step with the first box it removes, with their numbers.
import { fmt, fmtShort } from '$lib/ui/format';
import type { IouParts } from './nms-steps';

/**
 * IoU(A, B) = |A ∩ B| / (|A| + |B| − |A ∩ B|) filled in with the pair's overlap and areas (`q`, from iouParts), then
 * the trace's own float32 IoU against the threshold, which is what removes B.
 */
export function iouTex(q: IouParts, iou: number, thresh: number): string {
	return (
		`\\begin{aligned}\\mathrm{IoU} &= \\frac{|A \\cap B|}{|A| + |B| - |A \\cap B|} = ` +
		`\\frac{${fmtShort(q.iw, 1)} \\times ${fmtShort(q.ih, 1)}}{${fmtShort(q.areaA, 0)} + ${fmtShort(q.areaB, 0)} - ${fmtShort(q.inter, 0)}}\\\\` +
		`&= ${fmt(iou, 3)} > ${fmt(thresh, 2)} \\;\\Rightarrow\\; \\text{remove } B\\end{aligned}`
	);
}
