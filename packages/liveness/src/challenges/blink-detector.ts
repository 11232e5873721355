import type { ActionDetector } from './action-detector.js';
import type { DetectedAction } from './detected-action.js';
import type { MetricSample } from './metric-sample.js';
import type { BlinkProfile } from './strictness-profiles.js';
import { TimeWindowSeries } from './time-window-series.js';

type BlinkPhase = 'open' | 'closed' | 'rejected';

interface EyePair {
  readonly left: number;
  readonly right: number;
}

/**
 * Blink (眨眼) detector, per eye against an adaptive per-person reference:
 * - the open-eye level is the lower of the rolling median of open samples over
 *   `baselineWindowMs` and the median over the last `referenceWindowMs` (so eyes that stay
 *   narrowed after a blink or in a smile become the new reference quickly);
 * - a closure starts when both eyes fall below `closedRatio` × their reference at the same time
 *   (a drop, not a slow drift: slow closing keeps lowering the reference and never qualifies);
 * - it ends when both eyes have recovered `reopenRecoveryFraction` of the way from their lowest
 *   value back to the reference (not all the way: eyes often stay a little narrowed after a blink);
 * - it counts if it could have lasted at least `minClosureMs` (last open → first reopened
 *   sample) and at most `maxClosureMs` (first → last closed sample), bounds that stay valid at
 *   8 fps; if the head pitch spanned at most `maxPitchChangeDeg` from `pitchLookbackMs` before
 *   the closure until the reopening (looking down narrows the eyes too, and starts first); and if
 *   no gap between samples exceeded `maxSampleGapMs` and one face was seen throughout.
 *
 * One-eye winks, half blinks, slow closing, long closures (looking down, drowsiness, yawning) and
 * dropped frames during a closure are not blinks.
 */
export class BlinkDetector implements ActionDetector {
  readonly #profile: BlinkProfile;
  readonly #baselineLeft: TimeWindowSeries;
  readonly #baselineRight: TimeWindowSeries;
  readonly #recentLeft: TimeWindowSeries;
  readonly #recentRight: TimeWindowSeries;
  /** Pitch of recent open samples, for the look-down gate. */
  readonly #recentPitch: { readonly timestampMs: number; readonly pitchDeg: number }[] = [];
  #phase: BlinkPhase = 'open';
  #lastOpenMs: number | null = null;
  #lastSampleMs: number | null = null;
  #closureOpenMs = 0;
  #firstClosedMs = 0;
  #lastClosedMs = 0;
  #reference: EyePair = { left: 0, right: 0 };
  #lowest: EyePair = { left: 0, right: 0 };
  #pitchMin = Number.POSITIVE_INFINITY;
  #pitchMax = Number.NEGATIVE_INFINITY;

  constructor(profile: BlinkProfile) {
    this.#profile = profile;
    this.#baselineLeft = new TimeWindowSeries(profile.baselineWindowMs);
    this.#baselineRight = new TimeWindowSeries(profile.baselineWindowMs);
    this.#recentLeft = new TimeWindowSeries(profile.referenceWindowMs);
    this.#recentRight = new TimeWindowSeries(profile.referenceWindowMs);
  }

  /** The current open-eye reference EAR per eye, `null` until the baseline is ready. */
  get baseline(): { readonly left: number | null; readonly right: number | null } {
    const reference = this.#currentReference();
    return { left: reference?.left ?? null, right: reference?.right ?? null };
  }

