// The address tfjs sees when it loads: tfjs's own query parser (tfjs-core's getQueryParams, the function its
// Environment calls on location.search) must neither throw on it nor find a tfjsflags key in it.
import { describe, expect, test } from 'vitest';
import { getQueryParams } from '@tensorflow/tfjs-core/dist/environment.js';
import { queryForTfjs } from '../../../src/lib/model/url-flags';

const HOSTILE = [
	'?tfjsflags=DEBUG:true',
	'?seed=11&tfjsflags=WEBGL_RENDER_FLOAT32_ENABLED:false&stage=2',
	'?seed=%',
	'?x=%E0%A4%A',
	'?%=1',
	'?tfjs%66lags=DEBUG:true',
	'?TFJSFLAGS=DEBUG:true&seed=3',
	'?seed=4&&stage=2&tfjsflags',
	'?a=%zz&tfjsflags=DEBUG:true&b=%'
];

describe('the address tfjs sees', () => {
	test.each(HOSTILE)('%s: tfjs parses it and finds no flags', (search) => {
		const q = queryForTfjs(search);
		expect(q).not.toBeNull();
		// what tfjs does with the rewritten address (it throws URIError on the original)
		const params = getQueryParams(q!) as Record<string, string>;
		expect(Object.keys(params).map((k) => k.toLowerCase())).not.toContain('tfjsflags');
	});

	test('the site’s own parameters survive, in order, untouched', () => {
		expect(queryForTfjs('?seed=11&tfjsflags=DEBUG:true&stage=2&shapes=star%2C1%2C2')).toBe(
			'?seed=11&stage=2&shapes=star%2C1%2C2'
		);
		expect(queryForTfjs('?seed=%&stage=3')).toBe('?stage=3');
		expect(queryForTfjs('?tfjsflags=DEBUG:true')).toBe('');
	});

	test('an address with nothing to drop is left alone', () => {
		expect(queryForTfjs('')).toBeNull();
		expect(queryForTfjs('?seed=11&stage=2&hide=formula')).toBeNull();
		expect(queryForTfjs('?q=%C3%A9')).toBeNull();
	});

	test('the original hostile addresses do break tfjs’s parser (what this guards against)', () => {
		expect(() => getQueryParams('?seed=%')).toThrow(URIError);
		expect(getQueryParams('?tfjsflags=DEBUG:true')).toHaveProperty('tfjsflags');
	});
});
