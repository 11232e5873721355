import type { ActionDetector } from './action-detector.js';
import type { DetectedAction } from './detected-action.js';
import type { MetricSample } from './metric-sample.js';

/** Thresholds of the `faceMatch` step's "look straight at the camera and hold still". */
export interface FrontalHoldConfig {
  /** The head counts as frontal within this yaw, in degrees (absolute). */
  readonly maxYawDeg: number;
  /** …and within this pitch, in degrees (absolute). */
  readonly maxPitchDeg: number;
  /** Both eyes at least this open (eye aspect ratio): a frame mid-blink is a poor face to compare. */
  readonly minEyeAspectRatio: number;
  /** How long the frontal pose must be held, in ms. */
  readonly holdMs: number;
  /** A gap between samples longer than this (ms) breaks the hold: nothing was seen in between. */
  readonly maxSampleGapMs: number;
}

/**
 * Defaults: within 12° of frontal (the best-frame limits of the certification session, so the
 * held frames are best-frame candidates), eyes open, held for 0.6 s.
 */
export const DEFAULT_FRONTAL_HOLD_CONFIG: FrontalHoldConfig = Object.freeze({
  maxYawDeg: 12,
  maxPitchDeg: 12,
  minEyeAspectRatio: 0.15,
  holdMs: 600,
  maxSampleGapMs: 500,
});

/**
 * Recognises the `faceMatch` step's action: exactly one face, frontal and with open eyes, held
 * for `holdMs`. The action starts at the hold's first sample and is reported on the sample that
 * completes it; the hold then starts over, so a hold begun before a step can still be followed by
 * one inside it.
 */
export class FrontalHoldDetector implements ActionDetector {
  readonly #config: FrontalHoldConfig;
  #holdStartMs: number | null = null;
  #lastSampleMs: number | null = null;

  constructor(config: FrontalHoldConfig = DEFAULT_FRONTAL_HOLD_CONFIG) {
    this.#config = config;
  }

  push(sample: MetricSample): DetectedAction | null {
    const config = this.#config;
    const t = sample.timestampMs;
    const gapMs = this.#lastSampleMs === null ? 0 : t - this.#lastSampleMs;
    this.#lastSampleMs = t;
    if (!isFrontal(sample, config) || gapMs > config.maxSampleGapMs) {
      this.#holdStartMs = null;
      return null;
    }
    this.#holdStartMs ??= t;
    if (t - this.#holdStartMs < config.holdMs) return null;
    const startMs = this.#holdStartMs;
    this.#holdStartMs = null;
    return { kind: 'faceMatch', startMs, endMs: t };
  }
}

function isFrontal(sample: MetricSample, config: FrontalHoldConfig): boolean {
  const { yawDeg, pitchDeg, eyeAspectRatioLeft, eyeAspectRatioRight } = sample;
  if (sample.faceCount !== 1 || yawDeg === null || pitchDeg === null || eyeAspectRatioLeft === null || eyeAspectRatioRight === null) {
    return false;
  }
  return (
    Math.abs(yawDeg) <= config.maxYawDeg &&
    Math.abs(pitchDeg) <= config.maxPitchDeg &&
    Math.min(eyeAspectRatioLeft, eyeAspectRatioRight) >= config.minEyeAspectRatio
  );
}
