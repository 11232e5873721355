import type { ActionDetector } from './action-detector.js';
import type { DetectedAction } from './detected-action.js';
import { HEAD_POSE_CONVENTION } from './head-pose-convention.js';
import type { MetricSample } from './metric-sample.js';
import type { HeadTurnProfile } from './strictness-profiles.js';
import { TimeWindowSeries } from './time-window-series.js';

/** The head movements {@link HeadTurnDetector} recognises. */
export type HeadTurnKind = 'turnLeft' | 'turnRight' | 'nod';

type HeadTurnPhase = 'frontal' | 'excursion' | 'settling' | 'aborted';

/**
 * Turn-left (左转), turn-right (右转) and nod (点头) detector: the head leaves the person's frontal
 * pose, goes beyond the profile's angle in the asked direction (turns: yaw, `turnYawDeg`; nod:
 * chin down, `nodPitchDeg`), stays there `minHoldMs`, and comes back to frontal within
 * `maxExcursionMs`. Directions follow {@link HEAD_POSE_CONVENTION}.
 *
 * The frontal pose is the median angle of recent frontal samples, clamped to ±`frontalToleranceDeg`
 * of 0 so that a person who starts turned is not taken as frontal. When the profile sets
 * `oppositeSwingLimitDeg` (standard, strict), a swing that far the other way during the excursion
 * or within `settleMs` before or after it is a head shake (摇头), not a deliberate turn, and does
 * not count.
 */
export class HeadTurnDetector implements ActionDetector {
  readonly #kind: HeadTurnKind;
  readonly #profile: HeadTurnProfile;
  readonly #frontal: TimeWindowSeries;
  readonly #directionSign: number;
  readonly #thresholdDeg: number;
  #phase: HeadTurnPhase = 'aborted';
  #lastFrontalMs: number | null = null;
  #lastSampleMs: number | null = null;
  #excursionStartMs = 0;
  #returnedMs = 0;
  #maxTowardsDeg = 0;
  #maxAwayDeg = 0;
  #beyondSinceMs: number | null = null;
  #longestHoldMs = 0;
  /** Last time the head was past the opposite-swing limit (the other way), in ms. */
  #lastOppositeMs = Number.NEGATIVE_INFINITY;

  constructor(kind: HeadTurnKind, profile: HeadTurnProfile) {
    this.#kind = kind;
    this.#profile = profile;
    this.#frontal = new TimeWindowSeries(profile.frontalBaselineWindowMs);
    this.#directionSign =
      kind === 'turnLeft'
        ? HEAD_POSE_CONVENTION.personLeftYawSign
        : kind === 'turnRight'
          ? -HEAD_POSE_CONVENTION.personLeftYawSign
          : -HEAD_POSE_CONVENTION.chinUpPitchSign;
    this.#thresholdDeg = kind === 'nod' ? profile.nodPitchDeg : profile.turnYawDeg;
  }

  /** The frontal reference angle now (yaw for turns, pitch for nods), in degrees. */
  get frontalDeg(): number {
    const tolerance = this.#profile.frontalToleranceDeg;
    return Math.max(-tolerance, Math.min(tolerance, this.#frontal.median() ?? 0));
  }

  push(sample: MetricSample): DetectedAction | null {
    const profile = this.#profile;
    const t = sample.timestampMs;
    const gapMs = this.#lastSampleMs === null ? 0 : t - this.#lastSampleMs;
    this.#lastSampleMs = t;
    const angle = this.#kind === 'nod' ? sample.pitchDeg : sample.yawDeg;
    if (sample.faceCount !== 1 || angle === null || !Number.isFinite(angle) || gapMs > profile.maxSampleGapMs) {
      this.#phase = 'aborted';
      this.#lastFrontalMs = null;
      if (sample.faceCount !== 1 || angle === null || !Number.isFinite(angle)) return null;
    }
    const offsetDeg = angle - this.frontalDeg;
    const towardsDeg = offsetDeg * this.#directionSign;
    const isFrontal = Math.abs(offsetDeg) <= profile.frontalToleranceDeg;
    const isShake = profile.oppositeSwingLimitDeg !== null && -towardsDeg >= profile.oppositeSwingLimitDeg;
    if (isShake) this.#lastOppositeMs = t;

    switch (this.#phase) {
      case 'aborted':
      case 'frontal':
        if (isFrontal) {
          this.#phase = 'frontal';
          this.#frontal.add(t, angle);
          this.#lastFrontalMs = t;
        } else if (this.#phase === 'frontal' && this.#lastFrontalMs !== null) {
          this.#phase = 'excursion';
          this.#excursionStartMs = this.#lastFrontalMs;
          this.#maxTowardsDeg = towardsDeg;
          this.#maxAwayDeg = -towardsDeg;
          this.#beyondSinceMs = null;
          this.#longestHoldMs = 0;
          this.#trackHold(t, towardsDeg);
        }
        return null;
      case 'excursion': {
        this.#maxTowardsDeg = Math.max(this.#maxTowardsDeg, towardsDeg);
        this.#maxAwayDeg = Math.max(this.#maxAwayDeg, -towardsDeg);
        this.#trackHold(t, towardsDeg);
        if (t - this.#excursionStartMs > profile.maxExcursionMs) {
          this.#phase = 'aborted';
          return null;
        }
        if (!isFrontal) return null;
        this.#lastFrontalMs = t;
        // A shake either swings the other way during the excursion or just before it (second half of a shake).
        const isShaken =
          profile.oppositeSwingLimitDeg !== null &&
          (this.#maxAwayDeg >= profile.oppositeSwingLimitDeg || this.#lastOppositeMs >= this.#excursionStartMs - profile.settleMs);
        const isDone = this.#maxTowardsDeg >= this.#thresholdDeg && this.#longestHoldMs >= profile.minHoldMs && !isShaken;
        if (!isDone) {
          this.#phase = 'frontal';
          return null;
        }
        this.#returnedMs = t;
        if (profile.settleMs > 0) {
          this.#phase = 'settling';
          return null;
        }
        this.#phase = 'frontal';
        return { kind: this.#kind, startMs: this.#excursionStartMs, endMs: t };
      }
      case 'settling':
        if (isShake) {
          this.#phase = 'aborted';
          return null;
        }
        if (isFrontal) this.#lastFrontalMs = t;
        if (t - this.#returnedMs < profile.settleMs) return null;
        this.#phase = isFrontal ? 'frontal' : 'aborted';
        return { kind: this.#kind, startMs: this.#excursionStartMs, endMs: this.#returnedMs };
    }
  }

  #trackHold(t: number, towardsDeg: number): void {
    if (towardsDeg < this.#thresholdDeg) {
      this.#beyondSinceMs = null;
      return;
    }
    this.#beyondSinceMs ??= t;
    this.#longestHoldMs = Math.max(this.#longestHoldMs, t - this.#beyondSinceMs);
  }
}
