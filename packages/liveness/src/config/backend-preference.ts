/**
 * Which tfjs backend runs the models. `auto` probes in the worker: WebGL on a real GPU, wasm
 * (SIMD when available) when WebGL is software-rendered or missing, cpu last. An explicit choice
 * is tried first, then the ones after it in that order.
 */
export type BackendPreference = 'auto' | 'webgl' | 'wasm' | 'cpu';

/** A backend that actually ran. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';
