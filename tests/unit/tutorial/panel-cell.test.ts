import { describe, expect, it } from 'vitest';
import { panelCellLink, parsePanelCell } from '../../../src/lib/tutorial/panel-cell';

describe('tutorial panel cells', () => {
	it('reads attributes with the URL parameter names', () => {
		const p = parsePanelCell('roi-align', {
			box: '0,0,64,64',
			stride: '16',
			out: '7',
			sr: '2',
			aligned: '1',
			hide: 'presets'
		});
		expect(p.notices).toEqual([]);
		expect(p.state.kind).toBe('roi-align');
		if (p.state.kind === 'fpn-levels') throw new Error('unreachable');
		expect(p.state.state).toMatchObject({
			box: [0, 0, 64, 64],
			stride: 16,
			out: [7, 7],
			sr: 2,
			aligned: true
		});
		expect([...p.hidden]).toEqual(['presets']);
		expect(panelCellLink(p.state).path).toBe('/roi-align');
		expect(panelCellLink(p.state).query).toContain('box=0,0,64,64');
	});

	it('falls back with a notice on a bad attribute, and rejects an unknown kind', () => {
		const p = parsePanelCell('roi-pool', { stride: '0' });
		expect(p.notices[0]).toMatch(/Ignored stride="0"/);
		expect(() => parsePanelCell('roi-warp', {})).toThrow(
			/Panel kind must be one of roi-pool, roi-align, compare, fpn-levels/
		);
		const f = parsePanelCell('fpn-levels', { boxes: '0,0,100,100', img: '200', round: '1' });
		expect(f.notices).toEqual([]);
		expect(f.state).toMatchObject({
			kind: 'fpn-levels',
			state: { boxes: [[0, 0, 100, 100]], img: [200, 200], round: true }
		});
	});
});
