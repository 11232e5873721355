import * as Comlink from 'comlink';
import type { WorkerFrameMetrics } from '../engine/frame-metrics.js';
import { HuotiError } from '../errors/huoti-error.js';
import type { LoadProgress } from '../models/load-progress.js';
import type { Result } from '../worker/result.js';
import type { VoicedSegment } from '../audio/voiced-segment.js';
import type { ChallengeFrameResult, ChallengeSessionOptions, ChallengeSummary } from '../session/challenge-session-messages.js';
import type {
  ChallengeOpened,
  FaceEmbeddingResult,
  ReferenceEmbeddingResult,
  WorkerInitOptions,
  WorkerInitReport,
  WorkerMemory,
} from '../worker/worker-api.js';
import { raceWithDeadline } from './race-with-deadline.js';
import type { WorkerStartMode } from './worker-connection-config.js';
import { connectLivenessWorker, type WorkerConnection } from './worker-connection.js';

/** How the bridge starts, times and restarts its worker. */
export interface LivenessBridgeOptions {
  readonly workerUrl: URL | string;
  /** Direct start or the `blob:` trampoline; default `auto`. */
  readonly workerStart?: WorkerStartMode;
  readonly init: WorkerInitOptions;
  readonly startTimeoutMs: number;
  readonly loadTimeoutMs: number;
  readonly frameTimeoutMs: number;
  /** ms to let the worker free its models on dispose before it is terminated anyway. */
  readonly disposeTimeoutMs: number;
  readonly maxWorkerRestarts: number;
  /**
   * ms without a call (and with no challenge open) after which the worker is terminated to free
   * its models' memory; the next call starts it again. `Infinity` keeps it until `dispose()`.
   */
  readonly idleTerminateMs: number;
  readonly onProgress?: (progress: LoadProgress) => void;
}

interface LiveWorker {
  readonly connection: WorkerConnection;
  /** Rejects with `WORKER_CRASHED` when the worker reports an uncaught error. */
  readonly crashed: Promise<never>;
  readonly removeCrashListener: () => void;
}

const unwrap = <T>(result: Result<T>): T => {
  if (!result.ok) throw HuotiError.fromSerialized(result.error);
  return result.value;
};

/**
 * The only main-thread object that talks to the liveness worker. Keeps one frame in flight
 * (frames offered while busy are closed and reported as dropped), rebuilds `HuotiError` from
 * `{code, message}`, restarts a crashed worker up to `maxWorkerRestarts` times, and puts a
 * deadline on every call so nothing hangs. A worker idle for `idleTerminateMs` is terminated and
 * started again, lazily, by the next call (as squoosh's worker bridge does).
 */
export class LivenessBridge {
  readonly #options: LivenessBridgeOptions;
  #worker: LiveWorker | undefined;
  #isBusy = false;
  #restartCount = 0;
  /** Calls under way: the worker is not idle while any is. */
  #activeCallCount = 0;
  /** The challenge open in the worker (it keeps one): its state lives there, so it is never idle-terminated. */
  #openSessionId: number | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set while the worker is stopped for idleness; the next call starts it. */
  #isIdleStopped = false;
  /** The idle-stopped worker starting again, shared by the calls that wait for it. */
  #waking: Promise<void> | undefined;
  #rejectDisposed: ((error: HuotiError) => void) | undefined;
  readonly #disposed: Promise<never>;
  #isDisposed = false;

