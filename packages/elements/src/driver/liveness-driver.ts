import {
  createLivenessEngine,
  createLocalPlan,
  HuotiError,
  planRefusal,
  runCertification,
  type CertificationOutcome,
  type ChallengeFailureReason,
  type EvidenceOptions,
  type GuardHintCode,
  type LivenessEngine,
  type LivenessEngineConfig,
  type StrictnessProfileOverrides,
} from '@huoti/liveness';
import { requiresFaceMatch, type ChallengePlan } from '@huoti/liveness/protocol';
import { HuotiElementError } from '../errors/huoti-element-error.js';
import { microphoneError } from '../microphone/microphone-error.js';
import type {
  CertificationDriver,
  CertificationDriverEvent,
  CertificationDriverInput,
  CertificationResult,
  FailureReason,
  HintCode,
} from './certification-driver.js';

/** Options of {@link LivenessDriver}. */
export interface LivenessDriverOptions {
  /**
   * Engine options. With an element `asset-base` (the `assets/` folder of the documented layout,
   * docs/self-hosting.md), `assetBaseUrl` defaults to it and `workerUrl` to `../worker.js` beside
   * it, so the script-tag build finds its worker too; without one, the engine's own defaults.
   */
  readonly engine?: Partial<Omit<LivenessEngineConfig, 'onProgress' | 'signal'>>;
  /** What goes into the evidence besides the trace; best frames and audio are off unless the portal has consent for them. */
  readonly evidence?: EvidenceOptions;
  /**
   * The audio worklet bundle. Default: `../audio-worklet.js` relative to the element's asset base
   * (the package's `dist/` layout), else next to `@huoti/liveness`'s own module.
   */
  readonly audioWorkletUrl?: URL | string;
  /** Threshold adjustments of the plan's strictness profile (field tuning, tests). */
  readonly profileOverrides?: StrictnessProfileOverrides;
  /** Opens the microphone for `readDigits` plans. Default: `getUserMedia` with audio only. */
  readonly openMicrophone?: (signal: AbortSignal) => Promise<MediaStream>;
}

/** The challenge guards' hint codes as the element's hint codes. */
export const GUARD_HINT_TO_HINT_CODE: Readonly<Record<GuardHintCode, HintCode>> = Object.freeze({
  ONE_FACE_ONLY: 'MULTIPLE_FACES',
  FACE_NOT_FOUND: 'NO_FACE',
  MOVE_CLOSER: 'MOVE_CLOSER',
  MOVE_BACK: 'MOVE_BACK',
  MORE_LIGHT: 'TOO_DARK',
  AVOID_BACKLIGHT: 'TOO_BRIGHT',
  HOLD_STILL: 'BLURRY',
  DEVICE_TOO_SLOW: 'LOOK_AT_SCREEN',
});

/**
 * The challenge runner's failure reasons as the element's. Capture problems the person could not
 * fix within the time (distance, light, blur, a slow device) and unanswered digits read as
 * "liveness not confirmed"; a second face reads as a changed face.
 */
export const CHALLENGE_FAILURE_TO_FAILURE_REASON: Readonly<Record<ChallengeFailureReason, FailureReason>> = Object.freeze({
  PLAN_EXPIRED: 'NOT_LIVE',
  INVALID_PLAN: 'NOT_LIVE',
  TIMEOUT: 'STEP_TIMEOUT',
  MULTIPLE_FACES: 'FACE_CHANGED',
  FACE_LOST: 'FACE_LOST',
  FACE_CHANGED: 'FACE_CHANGED',
  FACE_TOO_FAR: 'NOT_LIVE',
  FACE_TOO_CLOSE: 'NOT_LIVE',
  TOO_DARK: 'NOT_LIVE',
  BACKLIT: 'NOT_LIVE',
  TOO_BLURRY: 'NOT_LIVE',
  LOW_FRAMERATE: 'NOT_LIVE',
  DIGITS_NOT_READ: 'NOT_LIVE',
  // Not the enrolled person: the normal failure text, never a score.
  FACE_MISMATCH: 'NOT_LIVE',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  ABORTED: 'NOT_LIVE',
});

/** Where `worker.js` lies relative to the `assets/` folder in the package's `dist/` layout. */
const WORKER_BESIDE_ASSETS = '../worker.js';
/** Where `audio-worklet.js` lies relative to the `assets/` folder in the package's `dist/` layout. */
const AUDIO_WORKLET_BESIDE_ASSETS = '../audio-worklet.js';

/** Steps of the development plan used when the element has no `plan` (no microphone needed). */
const LOCAL_PLAN_STEPS = Object.freeze(['blink', 'mouthOpen'] as const);

const openMicrophoneDefault = async (signal: AbortSignal): Promise<MediaStream> => {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: false, autoGainControl: true }, video: false });
  if (signal.aborted) for (const track of stream.getTracks()) track.stop();
  return stream;
};

/** Turns callbacks into an async iterable the generator can drain between awaits. */
class EventQueue<T> {
  #items: T[] = [];
  #wake: (() => void) | null = null;

  push(item: T): void {
    this.#items.push(item);
    this.#wake?.();
  }

  take(): T[] {
    const items = this.#items;
    this.#items = [];
    return items;
  }