  push(sample: MetricSample): DetectedAction | null {
    const profile = this.#profile;
    const t = sample.timestampMs;
    const gapMs = this.#lastSampleMs === null ? 0 : t - this.#lastSampleMs;
    this.#lastSampleMs = t;
    const left = sample.eyeAspectRatioLeft;
    const right = sample.eyeAspectRatioRight;
    if (sample.faceCount !== 1 || !isMeasured(left) || !isMeasured(right)) {
      // Eyes not measurable: whatever was going on cannot be scored.
      this.#lastOpenMs = null;
      if (this.#phase === 'closed') this.#phase = 'rejected';
      return null;
    }
    if (gapMs > profile.maxSampleGapMs) {
      // Dropped frames: the closure's start or end is unknown.
      this.#lastOpenMs = null;
      if (this.#phase === 'closed') this.#phase = 'rejected';
    }

    const reference = this.#currentReference();
    if (!reference) {
      this.#addOpenSample(t, left, right, sample.pitchDeg);
      return null;
    }

    switch (this.#phase) {
      case 'open': {
        const isClosed = left < profile.closedRatio * reference.left && right < profile.closedRatio * reference.right;
        if (!isClosed) {
          this.#addOpenSample(t, left, right, sample.pitchDeg);
          return null;
        }
        if (this.#lastOpenMs === null) return null;
        this.#phase = 'closed';
        this.#closureOpenMs = this.#lastOpenMs;
        this.#firstClosedMs = t;
        this.#lastClosedMs = t;
        this.#reference = reference;
        this.#lowest = { left, right };
        this.#pitchMin = Number.POSITIVE_INFINITY;
        this.#pitchMax = Number.NEGATIVE_INFINITY;
        for (const p of this.#recentPitch) if (p.timestampMs >= t - profile.pitchLookbackMs) this.#trackPitch(p.pitchDeg);
        this.#trackPitch(sample.pitchDeg);
        return null;
      }
      case 'closed': {
        this.#trackPitch(sample.pitchDeg);
        const ref = this.#reference;
        if (left < profile.closedRatio * ref.left && right < profile.closedRatio * ref.right) this.#lastClosedMs = t;
        this.#lowest = { left: Math.min(this.#lowest.left, left), right: Math.min(this.#lowest.right, right) };
        if (this.#lastClosedMs - this.#firstClosedMs > profile.maxClosureMs) {
          this.#phase = 'rejected';
          return null;
        }
        const fraction = profile.reopenRecoveryFraction;
        const isReopened =
          left >= this.#lowest.left + fraction * (ref.left - this.#lowest.left) &&
          right >= this.#lowest.right + fraction * (ref.right - this.#lowest.right);
        if (!isReopened) return null;
        this.#phase = 'open';
        this.#addOpenSample(t, left, right, sample.pitchDeg);
        const couldBeLongEnough = t - this.#closureOpenMs >= profile.minClosureMs;
        const isPitchSteady = this.#pitchMax - this.#pitchMin <= profile.maxPitchChangeDeg || this.#pitchMax < this.#pitchMin;
        return couldBeLongEnough && isPitchSteady ? { kind: 'blink', startMs: this.#closureOpenMs, endMs: t } : null;
      }
      case 'rejected': {
        // Keep adapting while waiting: eyes that stay narrower (smiling, light) must not lock the detector.
        this.#baselineLeft.add(t, left);
        this.#baselineRight.add(t, right);
        this.#recentLeft.add(t, left);
        this.#recentRight.add(t, right);
        const now = this.#currentReference();
        const isClosed = now !== null && left < profile.closedRatio * now.left && right < profile.closedRatio * now.right;
        if (!isClosed) {
          this.#phase = 'open';
          this.#lastOpenMs = t;
        }
        return null;
      }
    }
  }

  /** The lower of the long baseline and the recent open level, per eye; `null` until the baseline spans enough time. */
  #currentReference(): EyePair | null {
    const baseLeft = this.#baselineLeft.median();
    const baseRight = this.#baselineRight.median();
    if (baseLeft === null || baseRight === null || Math.min(this.#baselineLeft.spanMs, this.#baselineRight.spanMs) < this.#profile.minBaselineSpanMs) {
      return null;
    }
    const left = Math.min(baseLeft, this.#recentLeft.median() ?? baseLeft);
    const right = Math.min(baseRight, this.#recentRight.median() ?? baseRight);
    return left > 0 && right > 0 ? { left, right } : null;
  }

  #addOpenSample(t: number, left: number, right: number, pitchDeg: number | null): void {
    this.#baselineLeft.add(t, left);
    this.#baselineRight.add(t, right);
    this.#recentLeft.add(t, left);
    this.#recentRight.add(t, right);
    this.#lastOpenMs = t;
    if (pitchDeg !== null && Number.isFinite(pitchDeg)) this.#recentPitch.push({ timestampMs: t, pitchDeg });
    while ((this.#recentPitch[0]?.timestampMs ?? t) < t - this.#profile.pitchLookbackMs) this.#recentPitch.shift();
  }

  #trackPitch(pitchDeg: number | null): void {
    // Without pitch the gate cannot apply; the other conditions still do.
    if (pitchDeg === null || !Number.isFinite(pitchDeg)) return;
    this.#pitchMin = Math.min(this.#pitchMin, pitchDeg);
    this.#pitchMax = Math.max(this.#pitchMax, pitchDeg);
  }
}

const isMeasured = (value: number | null): value is number => value !== null && Number.isFinite(value);
