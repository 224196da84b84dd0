// torch 1.13 CPU `sort(descending=True)` and `topk` reproduce libstdc++'s std::sort / std::partial_sort /
// std::nth_element over (value, index) pairs with the comparator `a.v > b.v` (NaN first). These algorithms are not
// stable, so the order of EQUAL scores — which decides NMS ties — is whatever introsort leaves. Porting the exact
// algorithm (median-of-3 pivot, unguarded partition, depth limit 2·⌊log2 n⌋, heap-sort fallback, insertion sort
// with threshold 16) gives torch's tie order bit for bit.

const THRESHOLD = 16;

/** libstdc++ `std::__lg`: ⌊log2 n⌋ for n ≥ 1. */
function lg(n: number): number {
	return 31 - Math.clz32(n);
}

/** `a > b` with NaN greater than everything (torch's KeyValueCompDesc). */
function gt(a: number, b: number): boolean {
	return a > b || (a !== a && b === b);
}

/** (value, index) pairs in two parallel arrays, and the std:: algorithms on ranges [first, last) of them. */
class Pairs {
	constructor(
		readonly v: Float64Array,
		readonly ix: Int32Array
	) {}

	swap(a: number, b: number): void {
		const { v, ix } = this;
		const tv = v[a];
		v[a] = v[b];
		v[b] = tv;
		const ti = ix[a];
		ix[a] = ix[b];
		ix[b] = ti;
	}

	move(to: number, from: number): void {
		this.v[to] = this.v[from];
		this.ix[to] = this.ix[from];
	}

	sort(first: number, last: number): void {
		if (first === last) return;
		this.introsortLoop(first, last, lg(last - first) * 2);
		this.finalInsertionSort(first, last);
	}

	partialSort(first: number, middle: number, last: number): void {
		this.heapSelect(first, middle, last);
		this.sortHeap(first, middle);
	}

	nthElement(first: number, nth: number, last: number): void {
		if (first === last || nth === last) return;
		let depth = lg(last - first) * 2;
		while (last - first > 3) {
			if (depth === 0) {
				this.heapSelect(first, nth + 1, last);
				this.swap(first, nth); // the nth element into its final place
				return;
			}
			depth--;
			const cut = this.partitionPivot(first, last);
			if (cut <= nth) first = cut;
			else last = cut;
		}
		this.insertionSort(first, last);
	}

	private introsortLoop(first: number, last: number, depth: number): void {
		while (last - first > THRESHOLD) {
			if (depth === 0) {
				this.partialSort(first, last, last); // heap sort
				return;
			}
			depth--;
			const cut = this.partitionPivot(first, last);
			this.introsortLoop(cut, last, depth);
			last = cut;
		}
	}

	private partitionPivot(first: number, last: number): number {
		const mid = first + ((last - first) >> 1);
		this.moveMedianToFirst(first, first + 1, mid, last - 1);
		return this.unguardedPartition(first + 1, last, first);
	}

	private moveMedianToFirst(result: number, a: number, b: number, c: number): void {
		const v = this.v;
		if (gt(v[a], v[b])) {
			if (gt(v[b], v[c])) this.swap(result, b);
			else if (gt(v[a], v[c])) this.swap(result, c);
			else this.swap(result, a);
		} else if (gt(v[a], v[c])) this.swap(result, a);
		else if (gt(v[b], v[c])) this.swap(result, c);
		else this.swap(result, b);
	}

	private unguardedPartition(first: number, last: number, pivot: number): number {
		const v = this.v;
		for (;;) {
			while (gt(v[first], v[pivot])) first++;
			last--;
			while (gt(v[pivot], v[last])) last--;
			if (!(first < last)) return first;
			this.swap(first, last);
			first++;
		}
	}

	private finalInsertionSort(first: number, last: number): void {
		if (last - first > THRESHOLD) {
			this.insertionSort(first, first + THRESHOLD);
			for (let i = first + THRESHOLD; i < last; i++) this.linearInsert(i);
		} else this.insertionSort(first, last);
	}

	private insertionSort(first: number, last: number): void {
		if (first === last) return;
		const { v, ix } = this;
		for (let i = first + 1; i < last; i++) {
			if (gt(v[i], v[first])) {
				const tv = v[i];
				const ti = ix[i];
				v.copyWithin(first + 1, first, i);
				ix.copyWithin(first + 1, first, i);
				v[first] = tv;
				ix[first] = ti;
			} else this.linearInsert(i);
		}
	}

