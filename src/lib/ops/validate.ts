// Shared argument checks for the pure-TS ops. Every failure throws an Error whose message names the argument and
// shows the offending value, so a wrong call is diagnosable from the message alone.
import { sizeOf, type Tensor } from './tensor';

/** Short, unambiguous rendering of a bad value for an error message. */
export function formatValue(v: unknown): string {
	if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
	if (typeof v === 'string') return JSON.stringify(v);
	if (typeof v === 'bigint' || typeof v === 'boolean' || v === undefined || v === null) return String(v);
	if (ArrayBuffer.isView(v))
		return `${v.constructor.name}(length ${(v as unknown as ArrayLike<unknown>).length})`;
	if (Array.isArray(v)) {
		const items = v.slice(0, 8).map(formatValue);
		if (v.length > 8) items.push(`… ${v.length} items`);
		return `[${items.join(', ')}]`;
	}
	if (typeof v === 'function') return 'a function';
	try {
		const s = JSON.stringify(v);
		return s.length > 80 ? s.slice(0, 77) + '...' : s;
	} catch {
		return Object.prototype.toString.call(v);
	}
}

function fail(name: string, requirement: string, v: unknown): never {
	throw new Error(`${name} must be ${requirement}, got ${formatValue(v)}`);
}

export function assertFinite(name: string, v: unknown): asserts v is number {
	if (typeof v !== 'number' || !Number.isFinite(v)) fail(name, 'a finite number', v);
}

/** Finite and strictly positive (e.g. a spatial scale). */
export function assertPositiveFinite(name: string, v: unknown): asserts v is number {
	if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0)) fail(name, 'a finite number > 0', v);
}

export function assertInteger(name: string, v: unknown): asserts v is number {
	if (typeof v !== 'number' || !Number.isInteger(v)) fail(name, 'an integer', v);
}

export function assertPositiveInt(name: string, v: unknown): asserts v is number {
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) fail(name, 'a positive integer', v);
}

export function assertNonNegativeInt(name: string, v: unknown): asserts v is number {
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(name, 'a non-negative integer', v);
}

/** An integer index in [0, size). */
export function assertIndex(name: string, v: unknown, size: number): asserts v is number {
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= size)
		fail(name, `an integer in [0, ${size})`, v);
}

export function assertBoolean(name: string, v: unknown): asserts v is boolean {
	if (typeof v !== 'boolean') fail(name, 'true or false', v);
}

export function assertOneOf<T extends string>(
	name: string,
	v: unknown,
	allowed: readonly T[]
): asserts v is T {
	if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
		fail(name, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, v);
}

/** A Tensor whose shape is a list of non-negative integers and whose data length is the product of the shape. */
export function assertTensor(name: string, t: unknown): asserts t is Tensor {
	if (typeof t !== 'object' || t === null) fail(name, 'a tensor { shape, data }', t);
	const { shape, data } = t as Partial<Tensor>;
	if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
		fail(`${name}.shape`, 'an array of non-negative integers', shape);
	if (!(data instanceof Float32Array)) fail(`${name}.data`, 'a Float32Array', data);
	if (data.length !== sizeOf(shape))
		throw new Error(
			`${name}.data has length ${data.length}, but the shape ${formatValue(shape)} needs ${sizeOf(shape)}`
		);
}

/**
 * A tensor of the given rank. Each entry of `dims` pins a size (number) or names a free one (string, e.g. 'K'), so
 * boxes are `['K', 5]` and the message reads "must be of the form [K, 5]".
 */
export function assertTensorShape(
	name: string,
	t: unknown,
	dims: readonly (number | string)[]
): asserts t is Tensor {
	assertTensor(name, t);
	if (t.shape.length !== dims.length || dims.some((d, i) => typeof d === 'number' && t.shape[i] !== d))
		fail(`${name}.shape`, `of the form [${dims.join(', ')}]`, t.shape);
}

/** A 4-D NCHW tensor. */
export function assertTensor4D(name: string, t: unknown): asserts t is Tensor {
	assertTensor(name, t);
	if (t.shape.length !== 4) fail(`${name}.shape`, '4-D [N, C, H, W]', t.shape);
}
