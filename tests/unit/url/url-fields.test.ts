import { describe, expect, test } from 'vitest';
import { FPN_DEFAULTS, fpnToEntries, parseFpnParams } from '../../../src/lib/panels/fpn/fpn-state';
import {
	LIMITS,
	ROI_DEFAULTS,
	parseRoiParams,
	roiToEntries,
	type RoiState
} from '../../../src/lib/panels/roi/roi-state';
import { mergeQuery, toQuery } from '../../../src/lib/url/query';
import { parseHide } from '../../../src/lib/url/hide';

const roi = (q: string) => parseRoiParams(new URLSearchParams(q));
const fpn = (q: string) => parseFpnParams(new URLSearchParams(q));

describe('parseRoiParams', () => {
	test('no parameters is the torchvision example', () => {
		const { state, notices } = roi('');
		expect(notices).toEqual([]);
		expect(state).toEqual({
			box: [10, 10, 124, 124],
			stride: 32,
			out: [2, 2],
			sr: 1,
			aligned: false,
			agg: 'avg',
			map: 'seed',
			seed: 1,
			img: [800, 800]
		});
	});

	test('reads every valid parameter', () => {
		const { state, notices } = roi(
			'box=0,0,665,665.5&stride=16&out=7x5&sr=0&aligned=1&agg=max&map=random&seed=42&img=640x480'
		);
		expect(notices).toEqual([]);
		expect(state).toEqual({
			box: [0, 0, 665, 665.5],
			stride: 16,
			out: [7, 5],
			sr: 0,
			aligned: true,
			agg: 'max',
			map: 'random',
			seed: 42,
			img: [640, 480]
		});
	});

	test('negative coordinates and a zero-width box are allowed (torchvision accepts them)', () => {
		expect(roi('box=-20,-5.5,-20,40').state.box).toEqual([-20, -5.5, -20, 40]);
	});

	test('the result is a copy: changing it leaves the defaults alone', () => {
		const { state } = roi('');
		state.box[0] = 99;
		expect(ROI_DEFAULTS.box[0]).toBe(10);
	});

	const hostile: [string, keyof RoiState][] = [
		['box=<script>alert(1)</script>', 'box'],
		['box=NaN,0,10,10', 'box'],
		['box=Infinity,0,10,10', 'box'],
		['box=1e3,0,2000,10', 'box'],
		['box=0x10,0,20,20', 'box'],
		['box=99999999999,0,99999999999,1', 'box'],
		['box=1,2,3', 'box'],
		['box=1,2,3,4,5', 'box'],
		['box=1,2,,4', 'box'],
		['box= 1,2,3,4', 'box'],
		['box=50,0,10,10', 'box'],
		['stride=-32', 'stride'],
		['stride=0', 'stride'],
		['stride=16.5', 'stride'],
		['stride=1000', 'stride'],
		['stride=', 'stride'],
		['out=0', 'out'],
		['out=7x', 'out'],
		['out=x7', 'out'],
		['out=7x5x3', 'out'],
		['out=17', 'out'],
		['out=2.5', 'out'],
		['sr=-3', 'sr'],
		['sr=9', 'sr'],
		['sr=adaptive', 'sr'],
		['aligned=2', 'aligned'],
		['aligned=true', 'aligned'],
		['agg=sum', 'agg'],
		['map=file:///etc/passwd', 'map'],
		['seed=-1', 'seed'],
		['seed=4294967296', 'seed'],
		['img=8', 'img'],
		['img=800x99999', 'img']
	];
	test.each(hostile)('%s falls back to the default with a notice', (q, key) => {
		const { state, notices } = roi(q);
		expect(state[key]).toEqual(ROI_DEFAULTS[key]);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toContain(`Ignored ${key}=`);
	});

	test('one bad value does not spoil the others', () => {
		const { state, notices } = roi('stride=16&out=0&sr=2');
		expect(state.stride).toBe(16);
		expect(state.out).toEqual([2, 2]);
		expect(state.sr).toBe(2);
		expect(notices).toHaveLength(1);
	});

	test('notices quote at most 40 characters of a rejected value', () => {
		const { notices } = roi('box=' + 'A'.repeat(500));
		expect(notices[0]).toContain('A'.repeat(40) + '…');
		expect(notices[0]).not.toContain('A'.repeat(41));
	});

	test('a generated map that would need too many cells falls back to the default stride', () => {
		const { state, notices } = roi('map=random&img=2048&stride=2');
		expect(state.stride).toBe(32);
		expect(state.img).toEqual([2048, 2048]);
		expect(Math.ceil(2048 / state.stride)).toBeLessThanOrEqual(LIMITS.cellsMax);
		expect(notices).toHaveLength(1);
		// the seed map is always 6×6, so any stride is fine there
		expect(roi('map=seed&img=2048&stride=2').notices).toEqual([]);
	});

	test('prefixed keys let two panels share one URL', () => {
		const q = new URLSearchParams('a.aligned=1&b.aligned=0&b.sr=3&aligned=1');
		expect(parseRoiParams(q, { prefix: 'a.' }).state.aligned).toBe(true);
		const b = parseRoiParams(q, { prefix: 'b.' }).state;
		expect(b.aligned).toBe(false);
		expect(b.sr).toBe(3);
		const bad = parseRoiParams(new URLSearchParams('b.sr=-1'), { prefix: 'b.' });
		expect(bad.notices[0]).toContain('Ignored b.sr=');
	});
});

