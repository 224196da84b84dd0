// A heap snapshot of a page (over CDP, after a forced GC), summed by V8's node types. Used by the memory test to
// tell what the page's own objects hold apart from V8's compiled code, which grows as functions get hot (JIT tiers)
// and is the engine's cache, not something the page keeps.
import type { CDPSession } from 'playwright-core';

export interface HeapTotals {
	/** bytes by node type: object, array, string, closure, code, native, … */
	byType: Record<string, number>;
	/** all JS-heap nodes except compiled code and native (ArrayBuffer backing stores, DOM): the page's objects */
	objects: number;
	code: number;
	native: number;
}

export async function heapTotals(cdp: CDPSession): Promise<HeapTotals> {
	await cdp.send('HeapProfiler.collectGarbage');
	const chunks: string[] = [];
	const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
	cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
	await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
	cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
	const snap = JSON.parse(chunks.join('')) as {
		snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
		nodes: number[];
	};
	const fields = snap.snapshot.meta.node_fields;
	const types = snap.snapshot.meta.node_types[0];
	const step = fields.length;
	const it = fields.indexOf('type');
	const isz = fields.indexOf('self_size');
	const byType: Record<string, number> = {};
	for (let i = 0; i < snap.nodes.length; i += step) {
		const t = types[snap.nodes[i + it]];
		byType[t] = (byType[t] ?? 0) + snap.nodes[i + isz];
	}
	const all = Object.values(byType).reduce((a, b) => a + b, 0);
	const code = byType.code ?? 0;
	const native = byType.native ?? 0;
	return { byType, objects: all - code - native, code, native };
}
