import type { FaceReferenceInput } from '@huoti/liveness';
import type { ChallengePlan, ChallengeStepKind } from '@huoti/liveness/protocol';
import type { HuotiPacing } from '../flow/plan-request.js';

/**
 * Live guidance while the camera runs. The challenge guards of `@huoti/liveness` map their own
 * hint codes onto these; an unknown code shows the generic `LOOK_AT_SCREEN` text.
 */
export type HintCode =
  | 'NO_FACE'
  | 'MULTIPLE_FACES'
  | 'MOVE_CLOSER'
  | 'MOVE_BACK'
  | 'CENTER_FACE'
  | 'TOO_DARK'
  | 'TOO_BRIGHT'
  | 'BLURRY'
  | 'HOLD_STILL'
  | 'FACE_COVERED'
  | 'LOOK_AT_SCREEN';

/** Every hint code, in a fixed order. */
export const HINT_CODES: readonly HintCode[] = Object.freeze([
  'NO_FACE',
  'MULTIPLE_FACES',
  'MOVE_CLOSER',
  'MOVE_BACK',
  'CENTER_FACE',
  'TOO_DARK',
  'TOO_BRIGHT',
  'BLURRY',
  'HOLD_STILL',
  'FACE_COVERED',
  'LOOK_AT_SCREEN',
] as const);

/** Why a completed run did not pass. */
export type FailureReason = 'STEP_TIMEOUT' | 'NOT_LIVE' | 'FACE_LOST' | 'FACE_CHANGED' | 'TOO_MANY_ATTEMPTS';

/** Every failure reason, in a fixed order. */
export const FAILURE_REASONS: readonly FailureReason[] = Object.freeze([
  'STEP_TIMEOUT',
  'NOT_LIVE',
  'FACE_LOST',
  'FACE_CHANGED',
  'TOO_MANY_ATTEMPTS',
] as const);

/** The outcome of one certification run. */
export type CertificationResult =
  | {
      readonly passed: true;
      /** What the server verifies (the `@huoti/liveness` evidence bundle); opaque to the element. */
      readonly evidence: unknown;
    }
  | {
      readonly passed: false;
      readonly reason: FailureReason;
      /** Evidence of the failed run, when the driver produces any; opaque to the element. */
      readonly evidence?: unknown;
    };

/** What the element hands a driver for one run. */
export interface CertificationDriverInput {
  /** The live, playing camera preview. The element may swap its `srcObject` when the person switches camera. */
  readonly video: HTMLVideoElement;
  /** The parsed `plan` attribute or property; `null` when none was given. */
  readonly plan: ChallengePlan | null;
  /** Aborted on `reset()`, disconnect, camera loss and retry: stop every worker, timer and microphone. */
  readonly signal: AbortSignal;
  /** Where the engine's models and wasm live (`asset-base`, or the script tag's `data-asset-base`); `null`: the engine's own default. */
  readonly assetBaseUrl: URL | null;
  /** Elderly mode: the driver should use longer step timeouts and slower pacing. */
  readonly elderly: boolean;
  /** `elderly` in elderly mode. A server plan already carries the timeouts its issuer chose for this pacing. */
  readonly pacing: HuotiPacing;
  /**
   * Multiply step timeouts by this (1 normally, more in elderly mode) — only where the driver
   * makes its own plan: a server checks a signed plan's own timeouts, so stretching those locally
   * would only turn passes into server rejections.
   */
  readonly timeoutScale: number;
  /**
   * For read-digits plans: an AudioContext the element made inside the click that started this
   * run, so that the autoplay policy lets it run; `null` otherwise. The element closes it when the
   * run ends.
   */
  readonly audioContext: AudioContext | null;
  /** The element's language, for any audio the driver plays (read-digits). */
  readonly lang: 'zh-CN' | 'en';
  /** The portal's reference for 1:1 face match (`faceReference`); enrolled when the plan has a `faceMatch` step. */
  readonly faceReference?: FaceReferenceInput | null;
}

/** What a driver reports while it runs, in order. */
export type CertificationDriverEvent =
  /** Model download progress (bytes); `totalBytes` is `null` when unknown. */
  | { readonly type: 'progress'; readonly loadedBytes: number; readonly totalBytes: number | null }
  /** Models are loaded and the engine analyses frames. */
  | { readonly type: 'ready' }
  /** Live guidance; repeated codes are fine, the element paces what it shows. */
  | { readonly type: 'hint'; readonly code: HintCode }
  /**
   * Step `index` (0-based) of `total` starts, or its revealed digits change. For `readDigits`,
   * `digits` lists the digits revealed so far.
   */
  | {
      readonly type: 'step';
      readonly index: number;
      readonly total: number;
      readonly kind: ChallengeStepKind;
      readonly digits?: readonly number[];
    }
  /** The run is over; the driver yields nothing after this. */
  | { readonly type: 'complete'; readonly result: CertificationResult };

/**
 * The integration point between `<huoti-liveness>` and the engine plus challenge logic of
 * `@huoti/liveness`. The element owns the UI and the camera; a driver owns analysis.
 *
 * A driver throws (or its iterator rejects) on failure: a `HuotiError` of `@huoti/liveness`
 * keeps its code and localized text in the `huoti-error` event.
 */
export interface CertificationDriver {
  run(input: CertificationDriverInput): AsyncIterable<CertificationDriverEvent>;
}
