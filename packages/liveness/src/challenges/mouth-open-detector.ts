import type { ActionDetector } from './action-detector.js';
import type { DetectedAction } from './detected-action.js';
import type { MetricSample } from './metric-sample.js';
import type { MouthOpenProfile } from './strictness-profiles.js';
import { TimeWindowSeries } from './time-window-series.js';

/**
 * Mouth-open (张嘴) detector. The closed-mouth baseline is a low percentile of recent inner-lip MAR
 * (samples while the mouth is open are left out); the mouth counts as open when MAR is at least
 * `minRise` above and `minRatio` times that baseline, and the action is recognised once it has
 * stayed open for `minHoldMs`. Talking opens the mouth only briefly and not as wide, so it does
 * not trigger under `standard`; a yawn is a real wide opening and does.
 */
export class MouthOpenDetector implements ActionDetector {
  readonly #profile: MouthOpenProfile;
  readonly #baseline: TimeWindowSeries;
  #openSinceMs: number | null = null;
  #firstOpenMs = 0;
  #lastClosedMs: number | null = null;
  #lastSampleMs: number | null = null;
  #hasFired = false;

  constructor(profile: MouthOpenProfile) {
    this.#profile = profile;
    this.#baseline = new TimeWindowSeries(profile.baselineWindowMs);
  }

  /** The current closed-mouth baseline (MAR), `null` until the first sample. */
  get baseline(): number | null {
    return this.#baseline.percentile(this.#profile.baselinePercentile);
  }

  push(sample: MetricSample): DetectedAction | null {
    const profile = this.#profile;
    const t = sample.timestampMs;
    const gapMs = this.#lastSampleMs === null ? 0 : t - this.#lastSampleMs;
    this.#lastSampleMs = t;
    const mar = sample.mouthAspectRatio;
    if (sample.faceCount !== 1 || mar === null || !Number.isFinite(mar) || gapMs > profile.maxSampleGapMs) {
      this.#openSinceMs = null;
      this.#hasFired = false;
      this.#lastClosedMs = null;
      return null;
    }
    const baseline = this.baseline;
    const isBaselineReady = baseline !== null && this.#baseline.spanMs >= profile.minBaselineSpanMs;
    const isOpen = isBaselineReady && mar >= baseline + profile.minRise && mar >= baseline * profile.minRatio;
    if (!isOpen) {
      this.#baseline.add(t, mar);
      this.#openSinceMs = null;
      this.#hasFired = false;
      this.#lastClosedMs = t;
      return null;
    }
    if (this.#openSinceMs === null) {
      if (this.#lastClosedMs === null) return null; // Must be seen closed first: the opening is the action.
      this.#openSinceMs = this.#lastClosedMs;
      this.#firstOpenMs = t;
    }
    // The hold counts from the first open sample, so a low frame rate cannot shorten it.
    if (this.#hasFired || t - this.#firstOpenMs < profile.minHoldMs) return null;
    this.#hasFired = true;
    return { kind: 'mouthOpen', startMs: this.#openSinceMs, endMs: t };
  }
}
