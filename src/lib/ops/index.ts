// Public surface of the pure-TS reference ops (no DOM, no D3, no tfjs).
export type { Tensor } from './tensor';
export { sizeOf, zeros } from './tensor';
