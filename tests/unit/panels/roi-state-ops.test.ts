// The panel state → ops mapping, checked on torchvision's example: torch.manual_seed(1); x = torch.randn(1, 1, 6, 6);
// roi_pool / roi_align(x, [[0, 10, 10, 124, 124]], 2, 1/32, sampling_ratio=1, aligned) as torchvision prints them.
import { describe, expect, it } from 'vitest';
import { alignTraceOf, mapOf, poolTraceOf } from '../../../src/lib/panels/roi/roi-state-ops';
import { ROI_DEFAULTS, cloneRoi } from '../../../src/lib/panels/roi/roi-state';

const values = (bins: { value: Float32Array }[]) => bins.map((b) => b.value[0].toFixed(4));

describe('roi-state-ops', () => {
	it('maps the default state onto torchvision’s example', () => {
		const s = cloneRoi(ROI_DEFAULTS);
		expect(mapOf(s).tensor.shape).toEqual([1, 1, 6, 6]);
		expect(values(poolTraceOf(s).bins)).toEqual(['1.6871', '0.4676', '2.0242', '2.3571']);
		expect(values(alignTraceOf(s).bins)).toEqual(['-0.8546', '0.3236', '0.2177', '0.0546']);
		expect(values(alignTraceOf({ ...s, aligned: true }).bins)).toEqual([
			'-1.2911',
			'-0.4863',
			'0.7460',
			'0.2380'
		]);
	});

	it('passes the op’s named error through for a bad state', () => {
		expect(() => poolTraceOf({ ...cloneRoi(ROI_DEFAULTS), out: [0, 2] })).toThrow(/output/i);
	});
});