  /** Resolves when an item arrives or `promise` settles, whichever is first. */
  async until<R>(promise: Promise<R>): Promise<{ done: true; value: R } | { done: false }> {
    if (this.#items.length > 0) return { done: false };
    const woken = new Promise<{ done: false }>((resolve) => {
      this.#wake = () => resolve({ done: false });
    });
    try {
      return await Promise.race([promise.then((value) => ({ done: true as const, value })), woken]);
    } finally {
      this.#wake = null;
    }
  }
}

/**
 * The default `CertificationDriver` of `<huoti-liveness>`: starts the `@huoti/liveness` engine from
 * the element's asset base (reporting model download progress), opens the microphone only for
 * plans with a `readDigits` step (the element's camera stream has no audio), runs the plan with
 * `runCertification`, maps hints and failure reasons onto the element's codes and completes with
 * the verdict and the evidence bundle. Engine start-up errors surface as their `HuotiError` code.
 *
 * Without a `plan` it runs a local development plan (`createLocalPlan`: unsigned, which a server
 * rejects), with the element's pacing. A given plan runs with its own step timeouts.
 */
export class LivenessDriver implements CertificationDriver {
  readonly #options: LivenessDriverOptions;

  constructor(options: LivenessDriverOptions = {}) {
    this.#options = options;
  }

  /**
   * @throws {HuotiElementError} `PLAN_INVALID` / `PLAN_EXPIRED` for a plan the challenge run refuses; `CAMERA_*` when the microphone cannot open.
   * @throws {HuotiError} engine start-up codes (`WORKER_START_FAILED`, `ASSET_LOAD_FAILED`, …) and the engine's run errors.
   */
  async *run(input: CertificationDriverInput): AsyncGenerator<CertificationDriverEvent, void, undefined> {
    const { signal } = input;
    const plan: ChallengePlan = input.plan ?? createLocalPlan({ now: Date.now(), steps: LOCAL_PLAN_STEPS, pacing: input.pacing, shouldRequireFaceMatch: Boolean(input.faceReference) });
    // The element checks only the shape it relies on; the challenge run refuses what it cannot run.
    const refusal = planRefusal(plan, Date.now());
    if (refusal) throw new HuotiElementError(refusal === 'PLAN_EXPIRED' ? 'PLAN_EXPIRED' : 'PLAN_INVALID', `the challenge plan was refused: ${refusal}`);
    const progress = new EventQueue<CertificationDriverEvent>();
    const engineConfig: Partial<LivenessEngineConfig> = {
      ...(input.assetBaseUrl ? { assetBaseUrl: input.assetBaseUrl, workerUrl: new URL(WORKER_BESIDE_ASSETS, input.assetBaseUrl) } : {}),
      ...this.#options.engine,
      signal,
      onProgress: (p) => progress.push({ type: 'progress', loadedBytes: p.loadedBytes, totalBytes: p.totalBytes ?? null }),
    };
    const starting = createLivenessEngine(engineConfig);
    let engine: LivenessEngine | undefined;
    let microphone: MediaStream | null = null;
    try {
      for (;;) {
        const next = await progress.until(starting);
        yield* progress.take();
        if (next.done) {
          engine = next.value;
          break;
        }
      }
      // The reference is enrolled only when the plan asks for a match: the embedding model then loads.
      if (input.faceReference && requiresFaceMatch(plan)) await engine.enrollReference(input.faceReference);
      yield { type: 'ready' };
      if (plan.steps.some((step) => step.kind === 'readDigits')) {
        try {
          microphone = await (this.#options.openMicrophone ?? openMicrophoneDefault)(signal);
        } catch (error) {
          throw microphoneError(error);
        }
      }
      const audioWorkletUrl = this.#options.audioWorkletUrl ?? (input.assetBaseUrl ? new URL(AUDIO_WORKLET_BESIDE_ASSETS, input.assetBaseUrl) : undefined);
      const events = runCertification({
        engine,
        video: input.video,
        plan,
        microphone,
        signal,
        ...(this.#options.evidence ? { evidence: this.#options.evidence } : {}),
        ...(audioWorkletUrl ? { audioWorkletUrl } : {}),
        ...(input.audioContext ? { audioContext: input.audioContext } : {}),
        ...(this.#options.profileOverrides ? { profileOverrides: this.#options.profileOverrides } : {}),
      });
      for await (const event of events) {
        switch (event.type) {
          case 'step':
            yield {
              type: 'step',
              index: event.index,
              total: event.total,
              kind: event.kind,
              ...(event.kind === 'readDigits' ? { digits: event.revealedDigits } : {}),
            };
            break;
          case 'hints': {
            const [top] = event.hints;
            if (top) yield { type: 'hint', code: GUARD_HINT_TO_HINT_CODE[top.code] };
            break;
          }
          case 'complete':
            yield { type: 'complete', result: toResult(event.outcome) };
            return;
        }
      }
    } catch (error) {
      throw isAudioSuspended(error)
        ? new HuotiElementError('AUDIO_BLOCKED', 'the browser kept the read-digits audio context suspended (no user gesture)', { cause: error })
        : error;
    } finally {
      for (const track of microphone?.getTracks() ?? []) track.stop();
      // Left before the engine finished starting: dispose it when it does. A start error has no one
      // to tell any more (the run is over), so it ends here.
      if (!engine) starting.then((late) => late.dispose()).catch(() => undefined);
      await engine?.dispose();
    }
  }
}

const isAudioSuspended = (error: unknown): boolean => error instanceof HuotiError && error.code === 'AUDIO_SUSPENDED';

function toResult(outcome: CertificationOutcome): CertificationResult {
  if (outcome.passed) return { passed: true, evidence: outcome.evidence };
  return { passed: false, reason: CHALLENGE_FAILURE_TO_FAILURE_REASON[outcome.reason ?? 'ABORTED'], evidence: outcome.evidence };
}