describe('roiToEntries', () => {
	test('the default state writes nothing; full writes every key', () => {
		expect(roiToEntries(ROI_DEFAULTS)).toEqual([]);
		expect(toQuery(roiToEntries(ROI_DEFAULTS, { full: true }))).toBe(
			'box=10,10,124,124&stride=32&out=2&sr=1&aligned=0&agg=avg&map=seed&seed=1&img=800'
		);
	});

	test('round trip of a non-default state', () => {
		const s: RoiState = {
			box: [-3.25, 0, 700, 512],
			stride: 8,
			out: [7, 5],
			sr: 0,
			aligned: true,
			agg: 'max',
			map: 'image',
			seed: 7,
			img: [1024, 512]
		};
		const q = toQuery(roiToEntries(s));
		expect(q).toBe(
			'box=-3.25,0,700,512&stride=8&out=7x5&sr=0&aligned=1&agg=max&map=image&seed=7&img=1024x512'
		);
		expect(roi(q)).toEqual({ state: s, notices: [] });
	});

	test('coordinates are written with at most two decimals and no "-0"', () => {
		const s = { ...ROI_DEFAULTS, box: [-0.001, 1 / 3, 10.126, 20] as RoiState['box'] };
		expect(toQuery(roiToEntries(s))).toBe('box=0,0.33,10.13,20');
	});
});

describe('FPN state', () => {
	test('defaults: five boxes on an 800×800 image, floor', () => {
		const { state, notices } = fpn('');
		expect(notices).toEqual([]);
		expect(state).toEqual(FPN_DEFAULTS);
		expect(state.boxes).not.toBe(FPN_DEFAULTS.boxes);
	});

	test('reads boxes, image size and the rounding toggle; round trip', () => {
		const { state, notices } = fpn('boxes=0,0,10,20;5.5,6,300,400&img=1066x800&round=1');
		expect(notices).toEqual([]);
		expect(state).toEqual({
			boxes: [
				[0, 0, 10, 20],
				[5.5, 6, 300, 400]
			],
			img: [1066, 800],
			round: true
		});
		expect(fpn(toQuery(fpnToEntries(state))).state).toEqual(state);
		expect(fpnToEntries(FPN_DEFAULTS)).toEqual([]);
	});

	test('an empty list is a blank canvas', () => {
		expect(fpn('boxes=').state.boxes).toEqual([]);
	});

	test.each([
		'boxes=<img src=x onerror=alert(1)>',
		'boxes=0,0,10,10;1,2,3',
		'boxes=10,10,10,20',
		'boxes=0,0,900,10',
		'boxes=-1,0,10,10',
		'boxes=NaN,0,10,10',
		'boxes=' +
			Array(LIMITS.fpnBoxesMax + 1)
				.fill('0,0,10,10')
				.join(';')
	])('%s falls back to the example boxes with a notice', (q) => {
		const { state, notices } = fpn(q);
		expect(state.boxes).toEqual(FPN_DEFAULTS.boxes);
		expect(notices).toHaveLength(1);
	});

	test('round=2 and img=0 are rejected', () => {
		const { state, notices } = fpn('round=2&img=0');
		expect(state.round).toBe(false);
		expect(state.img).toEqual([800, 800]);
		expect(notices).toHaveLength(2);
	});

	test('a smaller image drops the example boxes that no longer fit', () => {
		const { state, notices } = fpn('img=300');
		expect(state.boxes.every((b) => b[2] <= 300 && b[3] <= 300)).toBe(true);
		expect(state.boxes.length).toBeGreaterThan(0);
		expect(notices).toHaveLength(1);
	});
});

describe('hide= and query merging', () => {
	const known = ['box', 'stride', 'sr'];
	test('known names are hidden, unknown ones reported', () => {
		const { hidden, notices } = parseHide(new URLSearchParams('hide=box,sr,<b>x</b>'), known);
		expect([...hidden].sort()).toEqual(['box', 'sr']);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toContain('<b>x</b>'); // quoted as text; the notice component never renders HTML
		expect(parseHide(new URLSearchParams(''), known).hidden.size).toBe(0);
	});

	test('mergeQuery replaces owned keys and keeps the rest', () => {
		expect(mergeQuery('?hide=sr&stride=8&box=1,2,3,4', ['box', 'stride'], [['stride', '16']])).toBe(
			'?stride=16&hide=sr'
		);
		expect(mergeQuery('?stride=8', ['stride'], [])).toBe('');
	});

	test('toQuery percent-encodes anything unexpected', () => {
		expect(toQuery([['k', 'a&b=c <'] as [string, string]])).toBe('k=a%26b%3Dc%20%3C');
	});
});
