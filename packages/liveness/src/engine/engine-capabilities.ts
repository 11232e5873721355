import type { BackendName, BackendPreference } from '../config/backend-preference.js';

/** One backend or option that was tried and not used, and why. */
export interface CapabilityFallback {
  /** What was skipped: a backend, or `eyeRefinement:<mode>`. */
  readonly skipped: string;
  readonly reason: string;
}

/** What the worker ended up running; fixed once the engine has started. */
export interface EngineCapabilities {
  readonly requestedBackend: BackendPreference;
  readonly backend: BackendName;
  /** Every backend tried before `backend`, with the reason it was not used. */
  readonly fallbacks: readonly CapabilityFallback[];
  /** Eye refinement in use: `iris`, `attention` or `none`. */
  readonly eyeRefinement: 'none' | 'iris' | 'attention';
  /** WebGL `UNMASKED_RENDERER_WEBGL` seen by the probe, when WebGL was probed. */
  readonly webglRenderer?: string;
  /** Whether the wasm backend runs SIMD code, when wasm is in use. */
  readonly hasWasmSimd?: boolean;
  /** Whether the worker could use OffscreenCanvas (needed for WebGL in a worker). */
  readonly hasOffscreenCanvas: boolean;
}
