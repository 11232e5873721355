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

interface EyeSample extends EyePair {
  readonly timestampMs: number;
}

/**
 * Blink (眨眼) detector, per eye against an adaptive per-person reference:
 * - the open-eye level is the lower of the rolling median of open samples over
 *   `baselineWindowMs` and the median over the last `referenceWindowMs` (so eyes that stay
 *   narrowed after a blink, in a smile or in a downward glance become the new reference quickly);
 * - a closure starts when both eyes fall below `closedRatio` × their reference at the same time;
 * - it is a full closure once the two eyes' lowest values, as fractions of their reference, average
 *   at most `fullClosureRatio` (the lids hide the iris; a partial blink or a squint leaves the eyes
 *   at about 0.6–0.75 of the open level with the iris-refined landmarks);
 * - a closure that is not full within `maxClosingMs` is a narrowing, not a blink (lids close in
 *   well under 100 ms when blinking): its level becomes the new reference, so a blink from the
 *   narrowed eyes is still found;
 * - it ends when both eyes have recovered `reopenRecoveryFraction` of the way from their lowest
 *   value back to the reference (not all the way: eyes often stay a little narrowed after a blink);
 * - it counts if it was full, could have lasted at least `minClosureMs` (last open → first
 *   reopened sample) and at most `maxClosureMs` (first → last closed sample), bounds that stay
 *   valid at 8 fps; if the head did not pitch down (chin down) by more than `maxPitchChangeDeg`
 *   from `pitchLookbackMs` before the closure until it was full (looking down narrows the eyes
 *   too, and starts first); and if no gap between samples exceeded `maxSampleGapMs`.
 *
 * Samples with no face or unmeasured eyes during a closure discard it. A sample with more than one
 * face is skipped like a dropped frame: its metrics may belong to the other face, so it says
 * nothing about this person's eyes (the gap limit still applies, and the run guards handle a
 * second person who stays).
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
  /** The samples of the current closure, to become the reference if it turns out a narrowing. */
  readonly #closureSamples: EyeSample[] = [];
  #phase: BlinkPhase = 'open';
  #lastOpenMs: number | null = null;
  #lastSampleMs: number | null = null;
  /** When each eye was last at least `closedRatio` of its reference. */
  #leftOpenMs = Number.NEGATIVE_INFINITY;
  #rightOpenMs = Number.NEGATIVE_INFINITY;
  #closureOpenMs = 0;
  #firstClosedMs = 0;
  #lastClosedMs = 0;
  #isFullClosure = false;
  #reference: EyePair = { left: 0, right: 0 };
  #lowest: EyePair = { left: 0, right: 0 };
  /** Highest pitch from the lookback until the closure became full, and the lowest in that span. */
  #pitchBeforeMaxDeg = Number.NEGATIVE_INFINITY;
  #pitchMinDeg = Number.POSITIVE_INFINITY;

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
    if (sample.faceCount > 1) return null;
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
          // Each eye's open level is learned from samples where that eye is open: one eye closing
          // (a wink, or mis-measured during a fast head turn) must not lower its reference. An eye
          // that stays lower than `referenceWindowMs` is its new level and is learned again.
          if (left >= profile.closedRatio * reference.left) this.#leftOpenMs = t;
          if (right >= profile.closedRatio * reference.right) this.#rightOpenMs = t;
          const isLeftLearned = this.#leftOpenMs === t || t - this.#leftOpenMs > profile.referenceWindowMs;
          const isRightLearned = this.#rightOpenMs === t || t - this.#rightOpenMs > profile.referenceWindowMs;
          this.#addOpenSample(t, isLeftLearned ? left : null, isRightLearned ? right : null, sample.pitchDeg);
          return null;
        }
        if (this.#lastOpenMs === null) return null;
        this.#startClosure(t, left, right, reference, sample.pitchDeg);
        return null;
      }
      case 'closed':
        return this.#continueClosure(t, left, right, sample.pitchDeg);
      case 'rejected': {
        // Keep adapting while waiting: eyes that stay narrower (smiling, light) must not lock the detector.
        this.#addToReference(t, left, right);
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

  #startClosure(t: number, left: number, right: number, reference: EyePair, pitchDeg: number | null): void {
    this.#phase = 'closed';
    this.#closureOpenMs = this.#lastOpenMs ?? t;
    this.#firstClosedMs = t;
    this.#lastClosedMs = t;
    this.#reference = reference;
    this.#lowest = { left, right };
    this.#isFullClosure = false;
    this.#closureSamples.length = 0;
    this.#closureSamples.push({ timestampMs: t, left, right });
    this.#pitchBeforeMaxDeg = Number.NEGATIVE_INFINITY;
    this.#pitchMinDeg = Number.POSITIVE_INFINITY;
    for (const p of this.#recentPitch) {
      if (p.timestampMs >= t - this.#profile.pitchLookbackMs) this.#pitchBeforeMaxDeg = Math.max(this.#pitchBeforeMaxDeg, p.pitchDeg);
    }
    // Without open samples in the lookback the closure's own first pitch is the reference.
    if (this.#pitchBeforeMaxDeg === Number.NEGATIVE_INFINITY && pitchDeg !== null && Number.isFinite(pitchDeg)) this.#pitchBeforeMaxDeg = pitchDeg;
    this.#updateClosure(left, right, pitchDeg);
  }

  #continueClosure(t: number, left: number, right: number, pitchDeg: number | null): DetectedAction | null {
    const profile = this.#profile;
    const ref = this.#reference;
    this.#closureSamples.push({ timestampMs: t, left, right });
    if (left < profile.closedRatio * ref.left && right < profile.closedRatio * ref.right) this.#lastClosedMs = t;
    this.#updateClosure(left, right, pitchDeg);
    if (this.#lastClosedMs - this.#firstClosedMs > profile.maxClosureMs) {
      this.#phase = 'rejected';
      return null;
    }
    const fraction = profile.reopenRecoveryFraction;
    const isReopened =
      left >= this.#lowest.left + fraction * (ref.left - this.#lowest.left) &&
      right >= this.#lowest.right + fraction * (ref.right - this.#lowest.right);
    if (isReopened) {
      this.#phase = 'open';
      this.#addOpenSample(t, left, right, pitchDeg);
      const couldBeLongEnough = t - this.#closureOpenMs >= profile.minClosureMs;
      // No pitch measured at all: the gate cannot apply; the other conditions still do.
      const pitchDropDeg = this.#pitchBeforeMaxDeg - this.#pitchMinDeg;
      const isPitchSteady = !Number.isFinite(pitchDropDeg) || pitchDropDeg <= profile.maxPitchChangeDeg;
      return this.#isFullClosure && couldBeLongEnough && isPitchSteady ? { kind: 'blink', startMs: this.#closureOpenMs, endMs: t } : null;
    }
    if (!this.#isFullClosure && t - this.#firstClosedMs >= profile.maxClosingMs) {
      // Narrowed, not closing: the narrowed level is the new reference.
      this.#recentLeft.clear();
      this.#recentRight.clear();
      for (const s of this.#closureSamples) this.#addToReference(s.timestampMs, s.left, s.right);
      this.#phase = 'open';
      this.#lastOpenMs = t;
    }
    return null;
  }

  /** Lowest values, full-closure test and the pitch range up to full closure. */
  #updateClosure(left: number, right: number, pitchDeg: number | null): void {
    const ref = this.#reference;
    this.#lowest = { left: Math.min(this.#lowest.left, left), right: Math.min(this.#lowest.right, right) };
    if (!this.#isFullClosure && pitchDeg !== null && Number.isFinite(pitchDeg)) this.#pitchMinDeg = Math.min(this.#pitchMinDeg, pitchDeg);
    const depthRatio = (this.#lowest.left / ref.left + this.#lowest.right / ref.right) / 2;
    if (depthRatio <= this.#profile.fullClosureRatio) this.#isFullClosure = true;
  }

  /** The lower of the long baseline and the recent open level, per eye; `null` until the baseline spans enough time. */
  #currentReference(): EyePair | null {
    const baseLeft = this.#baselineLeft.percentile(this.#profile.baselinePercentile);
    const baseRight = this.#baselineRight.percentile(this.#profile.baselinePercentile);
    if (baseLeft === null || baseRight === null || Math.min(this.#baselineLeft.spanMs, this.#baselineRight.spanMs) < this.#profile.minBaselineSpanMs) {
      return null;
    }
    const left = Math.min(baseLeft, this.#recentLeft.median() ?? baseLeft);
    const right = Math.min(baseRight, this.#recentRight.median() ?? baseRight);
    return left > 0 && right > 0 ? { left, right } : null;
  }

  #addToReference(t: number, left: number | null, right: number | null): void {
    if (left !== null) {
      this.#baselineLeft.add(t, left);
      this.#recentLeft.add(t, left);
    }
    if (right !== null) {
      this.#baselineRight.add(t, right);
      this.#recentRight.add(t, right);
    }
  }

  #addOpenSample(t: number, left: number | null, right: number | null, pitchDeg: number | null): void {
    this.#addToReference(t, left, right);
    this.#lastOpenMs = t;
    if (pitchDeg !== null && Number.isFinite(pitchDeg)) this.#recentPitch.push({ timestampMs: t, pitchDeg });
    while ((this.#recentPitch[0]?.timestampMs ?? t) < t - this.#profile.pitchLookbackMs) this.#recentPitch.shift();
  }
}

const isMeasured = (value: number | null): value is number => value !== null && Number.isFinite(value);
