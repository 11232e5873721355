import type { BackendPreference } from '../config/backend-preference.js';
import type { EngineCapabilities } from '../engine/engine-capabilities.js';
import type { WorkerFrameMetrics } from '../engine/frame-metrics.js';
import type { FaceEmbeddingModelSpec } from '../face-match/face-embedding-model-spec.js';
import type { EyeRefinementMode } from '../landmarks/eye-refinement-mode.js';
import type { LoadProgress } from '../models/load-progress.js';
import type { ChallengeFrameResult, ChallengeSessionOptions, ChallengeSummary } from '../session/challenge-session-messages.js';
import type { VoicedSegment } from '../audio/voiced-segment.js';
import type { ChallengeFailureReason } from '../challenges/challenge-failure-reason.js';
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
  /** The face-embedding model, loaded from `assetBaseUrl` the first time a face is embedded (never at init). */
  readonly faceEmbeddingModel: FaceEmbeddingModelSpec;
}

/** An L2-normalised face embedding and the id of the model that made it. */
export interface FaceEmbeddingResult {
  readonly embedding: Float32Array;
  /** `FaceEmbeddingModelSpec.id`. */
  readonly model: string;
}

/** The embedding of a reference photo's one face. */
export interface ReferenceEmbeddingResult extends FaceEmbeddingResult {
  /** Distance between the eye centres in the photo, in px (how much detail the reference has). */
  readonly interOcularDistancePx: number;
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

/** What `openChallenge` returns: an open session, or why the plan was refused. */
export type ChallengeOpened = { readonly sessionId: number; readonly refusal: null } | { readonly sessionId: null; readonly refusal: ChallengeFailureReason };

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
  /**
   * Finds the faces of a reference photo, refuses it unless it holds exactly one large-enough face
   * (`REFERENCE_NO_FACE`, `REFERENCE_MULTIPLE_FACES`, `REFERENCE_FACE_TOO_SMALL`), then aligns and
   * embeds that face. Loads the embedding model on first use. Always closes `image`.
   */
  embedReference(image: ImageBitmap): Promise<Result<ReferenceEmbeddingResult>>;
  /**
   * Embeds the face of the frame `analyze` measured last, with the landmarks found on it; `null`
   * when that frame had not exactly one face (or none was analysed since the worker started).
   * Loads the embedding model on first use.
   */
  embedLastFrame(): Promise<Result<FaceEmbeddingResult | null>>;
  /**
   * Opens a certification session (the challenge run, its trace, planarity and face-match checks),
   * replacing any open one, and loads the embedding model when the session will embed frames.
   * Returns the session's id, or the plan's refusal (then no session is open).
   */
  openChallenge(options: ChallengeSessionOptions): Promise<Result<ChallengeOpened>>;
  /**
   * Measures one frame (always closing it) and feeds it, with its capture time on the main thread's
   * clock and the voiced segments heard since the last frame, to session `sessionId`.
   */
  advanceChallenge(sessionId: number, frame: ImageBitmap, cameraTimestampMs: number, segments: readonly VoicedSegment[]): Promise<Result<ChallengeFrameResult>>;
  /** Ends session `sessionId` (aborting a run that is not over) and returns its record for the evidence. */
  finishChallenge(sessionId: number, lateSegments: readonly VoicedSegment[]): Promise<Result<ChallengeSummary>>;
  /** Drops session `sessionId` without a record (a run left early). */
  closeChallenge(sessionId: number): Promise<Result<null>>;
  memory(): Promise<Result<WorkerMemory>>;
  /** Test hook: throws an uncaught error inside the worker on the next task, as a real crash would. */
  crashForTesting(): Promise<Result<null>>;
  /** Disposes models and tensors; the worker can then be terminated. */
  dispose(): Promise<Result<null>>;
}
