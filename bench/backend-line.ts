// The developer line under a model run (ModelStatus.svelte, data-testid="backend"), read back by the benchmarks:
// "Backend webgl · run 6866 ms (transform 12, network 3100, proposals 40, box head 2100, mask head 1500, paste 9) ·
// 8 detections on scene 11 · 91 tensors on the backend".

export interface RunLine {
	backend: string;
	ms: number;
	parts: Record<string, number>;
	detections: number;
}

export function parseBackendLine(text: string | null): RunLine {
	const t = (text ?? '').replace(/\s+/g, ' ');
	const backend = /Backend (\w+)/.exec(t)?.[1];
	const run = /run (\d+) ms \(([^)]*)\)/.exec(t);
	const detections = /· (\d+) detections/.exec(t)?.[1];
	if (!backend || !run || detections === undefined) throw new Error(`unexpected backend line: ${t}`);
	const parts: Record<string, number> = {};
	for (const p of run[2].split(',')) {
		const m = /^\s*(.+?) (\d+)\s*$/.exec(p);
		if (m) parts[m[1]] = Number(m[2]);
	}
	return { backend, ms: Number(run[1]), parts, detections: Number(detections) };
}
