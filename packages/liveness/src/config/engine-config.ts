import { DEFAULT_FACE_EMBEDDING_MODEL, type FaceEmbeddingModelSpec } from '../face-match/face-embedding-model-spec.js';
import type { EyeRefinementMode } from '../landmarks/eye-refinement-mode.js';
import type { LoadProgress } from '../models/load-progress.js';
import type { WorkerStartMode } from '../bridge/worker-connection-config.js';
import type { BackendPreference } from './backend-preference.js';

/** Options of {@link createLivenessEngine}. Every asset URL defaults to files shipped with the package. */
export interface LivenessEngineConfig {
  /** Folder holding the model and tfjs `.wasm` files. Default: `./assets/` next to this module. */
  readonly assetBaseUrl: URL | string;
  /** The worker bundle. Default: `./worker.js` next to this module. */
  readonly workerUrl: URL | string;
  /**
   * How the worker starts: `auto` (default) starts a worker on another origin through a same-origin
   * `blob:` module trampoline (needs CORS on the worker and `blob:` in the CSP's `worker-src`; see
   * docs/csp.md); `direct` never uses the trampoline; `blob-trampoline` always does.
   */
  readonly workerStart: WorkerStartMode;
  readonly backend: BackendPreference;
  /** Eye-landmark refinement; `auto` picks the iris model (see docs/benchmarks.md). */
  readonly eyeRefinement: EyeRefinementMode;
  /** Accept a software WebGL renderer (SwiftShader, llvmpipe) in `auto`; off because wasm is faster there. */
  readonly allowSoftwareWebgl: boolean;
  /** Frames are downscaled to this width (px) before they cross to the worker; never upscaled. */
  readonly analysisWidthPx: number;
  /** Most faces detected per frame. */
  readonly maxFaces: number;
  /** ms for the worker's first answer. */
  readonly startTimeoutMs: number;
  /** ms for fetching, compiling and warming up the models. */
  readonly loadTimeoutMs: number;
  /** ms one frame may take in the worker before the worker counts as crashed. */
  readonly frameTimeoutMs: number;
  /** ms to let the worker free its models on `dispose()` before it is terminated anyway. */
  readonly disposeTimeoutMs: number;
  /** Transparent worker restarts before `WORKER_CRASHED` surfaces. */
  readonly maxWorkerRestarts: number;
  /**
   * ms without any engine call, and with no challenge open, after which the worker is terminated to
   * free its models' memory (tens of MB); the next call starts it again, loading the models anew
   * (seconds). Longer than a permission prompt an elder may take a while to answer. `Infinity`
   * keeps the worker until `dispose()`.
   */
  readonly idleTerminateMs: number;
  /**
   * The face-embedding model for 1:1 face match, fetched from `assetBaseUrl` only when a face is
   * first embedded (`enrollReference`), never at start. Its thresholds must be measured for it.
   */
  readonly faceEmbeddingModel: FaceEmbeddingModelSpec;
  /** Model-loading progress (bytes). Called on the main thread. */
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Aborts the start. */
  readonly signal?: AbortSignal;
}

/** Named defaults of {@link LivenessEngineConfig}; URLs are resolved per call from this module's URL. */
export const DEFAULT_LIVENESS_ENGINE_CONFIG = Object.freeze({
  workerStart: 'auto',
  backend: 'auto',
  eyeRefinement: 'auto',
  allowSoftwareWebgl: false,
  analysisWidthPx: 640,
  maxFaces: 2,
  startTimeoutMs: 15_000,
  loadTimeoutMs: 60_000,
  frameTimeoutMs: 10_000,
  disposeTimeoutMs: 1_000,
  maxWorkerRestarts: 1,
  idleTerminateMs: 60_000,
  faceEmbeddingModel: DEFAULT_FACE_EMBEDDING_MODEL,
} as const satisfies Partial<LivenessEngineConfig>);

/** Fills every unset option with its named default. */
export function resolveLivenessEngineConfig(config: Partial<LivenessEngineConfig> = {}): LivenessEngineConfig {
  return {
    assetBaseUrl: new URL('./assets/', import.meta.url),
    workerUrl: new URL('./worker.js', import.meta.url),
    ...DEFAULT_LIVENESS_ENGINE_CONFIG,
    ...config,
  };
}
