import { describe, expect, test } from 'vitest';
import { generateScene, randomSpec, renderScene } from '../../../src/lib/scenes';
import {
	MIN_SHAPE,
	addShape,
	maxShapeSize,
	moveShape,
	removeShape,
	resizeShape,
	rotateShape,
	shapeAt
} from '../../../src/lib/stepper/input/scene-edit';

const base = () => ({ ...randomSpec(3), shapes: [] });

describe('scene editing', () => {
	test('a placed shape is rendered and annotated with its class', () => {
		const spec = addShape(base(), 'star', 200, 150);
		expect(spec.shapes).toHaveLength(1);
		const scene = renderScene(spec);
		expect(scene.instances).toHaveLength(1);
		expect(scene.instances[0].className).toBe('star');
	});
	test('edits return new specs and leave the old one alone (undo-friendly, reactive)', () => {
		const a = addShape(base(), 'circle', 100, 100);
		const b = moveShape(a, 0, 300.13, 40);
		expect(a.shapes[0].cx).toBe(100);
		expect(b.shapes[0]).toMatchObject({ cx: 300.25, cy: 40 });
		expect(removeShape(b, 0).shapes).toEqual([]);
		expect(removeShape(b, 5)).toBe(b);
	});
	test('sizes, centres and angles stay in range', () => {
		let s = addShape(base(), 'ring', -50, 9999, 5);
		expect(s.shapes[0]).toMatchObject({ cx: 0, cy: s.height, size: MIN_SHAPE });
		s = resizeShape(s, 0, 1e6);
		expect(s.shapes[0].size).toBe(maxShapeSize(s));
		expect(rotateShape(s, 0, -90).shapes[0].rotation).toBe(270);
	});
	test('shapeAt finds the topmost shape under the pointer', () => {
		let s = addShape(base(), 'square', 100, 100, 100);
		s = addShape(s, 'circle', 130, 100, 100);
		expect(shapeAt(s, 120, 100)).toBe(1);
		expect(shapeAt(s, 60, 100)).toBe(0);
		expect(shapeAt(s, 400, 400)).toBe(-1);
	});
	test('a new shape gets a colour unlike its neighbours', () => {
		let s = addShape(base(), 'circle', 100, 100);
		s = addShape(s, 'circle', 300, 300);
		expect(s.shapes[0].color).not.toEqual(s.shapes[1].color);
	});
	test('editing a generated scene keeps the other shapes', () => {
		const scene = generateScene(11);
		const n = scene.spec.shapes.length;
		const s = addShape(scene.spec, 'triangle', 256, 256);
		expect(s.shapes.slice(0, n)).toEqual(scene.spec.shapes);
	});
});
