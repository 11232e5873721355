import type { LivenessVideoSource } from '../capture/frame-source.js';
import type { StartupTimings, WorkerMemory } from '../worker/worker-api.js';
import type { EngineCapabilities } from './engine-capabilities.js';
import type { FrameMetrics, WorkerFrameMetrics } from './frame-metrics.js';

/** Options of one `watch()`. */
export interface WatchOptions {
  /** Ends the iteration (quietly) when aborted. */
  readonly signal?: AbortSignal;
  /** Adds landmarks (analysed-frame pixels) to every face. Off by default: they are 478 points a face. */
  readonly includeLandmarks?: boolean;
}

/** A started face-landmarks engine: one module worker with its models loaded. */
export interface LivenessEngine {
  /** The backend in use and every fallback taken on the way. */
  readonly capabilities: EngineCapabilities;
  /** Where the start-up time went (worker-side). */
  readonly startupTimings: StartupTimings;
  /** Bytes of model files fetched. */
  readonly modelBytes: number;
  /** Worker restarts done so far (a crashed worker is restarted `maxWorkerRestarts` times). */
  readonly restartCount: number;
  /**
   * Analyses frames of `source` one at a time, yielding metrics per analysed frame. Frames that
   * arrive while one is in flight are dropped and counted. Pauses while the page is hidden.
   *
   * @throws {HuotiError} `DISPOSED` (also when the engine is disposed mid-stream), `INVALID_INPUT`,
   *   `WORKER_CRASHED` once restarts are used up.
   */
  watch(source: LivenessVideoSource, options?: WatchOptions): AsyncGenerator<FrameMetrics, void, undefined>;
  /**
   * Analyses one still frame (transferred to the worker and closed there). Resolves `null` when
   * another frame is in flight (the frame is dropped) or the worker was restarted on it.
   *
   * @throws {HuotiError} `DISPOSED`, `INVALID_INPUT`, `WORKER_CRASHED` once restarts are used up.
   */
  analyzeFrame(frame: ImageBitmap, options?: Pick<WatchOptions, 'includeLandmarks'>): Promise<WorkerFrameMetrics | null>;
  /** Live tfjs tensors in the worker. @throws {HuotiError} `DISPOSED`. */
  memory(): Promise<WorkerMemory>;
  /** Test hook: makes the worker throw an uncaught error, as a crash would. @throws {HuotiError} `DISPOSED`. */
  crashWorkerForTesting(): Promise<void>;
  /** Terminates the worker and ends every `watch()`; later calls reject with `DISPOSED`. Safe to call twice. */
  dispose(): Promise<void>;
}
