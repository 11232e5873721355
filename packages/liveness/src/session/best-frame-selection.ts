import type { MetricSample } from '../challenges/metric-sample.js';
import type { CertificationConfig } from './certification-config.js';

/** A frame that could become a best frame: when it was taken and how good it is. */
export interface BestFrameCandidate {
  /** Capture time, in ms on the samples' clock. */
  readonly timestampMs: number;
  /** Higher is better; see {@link scoreBestFrame}. */
  readonly score: number;
}

type BestFrameThresholds = Pick<
  CertificationConfig,
  'bestFrameMaxYawDeg' | 'bestFrameMaxPitchDeg' | 'bestFrameMinEyeAspectRatio'
>;

/**
 * How suitable a frame is as a best frame: `null` unless exactly one face is found, facing the
 * camera within the yaw and pitch limits with both eyes open; otherwise its sharpness (variance of
 * the Laplacian) weighted down linearly as the head turns or tilts away from frontal.
 */
export function scoreBestFrame(sample: MetricSample, thresholds: BestFrameThresholds): number | null {
  const { yawDeg, pitchDeg, sharpness, eyeAspectRatioLeft, eyeAspectRatioRight } = sample;
  if (sample.faceCount !== 1 || yawDeg === null || pitchDeg === null || sharpness === null || sharpness <= 0) return null;
  if (Math.abs(yawDeg) > thresholds.bestFrameMaxYawDeg || Math.abs(pitchDeg) > thresholds.bestFrameMaxPitchDeg) return null;
  if (eyeAspectRatioLeft === null || eyeAspectRatioRight === null) return null;
  if (Math.min(eyeAspectRatioLeft, eyeAspectRatioRight) < thresholds.bestFrameMinEyeAspectRatio) return null;
  const frontality = (1 - Math.abs(yawDeg) / thresholds.bestFrameMaxYawDeg / 2) * (1 - Math.abs(pitchDeg) / thresholds.bestFrameMaxPitchDeg / 2);
  return sharpness * frontality;
}

/**
 * Picks at most `maxFrames` candidates, best score first, each at least `minSpacingMs` from every
 * one already picked; returns them in time order. Ties keep the earlier frame.
 */
export function selectBestFrames<T extends BestFrameCandidate>(candidates: readonly T[], maxFrames: number, minSpacingMs: number): T[] {
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.timestampMs - b.timestampMs);
  const picked: T[] = [];
  for (const candidate of ranked) {
    if (picked.length >= maxFrames) break;
    if (picked.every((p) => Math.abs(p.timestampMs - candidate.timestampMs) >= minSpacingMs)) picked.push(candidate);
  }
  return picked.sort((a, b) => a.timestampMs - b.timestampMs);
}

/**
 * Whether a new candidate is worth grabbing pixels for, given those held (at most `capacity`):
 * while there is room, always; when full, if it would displace the weakest one held.
 */
export function isWorthHolding(held: readonly BestFrameCandidate[], candidate: BestFrameCandidate, capacity: number): boolean {
  if (held.length < capacity) return true;
  return held.some((h) => h.score < candidate.score);
}
