export * from './types';
export { mulberry32, normals, type Rng } from './prng';
export { sinCosDeg } from './trig';
export { shapeContours, FIX, type Contour } from './shapes';
export { rasterize, SUB, type Raster } from './raster';
export { renderBackground } from './background';
export { renderScene, rasterizeShapes, visibility } from './render';
export { generateScene, randomSpec, type GenerateOptions } from './generate';
export { encodeRle, decodeRle, toCocoString, fromCocoString, type Rle } from './rle';
