import { describe, expect, it } from 'vitest';
import type { ShapeSpec } from '../../../src/lib/scenes';
import { parseShapesParam, roundShape, shapesToParam } from '../../../src/lib/stepper/input/scene-url';
import { parseStepperParams, stepperToEntries } from '../../../src/lib/stepper/stepper-url';

describe('drawn scenes in the URL', () => {
	const star: ShapeSpec = {
		cls: 'star',
		cx: 256.25,
		cy: 100,
		size: 120,
		rotation: 15.5,
		color: [255, 136, 0]
	};
	const ring: ShapeSpec = { cls: 'ring', cx: -10, cy: 600, size: 40, rotation: 0, color: [1, 2, 3] };

	it('round-trips the shapes through shapes=', () => {
		const param = shapesToParam([star, ring]);
		expect(param).toBe('star,256.25,100,120,15.5,ff8800;ring,-10,600,40,0,010203');
		expect(parseShapesParam(param)).toEqual({ shapes: [star, ring] });
		expect(parseShapesParam('')).toEqual({ shapes: [] }); // every shape deleted
		const { state, notices } = parseStepperParams(new URLSearchParams(`seed=5&shapes=${param}`), [1, 2]);
		expect(notices).toEqual([]);
		expect(state.shapes).toEqual([star, ring]);
		expect(stepperToEntries(state, { stage: 1, seed: 11 })).toContainEqual(['shapes', param]);
	});

	it('rounds an edit to what the URL keeps', () => {
		expect(roundShape({ ...star, cx: 1.23456, size: 99.999 })).toMatchObject({ cx: 1.23, size: 100 });
	});

	it('says which shape and which field is wrong, and keeps the seed scene', () => {
		const bad = (raw: string) => parseStepperParams(new URLSearchParams({ shapes: raw }), [1]).notices[0];
		expect(bad('hexagon,1,1,20,0,ffffff')).toMatch(/shape 1: class must be one of circle, square/);
		expect(bad('star,1,1,20,0,ffffff;star,1,1,2,0,ffffff')).toMatch(/shape 2: size must be from 4 to 1024/);
		expect(bad('star,1,1,20,0,fff')).toMatch(/colour must be six hex digits/);
		expect(bad('star,1e3,1,20,0,ffffff')).toMatch(/x and y must be numbers/);
		expect(bad('star,1,1,20')).toMatch(/needs class,x,y,size,rotation,colour/);
		expect(bad(Array(41).fill('star,1,1,20,0,ffffff').join(';'))).toMatch(/at most 40 shapes/);
		expect(parseStepperParams(new URLSearchParams({ shapes: 'x' }), [1]).state.shapes).toBeUndefined();
	});
});
