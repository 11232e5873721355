/**
 * How eye landmarks are refined beyond the plain 468-point mesh.
 * - `none`: plain mesh; blinks only reach about 0.67x of the open-eye EAR.
 * - `iris`: the MediaPipe iris model on two 64x64 eye crops (runs on every backend).
 * - `attention`: the attention mesh (`refineLandmarks`); fails on wasm (non-float32 BatchMatMul).
 * - `auto`: `iris`. See docs/benchmarks.md for the closure-depth table behind this choice.
 */
export type EyeRefinementMode = 'auto' | 'none' | 'iris' | 'attention';
