import type { VoicedSegment } from '../audio/voiced-segment.js';
import type { LivenessVideoSource } from '../capture/frame-source.js';
import type { ChallengeFrameResult, ChallengeSessionOptions, ChallengeSummary } from '../session/challenge-session-messages.js';

/** Options of `engine.openChallenge()`: the session's, less what the engine supplies (the time, its reference). */
export type ChallengeOpenOptions = Omit<ChallengeSessionOptions, 'nowMs' | 'faceReference'>;

/** Options of one {@link ChallengeHandle.watch}. */
export interface ChallengeWatchOptions {
  /** Ends the iteration (quietly) when aborted. */
  readonly signal?: AbortSignal;
  /**
   * Called once per frame sent: the voiced segments heard since the last call (the main thread's
   * `performance.now()` clock), delivered to the run with that frame.
   */
  readonly takeVoicedSegments?: () => readonly VoicedSegment[];
}

/** One frame judged in the worker. */
export interface ChallengeFrame extends ChallengeFrameResult {
  /** The camera's capture time of the frame (ms, `performance.now()` clock). */
  readonly cameraTimestampMs: number;
  /** Camera frames not analysed since `watch()` began. */
  readonly droppedFrameCount: number;
}

/**
 * A challenge run open in the engine's worker: its detectors, guards, metric trace, planarity and
 * face-match checks run there, next to the models, so the main thread loads none of them. One run
 * per engine at a time; opening another replaces it.
 */
export interface ChallengeHandle {
  /**
   * Analyses and judges frames of `source` one at a time, yielding each frame's progress; stop
   * iterating once `progress.final` is set.
   *
   * @throws {HuotiError} `WORKER_CRASHED` (the run is lost with a crashed worker), `DISPOSED`, `INVALID_INPUT`.
   */
  watch(source: LivenessVideoSource, options?: ChallengeWatchOptions): AsyncGenerator<ChallengeFrame, void, undefined>;
  /**
   * Ends the run (aborting it when not over) and returns its record for the evidence bundle.
   * `lateSegments`: voiced segments that arrived after the last frame.
   *
   * @throws {HuotiError} `DISPOSED`, `WORKER_CRASHED`.
   */
  finish(lateSegments?: readonly VoicedSegment[]): Promise<ChallengeSummary>;
  /** Drops the run in the worker without a record. Safe to call twice, and after `finish`. */
  close(): Promise<void>;
}
