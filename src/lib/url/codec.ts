// One table per state: each field names its URL key, its parser, its formatter and what a valid value looks like.
// From the table come parsing (strict, with a notice for every rejected value), formatting (short: only what differs
// from the defaults; full: every key, for embed snippets) and the list of keys a page owns — the pattern of
// TF Playground's PROPS table, so a field is written once instead of three times.
import { clip } from './grammar';

export interface Parsed<T> {
	state: T;
	notices: string[];
}

export interface Field<S, K extends keyof S = keyof S> {
	key: K & string;
	/** the value for a raw string, or null when it is not valid; `state` holds the fields parsed before this one */
	parse: (raw: string, state: Readonly<S>) => S[K] | null;
	format: (value: S[K]) => string;
	/** how a valid value reads, for the notice: "a whole number from 1 to 128" (may say what was wrong with `raw`) */
	expected: string | ((state: Readonly<S>, raw: string) => string);
	/** the notice's last sentence (default: "Using <the default, formatted>.") */
	fallback?: (defaults: Readonly<S>) => string;
	/** leave out of short URLs in this state (e.g. a seed that only matters for random maps) */
	omit?: (state: Readonly<S>) => boolean;
	/** optional fields may be absent from the state (undefined): not written, and nothing to fall back to */
	optional?: boolean;
}

export interface Codec<S> {
	/** parsed in this order (a field may depend on the ones before), formatted in this order */
	fields: readonly Field<S, keyof S>[];
	clone: (s: Readonly<S>) => S;
	/** cross-field rules after every field is parsed; may adjust the state and add notices */
	check?: (state: S, defaults: Readonly<S>, notices: string[]) => void;
}

export interface CodecOptions<S> {
	defaults: Readonly<S>;
	/** prefix of every key, e.g. 'a.' when two panels share one URL */
	prefix?: string;
}

/** A field typed for its key, so a table entry checks `parse` and `format` against the state's own type. */
export function field<S, K extends keyof S & string>(f: Field<S, K>): Field<S, keyof S> {
	return f as unknown as Field<S, keyof S>;
}

export function parseState<S>(codec: Codec<S>, params: URLSearchParams, opts: CodecOptions<S>): Parsed<S> {
	const d = opts.defaults;
	const p = opts.prefix ?? '';
	const state = codec.clone(d);
	const notices: string[] = [];
	for (const f of codec.fields) {
		const raw = params.get(p + f.key);
		if (raw === null) continue;
		const v = f.parse(raw, state);
		if (v !== null) {
			(state as Record<string, unknown>)[f.key] = v;
			continue;
		}
		const expected = typeof f.expected === 'string' ? f.expected : f.expected(state, raw);
		const fallback = f.fallback
			? f.fallback(d)
			: d[f.key] === undefined
				? 'Nothing picked.'
				: `Using ${f.format(d[f.key])}.`;
		notices.push(`Ignored ${p + f.key}="${clip(raw)}": expected ${expected}. ${fallback}`);
	}
	codec.check?.(state, d, notices);
	return { state, notices };
}

/**
 * Query entries for a state: by default only values that differ from the defaults (short page URLs); `full` writes
 * every key, for embed snippets that must keep meaning the same thing if the defaults ever change.
 */
export function formatState<S>(
	codec: Codec<S>,
	s: Readonly<S>,
	opts: CodecOptions<S> & { full?: boolean }
): [string, string][] {
	const p = opts.prefix ?? '';
	const out: [string, string][] = [];
	for (const f of codec.fields) {
		const v = s[f.key];
		if (v === undefined) continue;
		const text = f.format(v);
		if (opts.full) out.push([p + f.key, text]);
		else if (f.omit?.(s)) continue;
		else if (f.optional || opts.defaults[f.key] === undefined || text !== f.format(opts.defaults[f.key]))
			out.push([p + f.key, text]);
	}
	return out;
}

/** The keys a codec owns in the URL (with the prefix). */
export function keysOf<S>(codec: Codec<S>, prefix = ''): string[] {
	return codec.fields.map((f) => prefix + f.key);
}

/** `parse(params, opts?)` and `format(state, opts?)` of one codec with its defaults (a state module's exports). */
export function codecFunctions<S>(codec: Codec<S>, defaults: Readonly<S>) {
	return {
		parse: (params: URLSearchParams, opts: { defaults?: Readonly<S>; prefix?: string } = {}): Parsed<S> =>
			parseState(codec, params, { defaults: opts.defaults ?? defaults, prefix: opts.prefix }),
		format: (
			s: Readonly<S>,
			opts: { full?: boolean; prefix?: string; defaults?: Readonly<S> } = {}
		): [string, string][] => formatState(codec, s, { ...opts, defaults: opts.defaults ?? defaults })
	};
}
