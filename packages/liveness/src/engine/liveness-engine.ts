import type { LivenessVideoSource } from '../capture/frame-source.js';
import type { StartupTimings, WorkerMemory } from '../worker/worker-api.js';
import type { ChallengeHandle, ChallengeOpenOptions } from './challenge-handle.js';
import type { EngineCapabilities } from './engine-capabilities.js';
import type { EnrolledFaceReference, FaceReferenceInput } from './face-reference.js';
import type { FrameMetrics, WorkerFrameMetrics } from './frame-metrics.js';

/** Options of one `watch()`. */
export interface WatchOptions {
  /** Ends the iteration (quietly) when aborted. */
  readonly signal?: AbortSignal;
  /** Adds landmarks (analysed-frame pixels) to every face. Off by default: they are 478 points a face. */
  readonly includeLandmarks?: boolean;
}

/**
 * A started face-landmarks engine: one module worker with its models loaded. A worker left idle
 * for `idleTerminateMs` is terminated and started again by the next call.
 */
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
   * Whether the worker is running now: `false` after `idleTerminateMs` without a call (the next call
   * starts it again, reloading the models), after a crash past `maxWorkerRestarts`, and after `dispose()`.
   */
  readonly isWorkerRunning: boolean;
  /**
   * Analyses frames of `source` one at a time, yielding metrics per analysed frame. Frames that
   * arrive while one is in flight are dropped and counted. Pauses while the page is hidden.
   *
   * @throws {HuotiError} `DISPOSED` (also when the engine is disposed mid-stream), `INVALID_INPUT`,
   *   `WORKER_CRASHED` once restarts are used up.
   */
  watch(source: LivenessVideoSource, options?: WatchOptions): AsyncGenerator<FrameMetrics, void, undefined>;
  /**
   * Opens a challenge run of `options.plan` in the worker, with the reference enrolled now (for a
   * plan with a `faceMatch` step; the embedding model loads then). `runCertification` drives it;
   * call this directly only to build a session of your own.
   *
   * @throws {HuotiError} `INVALID_INPUT` when the plan is refused (expired or malformed);
   *   `ASSET_LOAD_FAILED` (embedding model), `DISPOSED`, `WORKER_CRASHED`.
   */
  openChallenge(options: ChallengeOpenOptions): Promise<ChallengeHandle>;
  /**
   * Analyses one still frame (transferred to the worker and closed there). Resolves `null` when
   * another frame is in flight (the frame is dropped) or the worker was restarted on it.
   *
   * @throws {HuotiError} `DISPOSED`, `INVALID_INPUT`, `WORKER_CRASHED` once restarts are used up.
   */
  analyzeFrame(frame: ImageBitmap, options?: Pick<WatchOptions, 'includeLandmarks'>): Promise<WorkerFrameMetrics | null>;
  /** The enrolled face reference, or `null` (liveness only). */
  readonly faceReference: EnrolledFaceReference | null;
  /**
   * Enrolls the pensioner's reference for 1:1 face match, replacing any earlier one: a photo the
   * portal supplies (its one face is found, aligned and embedded in the worker; the portal's own
   * bitmap or image is not consumed) or a ready L2-normalisable embedding of the engine's
   * `faceEmbeddingModel`. The embedding model loads now if it has not yet. Enroll before the run:
   * the session reads the reference when it starts.
   *
   * @throws {HuotiError} `REFERENCE_NO_FACE`, `REFERENCE_MULTIPLE_FACES`, `REFERENCE_FACE_TOO_SMALL`
   *   for an unusable photo; `INVALID_INPUT` for an undecodable image or a wrong-length embedding;
   *   `ASSET_LOAD_FAILED` when the model cannot load; `DISPOSED`.
   */
  enrollReference(reference: FaceReferenceInput): Promise<EnrolledFaceReference>;
  /** Forgets the reference: later runs are liveness only. */
  clearReference(): void;
  /**
   * Embeds the face of the frame analysed last (by `watch()` or `analyzeFrame()`); `null` when it
   * had not exactly one face. For best-frame candidates only (it costs a model run): call it while
   * the `watch()` consumer holds the frame's metrics, before asking for the next frame.
   *
   * @throws {HuotiError} `ASSET_LOAD_FAILED`, `DISPOSED`, `WORKER_CRASHED`.
   */
  embedLastFrame(): Promise<Float32Array | null>;
  /** Live tfjs tensors in the worker. @throws {HuotiError} `DISPOSED`. */
  memory(): Promise<WorkerMemory>;
  /** Test hook: makes the worker throw an uncaught error, as a crash would. @throws {HuotiError} `DISPOSED`. */
  crashWorkerForTesting(): Promise<void>;
  /** Terminates the worker and ends every `watch()`; later calls reject with `DISPOSED`. Safe to call twice. */
  dispose(): Promise<void>;
}