  private constructor(options: LivenessBridgeOptions) {
    this.#options = options;
    this.#disposed = new Promise<never>((_, reject) => {
      this.#rejectDisposed = reject;
    });
    // Only a signal for races below; each race surfaces the DISPOSED error itself.
    this.#disposed.catch(() => {});
  }

  /**
   * Starts the worker and loads the models.
   *
   * @throws {HuotiError} `WORKER_START_FAILED`, `ASSET_LOAD_FAILED`, `BACKEND_UNAVAILABLE`, `ABORTED`.
   */
  static async start(options: LivenessBridgeOptions, signal?: AbortSignal): Promise<{ bridge: LivenessBridge; report: WorkerInitReport }> {
    const bridge = new LivenessBridge(options);
    const report = await bridge.#startWorker(signal, options.onProgress);
    bridge.#armIdleTimer();
    return { bridge, report };
  }

  /** Transparent restarts done so far. */
  get restartCount(): number {
    return this.#restartCount;
  }

  /** Whether a worker is running now (`false` while stopped for idleness, after a fatal crash, or after dispose). */
  get isWorkerRunning(): boolean {
    return this.#worker !== undefined;
  }

  /** Whether a frame is in the worker now. */
  get isBusy(): boolean {
    return this.#isBusy;
  }

  async #startWorker(signal?: AbortSignal, onProgress?: (progress: LoadProgress) => void): Promise<WorkerInitReport> {
    const connection = await connectLivenessWorker(
      {
        workerUrl: this.#options.workerUrl,
        startTimeoutMs: this.#options.startTimeoutMs,
        ...(this.#options.workerStart ? { workerStart: this.#options.workerStart } : {}),
      },
      signal,
    );
    let removeCrashListener = (): void => {};
    const crashed = new Promise<never>((_, reject) => {
      removeCrashListener = connection.onCrash((reason) => reject(new HuotiError('WORKER_CRASHED', `liveness worker crashed: ${reason}`)));
    });
    // Observed by every race on this worker; a crash between calls is seen by the next call.
    crashed.catch(() => {});
    const progress = onProgress ? Comlink.proxy(onProgress) : undefined;
    try {
      const result = await raceWithDeadline<Result<WorkerInitReport>>(connection.api.init(this.#options.init, progress), {
        timeoutMs: this.#options.loadTimeoutMs,
        onTimeout: () => new HuotiError('ASSET_LOAD_FAILED', `models did not load within ${this.#options.loadTimeoutMs} ms`),
        ...(signal ? { signal } : {}),
        cancellers: [crashed, this.#disposed],
      });
      const report = unwrap(result);
      this.#worker = { connection, crashed, removeCrashListener };
      return report;
    } catch (error) {
      removeCrashListener();
      connection.terminate();
      throw error;
    }
  }

  #stopWorker(): void {
    const live = this.#worker;
    this.#worker = undefined;
    live?.removeCrashListener();
    live?.connection.terminate();
  }

  async #call<T>(invoke: (live: LiveWorker) => Promise<Result<T>>, timeoutMs: number, what: string): Promise<T> {
    if (this.#isDisposed) throw new HuotiError('DISPOSED', `${what} after dispose()`);
    this.#activeCallCount += 1;
    this.#cancelIdleTimer();
    try {
      if (this.#isIdleStopped) await this.#wake();
      const live = this.#worker;
      if (!live) throw new HuotiError('WORKER_CRASHED', `${what}: the worker is not running`);
      return unwrap(
        await raceWithDeadline(invoke(live), {
          timeoutMs,
          onTimeout: () => new HuotiError('WORKER_CRASHED', `liveness worker did not answer ${what} within ${timeoutMs} ms`),
          cancellers: [live.crashed, this.#disposed],
        }),
      );
    } finally {
      this.#activeCallCount -= 1;
      this.#armIdleTimer();
    }
  }

  /** Starts the idle-stopped worker again, once for all the calls waiting on it. */
  async #wake(): Promise<void> {
    this.#waking ??= (async () => {
      try {
        // Deadlines as at the first start (startTimeoutMs, loadTimeoutMs); dispose() cancels it.
        await this.#startWorker();
        this.#isIdleStopped = false;
      } finally {
        this.#waking = undefined;
      }
    })();
    await this.#waking;
  }

  #cancelIdleTimer(): void {
    if (this.#idleTimer !== undefined) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }

  /** A running worker with no call under way and no challenge open. */
  #isIdle(): boolean {
    return !this.#isDisposed && this.#worker !== undefined && this.#activeCallCount === 0 && this.#openSessionId === undefined;
  }

  /** Terminates the worker after `idleTerminateMs` unless a call comes or a challenge is open by then. */
  #armIdleTimer(): void {
    this.#cancelIdleTimer();
    const { idleTerminateMs } = this.#options;
    if (!Number.isFinite(idleTerminateMs) || !this.#isIdle()) return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = undefined;
      // Checked again: a crash restart (no call under way) may be starting a worker right now.
      if (!this.#isIdle()) return;
      // Nothing is pending, so nothing needs rejecting; terminating frees the models with the worker.
      this.#stopWorker();
      this.#isIdleStopped = true;
    }, idleTerminateMs);
  }

  /**
   * Sends one frame (transferred, never copied) and returns its metrics; returns `null` without
   * sending when a frame is already in flight (the frame is closed: a drop), or when the worker
   * crashed on this frame and was restarted.
   *
   * @throws {HuotiError} `DISPOSED`; `WORKER_CRASHED` once restarts are used up; `INVALID_INPUT`.
   */
  async analyze(frame: ImageBitmap, shouldIncludeLandmarks: boolean): Promise<WorkerFrameMetrics | null> {
    return this.#sendFrame(frame, 'analyze()', (live) => live.connection.api.analyze(Comlink.transfer(frame, [frame]), shouldIncludeLandmarks), () => null);
  }

  /**
   * Opens a certification session in the worker (loading the embedding model when it needs one).
   *
   * @throws {HuotiError} `ASSET_LOAD_FAILED`, `DISPOSED`, `WORKER_CRASHED`, `INVALID_INPUT`.
   */
  async openChallenge(options: ChallengeSessionOptions): Promise<ChallengeOpened> {
    const opened = await this.#call((live) => live.connection.api.openChallenge(options), this.#options.loadTimeoutMs + this.#options.frameTimeoutMs, 'openChallenge()');
    // The worker keeps one session: opening replaces any other.
    this.#openSessionId = opened.sessionId ?? undefined;
    this.#armIdleTimer();
    return opened;
  }

  /**
   * Sends one frame of session `sessionId` with its capture time and the voiced segments heard
   * since the previous frame; `null` without sending when a frame is already in flight (the frame
   * is closed: a drop, and the caller keeps the segments for the next frame).
   *
   * @throws {HuotiError} `WORKER_CRASHED` when the worker crashed: the session is lost with it (the
   *   worker is restarted, within `maxWorkerRestarts`, for the next run); `DISPOSED`; `INVALID_INPUT`.
   */
  async advanceChallenge(sessionId: number, frame: ImageBitmap, cameraTimestampMs: number, segments: readonly VoicedSegment[]): Promise<ChallengeFrameResult | null> {
    return this.#sendFrame(
      frame,
      'advanceChallenge()',
      (live) => live.connection.api.advanceChallenge(sessionId, Comlink.transfer(frame, [frame]), cameraTimestampMs, segments),
      (crash) => {
        throw new HuotiError('WORKER_CRASHED', `the certification session was lost with the worker: ${crash.message}`, { cause: crash });
      },
    );
  }

  /** Ends session `sessionId` and returns its record. @throws {HuotiError} `DISPOSED`, `WORKER_CRASHED`, `INVALID_INPUT`. */
  async finishChallenge(sessionId: number, lateSegments: readonly VoicedSegment[]): Promise<ChallengeSummary> {
    try {
      return await this.#call((live) => live.connection.api.finishChallenge(sessionId, lateSegments), this.#options.frameTimeoutMs, 'finishChallenge()');
    } finally {
      this.#sessionEnded(sessionId);
    }
  }

  /** Drops session `sessionId`; quiet when it is not open (finished, replaced, or gone with the worker). */
  async closeChallenge(sessionId: number): Promise<void> {
    if (this.#openSessionId !== sessionId || this.#isDisposed || !this.#worker) {
      this.#sessionEnded(sessionId);
      return;
    }
    try {
      await this.#call((live) => live.connection.api.closeChallenge(sessionId), this.#options.frameTimeoutMs, 'closeChallenge()');
    } catch {
      // A worker that cannot answer has lost the session anyway.
    } finally {
      this.#sessionEnded(sessionId);
    }
  }

  #sessionEnded(sessionId: number): void {
    if (this.#openSessionId === sessionId) this.#openSessionId = undefined;
    this.#armIdleTimer();
  }

  /**
   * One frame in flight: a frame offered while busy is closed and `null` returned. A crash on the
   * frame restarts the worker (within `maxWorkerRestarts`), then `afterRestart` decides: a plain
   * analysis drops the frame, a session call fails because its state died with the worker.
   */
  async #sendFrame<T>(frame: ImageBitmap, what: string, invoke: (live: LiveWorker) => Promise<Result<T>>, afterRestart: (crash: HuotiError) => null): Promise<T | null> {
    if (this.#isBusy || this.#isDisposed) {
      frame.close();
      if (this.#isDisposed) throw new HuotiError('DISPOSED', `${what} after dispose()`);
      return null;
    }
    this.#isBusy = true;
    try {
      return await this.#call(invoke, this.#options.frameTimeoutMs, what);
    } catch (error) {
      frame.close(); // a no-op once transferred; closes it when the call never left
      if (!(error instanceof HuotiError) || error.code !== 'WORKER_CRASHED' || this.#isDisposed) throw error;
      this.#stopWorker();
      this.#openSessionId = undefined; // its state died with the worker
      if (this.#restartCount >= this.#options.maxWorkerRestarts) throw error;
      this.#restartCount += 1;
      await this.#startWorker();
      return afterRestart(error);
    } finally {
      this.#isBusy = false;
    }
  }

  /**
   * Embeds the one face of a reference photo (transferred and closed by the worker). The first
   * embedding loads the model, so the deadline is the load timeout plus a frame's.
   *
   * @throws {HuotiError} `REFERENCE_NO_FACE`, `REFERENCE_MULTIPLE_FACES`, `REFERENCE_FACE_TOO_SMALL`,
   *   `ASSET_LOAD_FAILED`, `DISPOSED`, `WORKER_CRASHED`, `INVALID_INPUT`.
   */
  async embedReference(image: ImageBitmap): Promise<ReferenceEmbeddingResult> {
    try {
      return await this.#call(
        (live) => live.connection.api.embedReference(Comlink.transfer(image, [image])),
        this.#options.loadTimeoutMs + this.#options.frameTimeoutMs,
        'embedReference()',
      );
    } finally {
      image.close(); // a no-op once transferred; closes it when the call never left
    }
  }

  /**
   * Embeds the face of the frame analysed last; `null` when it had not exactly one face. Call it
   * only while no frame is in flight, or the answer may be about the next frame.
   *
   * @throws {HuotiError} `ASSET_LOAD_FAILED`, `DISPOSED`, `WORKER_CRASHED`.
   */
  async embedLastFrame(): Promise<FaceEmbeddingResult | null> {
    return this.#call(
      (live) => live.connection.api.embedLastFrame(),
      this.#options.loadTimeoutMs + this.#options.frameTimeoutMs,
      'embedLastFrame()',
    );
  }

  /** Live tensors in the worker. @throws {HuotiError} `DISPOSED`, `WORKER_CRASHED`. */
  async memory(): Promise<WorkerMemory> {
    return this.#call((live) => live.connection.api.memory(), this.#options.frameTimeoutMs, 'memory()');
  }

  /** Test hook: makes the worker throw an uncaught error, as a crash would. */
  async crashWorkerForTesting(): Promise<void> {
    await this.#call((live) => live.connection.api.crashForTesting(), this.#options.frameTimeoutMs, 'crashForTesting()');
  }

  /**
   * Disposes the worker's models, terminates it and rejects any pending call with `DISPOSED`.
   * Safe to call twice.
   */
  async dispose(): Promise<void> {
    if (this.#isDisposed) return;
    this.#isDisposed = true;
    this.#cancelIdleTimer();
    this.#rejectDisposed?.(new HuotiError('DISPOSED', 'the liveness engine was disposed'));
    const live = this.#worker;
    if (live) {
      // Let the worker free GPU memory first, but never wait long on a worker that may be stuck.
      await raceWithDeadline<Result<null>>(live.connection.api.dispose(), {
        timeoutMs: this.#options.disposeTimeoutMs,
        onTimeout: () => new HuotiError('WORKER_TERMINATED', 'worker did not dispose in time'),
        cancellers: [live.crashed],
      }).catch(() => {}); // terminating below frees everything anyway
    }
    this.#stopWorker();
  }
}
