// The FPN's top-down pathway at one level, read back to the CPU for the stepper's features stage: the lateral
// 1×1 convolution, the upsampled sum from above and their sum M, in NCHW like every other map the pictures get.
import type { Tensor } from '$lib/ops';
import type { MaskRcnnNetwork } from './network';
import { liveTensors, readNchw } from './feature-map';
import type { ModelTrace } from './trace';

export interface FpnPathwayMaps {
	level: number;
	lateral: Tensor;
	topDown: Tensor | null;
	merged: Tensor;
}

/** Needs the trace's C maps: call before trace.dispose(). The GPU tensors it makes are freed before it returns. */
export async function readFpnPathway(
	net: MaskRcnnNetwork,
	trace: ModelTrace,
	level: number
): Promise<FpnPathwayMaps> {
	const c = liveTensors(trace.features.c, 'readFpnPathway');
	if (c.some((t) => t.isDisposed))
		throw new Error(
			'readFpnPathway: the trace was disposed (its feature maps are gone); run the model again'
		);
	const g = net.fpnPathway(c, level);
	try {
		return {
			level,
			lateral: await readNchw(g.lateral),
			topDown: g.topDown ? await readNchw(g.topDown) : null,
			merged: await readNchw(g.merged)
		};
	} finally {
		g.lateral.dispose();
		g.topDown?.dispose();
		g.merged.dispose();
	}
}
