import type { ChallengeFailureReason } from './challenge-failure-reason.js';
import { GUARD_HINT_TEXTS, type GuardHint, type GuardHintCode } from './guard-hint.js';
import type { MetricSample, NormalizedFaceBox } from './metric-sample.js';
import type { GuardProfile } from './strictness-profiles.js';

/** The failure reasons the continuous guards can give. */
export type GuardFailureReason = Extract<
  ChallengeFailureReason,
  'MULTIPLE_FACES' | 'FACE_LOST' | 'FACE_CHANGED' | 'FACE_TOO_FAR' | 'FACE_TOO_CLOSE' | 'TOO_DARK' | 'BACKLIT' | 'TOO_BLURRY' | 'LOW_FRAMERATE'
>;

/** What the guards say about the run after one sample. */
export interface GuardVerdict {
  /** Hints to show now, most important first. */
  readonly hints: readonly GuardHint[];
  /** Set when a condition lasted long enough to fail the run. */
  readonly failure: GuardFailureReason | null;
}

type ConditionKey = 'multipleFaces' | 'faceLost' | 'tooFar' | 'tooClose' | 'tooDark' | 'backlit' | 'blurry' | 'lowFrameRate';

interface ConditionRule {
  readonly hint: GuardHintCode;
  readonly failure: GuardFailureReason;
  readonly failAfterMs: (profile: GuardProfile) => number;
}

/** In priority order: the first active hint is the one a UI with room for one should show. */
const CONDITION_RULES: Readonly<Record<ConditionKey, ConditionRule>> = Object.freeze({
  multipleFaces: { hint: 'ONE_FACE_ONLY', failure: 'MULTIPLE_FACES', failAfterMs: (p) => p.multipleFacesFailMs },
  faceLost: { hint: 'FACE_NOT_FOUND', failure: 'FACE_LOST', failAfterMs: (p) => p.faceLostFailMs },
  tooFar: { hint: 'MOVE_CLOSER', failure: 'FACE_TOO_FAR', failAfterMs: (p) => p.conditionFailMs },
  tooClose: { hint: 'MOVE_BACK', failure: 'FACE_TOO_CLOSE', failAfterMs: (p) => p.conditionFailMs },
  tooDark: { hint: 'MORE_LIGHT', failure: 'TOO_DARK', failAfterMs: (p) => p.conditionFailMs },
  backlit: { hint: 'AVOID_BACKLIGHT', failure: 'BACKLIT', failAfterMs: (p) => p.conditionFailMs },
  blurry: { hint: 'HOLD_STILL', failure: 'TOO_BLURRY', failAfterMs: (p) => p.conditionFailMs },
  lowFrameRate: { hint: 'DEVICE_TOO_SLOW', failure: 'LOW_FRAMERATE', failAfterMs: (p) => p.conditionFailMs },
});

const CONDITION_ORDER: readonly ConditionKey[] = Object.freeze(Object.keys(CONDITION_RULES) as ConditionKey[]);

/**
 * The continuous guards of a run, as one pure state machine over the metric stream: exactly one
 * face, face present, the same face throughout (box continuity), distance, light, backlight, blur
 * and frame rate. Each bad condition raises its hint once it has lasted `hintAfterMs` and fails the
 * run once it has lasted its fail time; a face-box jump or swap (`FACE_CHANGED`) fails at once.
 *
 * Face continuity: between consecutive samples the box centre may move at most
 * `maxFaceJumpWidths` face widths and its width change by at most `maxFaceSizeChangeRatio`; both
 * allowances grow in proportion when samples are further apart than one frame at
 * `minFrameRateFps` (after a dropped frame or a brief loss the face may have moved more).
 */
export class RunGuards {
  readonly #profile: GuardProfile;
  readonly #activeSince = new Map<ConditionKey, number>();
  readonly #frameTimes: number[] = [];
  #firstSampleMs: number | null = null;
  #lastBox: { readonly box: NormalizedFaceBox; readonly timestampMs: number } | null = null;
  #failure: GuardFailureReason | null = null;

  constructor(profile: GuardProfile) {
    this.#profile = profile;
  }

