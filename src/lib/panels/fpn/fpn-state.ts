// The FPN level panel's state and its URL field table.
import { codecFunctions, field, type Codec } from '$lib/url/codec';
import { boxesToString, pairToString, parseBox, parsePair } from '$lib/url/grammar';
import type { Box } from '$lib/ui/box';
import { LIMITS } from '../roi/roi-state';

export interface FpnState {
	/** Boxes x1,y1,x2,y2 in image pixels, inside the image, with positive width and height. */
	boxes: Box[];
	/** Image [width, height] in pixels. */
	img: [number, number];
	/** Also show what rounding (instead of torchvision's floor) would choose. */
	round: boolean;
}

export const FPN_DEFAULTS: Readonly<FpnState> = Object.freeze({
	boxes: [
		[30, 30, 80, 80], // √area 50: formula says P1, clamped to P2
		[120, 40, 210, 140], // √area ≈ 94.9: floor → P2, rounding → P3
		[300, 40, 430, 170], // 130 → P3
		[480, 40, 760, 320], // 280 → P4
		[40, 300, 540, 760] // ≈ 479.6 → P5
	],
	img: [800, 800],
	round: false
} as FpnState);

export function cloneFpn(s: Readonly<FpnState>): FpnState {
	return { boxes: s.boxes.map((b) => [...b] as Box), img: [...s.img], round: s.round };
}

/** The boxes of a `boxes=` value that all lie inside a w×h image (";"-separated, at most fpnBoxesMax), or null. */
function parseBoxes(raw: string, [w, h]: [number, number]): Box[] | null {
	const parts = raw === '' ? [] : raw.split(';');
	if (parts.length > LIMITS.fpnBoxesMax) return null;
	const boxes = parts.map((s) => parseBox(s, LIMITS.coord, true));
	const inside = (b: Box | null) => b !== null && b[0] >= 0 && b[1] >= 0 && b[2] <= w && b[3] <= h;
	return boxes.every(inside) ? (boxes as Box[]) : null;
}

export const FPN_CODEC: Codec<FpnState> = {
	clone: cloneFpn,
	// img first: the boxes are checked against it
	fields: [
		field<FpnState, 'img'>({
			key: 'img',
			parse: (raw) => parsePair(raw, LIMITS.imgMin, LIMITS.imgMax),
			format: pairToString,
			expected: `N or WxH pixels, from ${LIMITS.imgMin} to ${LIMITS.imgMax}`,
			fallback: (d) => `Using ${d.img.join('x')}.`
		}),
		field<FpnState, 'round'>({
			key: 'round',
			parse: (raw) => (raw === '0' || raw === '1' ? raw === '1' : null),
			format: (v) => (v ? '1' : '0'),
			expected: '0 or 1'
		}),
		field<FpnState, 'boxes'>({
			key: 'boxes',
			parse: (raw, s) => parseBoxes(raw, s.img),
			format: boxesToString,
			expected: (s, raw) =>
				raw.split(';').length > LIMITS.fpnBoxesMax
					? `at most ${LIMITS.fpnBoxesMax} boxes`
					: `boxes x1,y1,x2,y2 separated by ";", inside the ${s.img[0]}×${s.img[1]} image, with x1 < x2 and y1 < y2`,
			fallback: (d) => `Using ${d.boxes.length ? 'the example boxes' : 'no boxes'}.`
		})
	],
	// Default boxes must fit a smaller image too.
	check: (state, _d, notices) => {
		const [w, h] = state.img;
		if (!state.boxes.some((b) => b[2] > w || b[3] > h)) return;
		state.boxes = state.boxes.filter((b) => b[2] <= w && b[3] <= h);
		notices.push(`Some boxes do not fit a ${w}×${h} image and were left out.`);
	}
};

const fns = codecFunctions(FPN_CODEC, FPN_DEFAULTS);
/** The state in a query (strict: each rejected value falls back with a notice). */
export const parseFpnParams = fns.parse;
/** Query entries of a state: short (non-defaults) or `full`. */
export const fpnToEntries = fns.format;
