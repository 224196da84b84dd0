// A panel's main action for presenter mode (present=1): what a slide clicker's PageDown / PageUp (or → / ←) does on
// a panel, so a lecturer can show the idea without touching the mouse. RoI panels slide the box by half a cell (every
// second press RoIPool's rounded box jumps a whole cell while RoIAlign follows smoothly); the FPN panel grows or
// shrinks each side of its first box by √2, so √(wh) doubles, and Eq. 1 moves one level, every second press.
import { moveBox, type Box } from '$lib/ui/box';
import type { FpnState } from './fpn/fpn-state';
import type { RoiState } from './roi/roi-state';

export type StepDir = -1 | 1;

export function roiStep(s: Readonly<RoiState>, dir: StepDir): RoiState {
	const half = s.stride / 2;
	const box = moveBox(s.box, dir * half, 0, { x0: 0, y0: 0, x1: s.img[0], y1: s.img[1] });
	return { ...s, box, out: [...s.out], img: [...s.img] };
}

export function fpnStep(s: Readonly<FpnState>, dir: StepDir): FpnState {
	const boxes = s.boxes.map((b) => [...b] as Box);
	const b = boxes[0];
	if (!b) return { ...s, boxes, img: [...s.img] };
	const [w, h] = s.img;
	const f = Math.SQRT2 ** dir;
	const cx = (b[0] + b[2]) / 2;
	const cy = (b[1] + b[3]) / 2;
	// whole pixels, rounded away from where the press was going (up when growing), so rounding never keeps a box
	// just short of a level boundary it should have crossed
	const whole = dir > 0 ? Math.ceil : Math.floor;
	const bw = Math.min(w, Math.max(1, whole((b[2] - b[0]) * f)));
	const bh = Math.min(h, Math.max(1, whole((b[3] - b[1]) * f)));
	const x1 = Math.round(Math.min(Math.max(cx - bw / 2, 0), w - bw));
	const y1 = Math.round(Math.min(Math.max(cy - bh / 2, 0), h - bh));
	boxes[0] = [x1, y1, x1 + bw, y1 + bh];
	return { ...s, boxes, img: [...s.img] };
}