	/** `__unguarded_linear_insert`: shift the element at `last` left past every element it beats. */
	private linearInsert(last: number): void {
		const { v, ix } = this;
		const tv = v[last];
		const ti = ix[last];
		let next = last - 1;
		while (gt(tv, v[next])) {
			v[last] = v[next];
			ix[last] = ix[next];
			last = next;
			next--;
		}
		v[last] = tv;
		ix[last] = ti;
	}

	private heapSelect(first: number, middle: number, last: number): void {
		this.makeHeap(first, middle);
		for (let i = middle; i < last; i++) if (gt(this.v[i], this.v[first])) this.popHeap(first, middle, i);
	}

	private makeHeap(first: number, last: number): void {
		const len = last - first;
		if (len < 2) return;
		for (let parent = (len - 2) >> 1; ; parent--) {
			this.adjustHeap(first, parent, len, this.v[first + parent], this.ix[first + parent]);
			if (parent === 0) return;
		}
	}

	private sortHeap(first: number, last: number): void {
		while (last - first > 1) {
			last--;
			this.popHeap(first, last, last);
		}
	}

	private popHeap(first: number, last: number, result: number): void {
		const tv = this.v[result];
		const ti = this.ix[result];
		this.move(result, first);
		this.adjustHeap(first, 0, last - first, tv, ti);
	}

	private adjustHeap(first: number, hole: number, len: number, tv: number, ti: number): void {
		const v = this.v;
		const top = hole;
		let child = hole;
		while (child < (len - 1) >> 1) {
			child = 2 * (child + 1);
			if (gt(v[first + child], v[first + child - 1])) child--;
			this.move(first + hole, first + child);
			hole = child;
		}
		if ((len & 1) === 0 && child === (len - 2) >> 1) {
			child = 2 * (child + 1);
			this.move(first + hole, first + child - 1);
			hole = child - 1;
		}
		// __push_heap
		let parent = (hole - 1) >> 1;
		while (hole > top && gt(v[first + parent], tv)) {
			this.move(first + hole, first + parent);
			hole = parent;
			parent = (hole - 1) >> 1;
		}
		v[first + hole] = tv;
		this.ix[first + hole] = ti;
	}
}

function pairsOf(values: ArrayLike<number>): Pairs {
	const n = values.length;
	const v = new Float64Array(n);
	const ix = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		v[i] = values[i];
		ix[i] = i;
	}
	return new Pairs(v, ix);
}

/** Indices of `torch.sort(values, descending=True)` (torch 1.13 CPU, stable=False): same tie order as torch. */
export function sortDescending(values: ArrayLike<number>): Int32Array {
	const p = pairsOf(values);
	p.sort(0, values.length);
	return p.ix;
}

/**
 * Indices of `torch.topk(values, k)` (largest, sorted; torch 1.13 CPU): `std::partial_sort` when k·64 ≤ n, else
 * `std::nth_element` then `std::sort` of the first k−1. Tie order therefore matches torch exactly.
 */
export function topk(values: ArrayLike<number>, k: number): Int32Array {
	const n = values.length;
	if (!Number.isInteger(k) || k < 0 || k > n) throw new Error(`k must be an integer in [0, ${n}], got ${k}`);
	if (k === 0) return new Int32Array(0);
	const p = pairsOf(values);
	if (k * 64 <= n) p.partialSort(0, k, n);
	else {
		p.nthElement(0, k - 1, n);
		p.sort(0, k - 1);
	}
	return p.ix.slice(0, k);
}

/**
 * Indices of `torch.sort(values, descending=True, stable=True)`: equal values keep ascending index order (NaN first).
 * The installed torchvision 0.14 NMS kernel orders its boxes this way (verified on tie-heavy fixtures), unlike a
 * plain `torch.sort` call from Python, which is the unstable introsort above.
 */
export function sortDescendingStable(values: ArrayLike<number>): Int32Array {
	const idx = Int32Array.from({ length: values.length }, (_, i) => i);
	return idx.sort((a, b) => (gt(values[a], values[b]) ? -1 : gt(values[b], values[a]) ? 1 : a - b));
}
