/** Shape classes in label order: label = index + 1 (0 is background). */
export const SHAPE_CLASSES = ['circle', 'square', 'triangle', 'star', 'ring'] as const;
export type ShapeClass = (typeof SHAPE_CLASSES)[number];
/** Class names indexed by label, torchvision style (index 0 = background). */
export const CLASS_NAMES: readonly string[] = ['__background__', ...SHAPE_CLASSES];

export type Rgb = [number, number, number];

/** One shape to draw. `size` = diameter of the circumscribed circle in px; `rotation` in degrees. */
export interface ShapeSpec {
	cls: ShapeClass;
	cx: number;
	cy: number;
	size: number;
	rotation: number;
	color: Rgb;
}

export type Texture = 'none' | 'stripes' | 'checker' | 'noise';

/** Background: linear gradient colorA→colorB along `angle`, a texture, then per-pixel noise (seeded). */
export interface BackgroundSpec {
	colorA: Rgb;
	colorB: Rgb;
	angle: number;
	texture: Texture;
	texturePeriod: number;
	textureAmp: number;
	noise: number;
	seed: number;
}

export interface SceneSpec {
	width: number;
	height: number;
	background: BackgroundSpec;
	/** Drawn in order: later shapes occlude earlier ones. */
	shapes: ShapeSpec[];
}

export interface Instance {
	/** Index into spec.shapes. */
	shapeIndex: number;
	label: number;
	className: ShapeClass;
	/** Tight box of the visible mask, torchvision convention: [x1, y1, x2, y2] with x2 = max x + 1. */
	box: [number, number, number, number];
	/** Visible pixel count. */
	area: number;
	/** Visible area / area the shape would have alone and unclipped. */
	visibleFraction: number;
	/** H*W, 1 = visible pixel of this instance. Masks of different instances are disjoint. */
	mask: Uint8Array;
}

export interface Scene {
	spec: SceneSpec;
	width: number;
	height: number;
	/** RGB, HWC, H*W*3. */
	image: Uint8Array;
	/** H*W, 0 = background, k = instances[k-1]. */
	instanceMap: Uint16Array;
	instances: Instance[];
	classNames: readonly string[];
}