  /** Consumes one sample. Once a failure is returned, later samples return the same failure. */
  push(sample: MetricSample): GuardVerdict {
    if (this.#failure) return { hints: [], failure: this.#failure };
    const profile = this.#profile;
    const t = sample.timestampMs;
    this.#firstSampleMs ??= t;

    if (this.#hasFaceChanged(sample)) {
      this.#failure = 'FACE_CHANGED';
      return { hints: [], failure: this.#failure };
    }

    const active = this.#activeConditions(sample);
    for (const key of CONDITION_ORDER) {
      if (active.has(key)) {
        if (!this.#activeSince.has(key)) this.#activeSince.set(key, t);
      } else {
        this.#activeSince.delete(key);
      }
    }

    const hints: GuardHint[] = [];
    for (const key of CONDITION_ORDER) {
      const since = this.#activeSince.get(key);
      if (since === undefined) continue;
      const rule = CONDITION_RULES[key];
      if (t - since >= rule.failAfterMs(profile)) {
        this.#failure = rule.failure;
        return { hints: [], failure: this.#failure };
      }
      if (t - since >= profile.hintAfterMs) hints.push({ code: rule.hint, text: GUARD_HINT_TEXTS[rule.hint] });
    }
    return { hints, failure: null };
  }

  #activeConditions(sample: MetricSample): Set<ConditionKey> {
    const profile = this.#profile;
    const active = new Set<ConditionKey>();
    if (this.#isFrameRateLow(sample.timestampMs)) active.add('lowFrameRate');
    if (sample.faceCount > 1) {
      active.add('multipleFaces');
      return active;
    }
    const box = sample.faceBox;
    if (sample.faceCount === 0 || !box) {
      active.add('faceLost');
      return active;
    }
    if (box.width < profile.minFaceWidthRatio) active.add('tooFar');
    if (box.width > profile.maxFaceWidthRatio) active.add('tooClose');
    const face = sample.brightness;
    if (face !== null && face < profile.minFaceBrightness) active.add('tooDark');
    const frame = sample.frameBrightness ?? null;
    if (face !== null && frame !== null && frame - face > profile.maxBacklightDifference) active.add('backlit');
    if (sample.sharpness !== null && sample.sharpness < profile.minSharpness) active.add('blurry');
    return active;
  }

  #isFrameRateLow(t: number): boolean {
    const windowMs = this.#profile.frameRateWindowMs;
    this.#frameTimes.push(t);
    while ((this.#frameTimes[0] ?? t) < t - windowMs) this.#frameTimes.shift();
    // Judge only once a full window has been seen, so the first frames cannot raise it.
    if (this.#firstSampleMs === null || t - this.#firstSampleMs < windowMs) return false;
    const oldest = this.#frameTimes[0] ?? t;
    const spanMs = Math.max(t - oldest, 1);
    // One long gap (the window holds a single frame) is a frame rate of at most 1000 / window.
    const fps = this.#frameTimes.length > 1 ? ((this.#frameTimes.length - 1) * 1000) / spanMs : 1000 / windowMs;
    return fps < this.#profile.minFrameRateFps;
  }

  #hasFaceChanged(sample: MetricSample): boolean {
    const box = sample.faceBox;
    if (sample.faceCount !== 1 || !box) return false;
    const previous = this.#lastBox;
    this.#lastBox = { box, timestampMs: sample.timestampMs };
    if (!previous || previous.box.width <= 0 || box.width <= 0) return false;
    const frameIntervalMs = 1000 / this.#profile.minFrameRateFps;
    const frames = Math.max(1, (sample.timestampMs - previous.timestampMs) / frameIntervalMs);
    const centreShift = Math.hypot(
      box.x + box.width / 2 - (previous.box.x + previous.box.width / 2),
      box.y + box.height / 2 - (previous.box.y + previous.box.height / 2),
    );
    const sizeRatio = Math.max(box.width / previous.box.width, previous.box.width / box.width);
    return (
      centreShift / previous.box.width > this.#profile.maxFaceJumpWidths * frames ||
      sizeRatio > this.#profile.maxFaceSizeChangeRatio ** frames
    );
  }
}
