import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../../../src/lib/model/default-model';
import { parseManifest } from '../../../src/lib/model/manifest';
import { MODELS, modelChoice } from '../../../src/lib/model/models';

// The switcher's list is written by hand (pages read it before anything loads), so it is checked against the
// folders it names: no model offered that is not shipped, none shipped that is not offered, and each entry says
// what its manifest says.
const FOLDERS = readdirSync('static/weights', { withFileTypes: true })
	.filter((d) => d.isDirectory())
	.map((d) => d.name)
	.sort();

describe('src/lib/model/models.ts', () => {
	it('lists exactly the folders of static/weights, the default first', () => {
		expect(MODELS.map((m) => m.id).sort()).toEqual(FOLDERS);
		expect(MODELS[0].id).toBe(DEFAULT_MODEL);
		expect(modelChoice('nope')).toBeUndefined();
	});

	it.each(MODELS.map((m) => [m.id, m] as const))(
		'%s: pooler and mask activation as its manifest says',
		(id, m) => {
			const manifest = parseManifest(JSON.parse(readFileSync(`static/weights/${id}/manifest.json`, 'utf8')));
			expect(manifest.modelName).toBe(id);
			expect(manifest.architecture.pooler ?? 'roi_align').toBe(m.pooler);
			expect(manifest.architecture.mask_activation ?? 'sigmoid').toBe(m.maskActivation);
		}
	);
});
