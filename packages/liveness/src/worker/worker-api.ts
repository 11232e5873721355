import type { BackendPreference } from '../config/backend-preference.js';
import type { EngineCapabilities } from '../engine/engine-capabilities.js';
import type { WorkerFrameMetrics } from '../engine/frame-metrics.js';
import type { EyeRefinementMode } from '../landmarks/eye-refinement-mode.js';
import type { LoadProgress } from '../models/load-progress.js';
import type { Result } from './result.js';

/** What the worker reports about itself when asked. */
export interface WorkerHello {
  /** SDK version the worker bundle was built from; must equal the main-thread version. */
  readonly version: string;
  /** `true` when the worker runs without DOM access, as a real dedicated worker does. */
  readonly isWorkerScope: boolean;
}

/** Plain-data options the worker needs to load its models. */
export interface WorkerInitOptions {
  /** Absolute URL of the assets folder, ending in `/`. */
  readonly assetBaseUrl: string;
  readonly backend: BackendPreference;
  readonly eyeRefinement: EyeRefinementMode;
  readonly allowSoftwareWebgl: boolean;
  readonly maxFaces: number;
  /** Size of the blank frame used to warm the graphs up. */
  readonly warmUpWidthPx: number;
  readonly warmUpHeightPx: number;
}

/** Where the start-up time went, in ms. */
export interface StartupTimings {
  readonly fetchMs: number;
  readonly compileMs: number;
  readonly warmUpMs: number;
}

/** What `init` returns. */
export interface WorkerInitReport {
  readonly capabilities: EngineCapabilities;
  readonly timings: StartupTimings;
  readonly modelBytes: number;
}

/** Live tensors in the worker (tfjs `tf.memory()`). */
export interface WorkerMemory {
  readonly tensorCount: number;
  readonly byteCount: number;
}

/** The methods the liveness worker exposes over comlink. Only plain data and transferred bitmaps cross. */
export interface LivenessWorkerApi {
  hello(): Promise<Result<WorkerHello>>;
  /**
   * Probes a backend and loads the models. `onProgress` is a `Comlink.proxy` passed once per
   * start (never per frame) and released by the worker when loading ends.
   */
  init(options: WorkerInitOptions, onProgress?: (progress: LoadProgress) => void): Promise<Result<WorkerInitReport>>;
  /** Measures one frame; always closes `frame`. */
  analyze(frame: ImageBitmap, shouldIncludeLandmarks: boolean): Promise<Result<WorkerFrameMetrics>>;
  memory(): Promise<Result<WorkerMemory>>;
  /** Test hook: throws an uncaught error inside the worker on the next task, as a real crash would. */
  crashForTesting(): Promise<Result<null>>;
  /** Disposes models and tensors; the worker can then be terminated. */
  dispose(): Promise<Result<null>>;
}
