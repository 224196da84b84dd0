// Where a reader left each tour, so the list can offer "resume at step N". Local to this browser; a storage that
// refuses (private mode, quota) only loses the resume point.
const key = (id: string) => `mrcnn-tour:${id}`;

export function savedStep(id: string): number | null {
	try {
		const v = Number(localStorage.getItem(key(id)));
		return Number.isInteger(v) && v >= 1 ? v - 1 : null;
	} catch {
		return null;
	}
}

export function saveStep(id: string, index: number | null): void {
	try {
		if (index === null) localStorage.removeItem(key(id));
		else localStorage.setItem(key(id), String(index + 1));
	} catch {
		// nothing to keep it in
	}
}
