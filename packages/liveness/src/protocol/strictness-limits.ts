import type { Strictness } from './challenge-plan.js';

/**
 * The server-relevant limits of one strictness level: the bounds a server checks an evidence trace
 * against. They mirror the client detectors' thresholds of the same level (the `challenges`
 * profiles of `@huoti/liveness`) with some slack, so that a session the client honestly passed is
 * never rejected for a rounding difference, while a forged trace still has to show every action.
 */
export interface StrictnessLimits {
  /** A digit's voiced response may start this long after the digit is revealed, at the earliest (ms). */
  readonly responseWindowStartMs: number;
  /** …and at the latest (ms). */
  readonly responseWindowEndMs: number;
  /** Voiced segments closer than this are one utterance (ms). */
  readonly utteranceGapMs: number;
  /** Digits that may go without a response in their window. */
  readonly maxMissedDigits: number;
  /** Largest difference between the slowest and fastest response latency of one step (ms): a person's reaction time is steady, a recording played against a new random schedule is not. */
  readonly maxLatencySpreadMs: number;
  /** Time allowed for a step whose plan entry has no `timeoutMs` (ms). */
  readonly stepTimeoutMs: number;
  /** Longest pause between one step's end and the next step's start (ms). */
  readonly maxStepGapMs: number;
  /** Longest interval between two consecutive trace frames (ms). */
  readonly maxFrameGapMs: number;
  /** Lowest average analysed frame rate over the trace (frames per second). */
  readonly minFps: number;
  /** Highest average frame rate a real camera pipeline plausibly reaches (frames per second). */
  readonly maxFps: number;
  /** Longest stretch without a face while steps run (ms). */
  readonly maxFaceLostMs: number;
  /** Longest stretch with more than one face while steps run (ms). */
  readonly maxMultipleFacesMs: number;
  /** Largest move of the face-box centre between two frames with one face, in face widths. */
  readonly maxFaceJumpWidths: number;
  /** A detected event must be visible in the frames at most this far from it (ms). */
  readonly eventToleranceMs: number;
  /** Near a blink, the mean eye aspect ratio must fall to this fraction (0–1) of its median over the step. */
  readonly blinkClosedRatio: number;
  /** Near a mouth-open event, the mouth aspect ratio must rise this much above its 20th percentile over the step. */
  readonly mouthOpenMinRise: number;
  /** Near a turn, yaw must move this far from its median over the trace, in the asked direction (degrees). */
  readonly turnMinYawDeg: number;
  /** Near a nod, pitch must drop (chin down) this far below its median over the step (degrees). */
  readonly nodMinPitchDeg: number;
  /** Near a `faceMatch` event, some frame must face the camera within this yaw and pitch (degrees, absolute). */
  readonly frontalMaxAngleDeg: number;
}

/** The limits of the three levels. Frozen; override with {@link resolveStrictnessLimits}. */
export const DEFAULT_STRICTNESS_LIMITS: Readonly<Record<Strictness, StrictnessLimits>> = Object.freeze({
  loose: Object.freeze({
    responseWindowStartMs: 200,
    responseWindowEndMs: 2_500,
    utteranceGapMs: 250,
    maxMissedDigits: 1,
    maxLatencySpreadMs: 1_000,
    stepTimeoutMs: 15_000,
    maxStepGapMs: 10_000,
    maxFrameGapMs: 2_000,
    minFps: 5,
    maxFps: 120,
    maxFaceLostMs: 5_000,
    maxMultipleFacesMs: 3_000,
    maxFaceJumpWidths: 0.8,
    eventToleranceMs: 500,
    blinkClosedRatio: 0.87,
    mouthOpenMinRise: 0.15,
    turnMinYawDeg: 12,
    nodMinPitchDeg: 8,
    frontalMaxAngleDeg: 20,
  }),
  standard: Object.freeze({
    responseWindowStartMs: 250,
    responseWindowEndMs: 2_000,
    utteranceGapMs: 250,
    maxMissedDigits: 0,
    maxLatencySpreadMs: 600,
    stepTimeoutMs: 10_000,
    maxStepGapMs: 8_000,
    maxFrameGapMs: 1_000,
    minFps: 6,
    maxFps: 120,
    maxFaceLostMs: 3_000,
    maxMultipleFacesMs: 1_500,
    maxFaceJumpWidths: 0.5,
    eventToleranceMs: 400,
    blinkClosedRatio: 0.85,
    mouthOpenMinRise: 0.2,
    turnMinYawDeg: 16,
    nodMinPitchDeg: 10,
    frontalMaxAngleDeg: 16,
  }),
  strict: Object.freeze({
    responseWindowStartMs: 250,
    responseWindowEndMs: 1_500,
    utteranceGapMs: 250,
    maxMissedDigits: 0,
    maxLatencySpreadMs: 450,
    stepTimeoutMs: 8_000,
    maxStepGapMs: 6_000,
    maxFrameGapMs: 700,
    minFps: 8,
    maxFps: 120,
    maxFaceLostMs: 1_500,
    maxMultipleFacesMs: 800,
    maxFaceJumpWidths: 0.35,
    eventToleranceMs: 300,
    blinkClosedRatio: 0.8,
    mouthOpenMinRise: 0.25,
    turnMinYawDeg: 20,
    nodMinPitchDeg: 12,
    frontalMaxAngleDeg: 14,
  }),
});

/** The limits of `strictness`, with a portal's overrides applied. */
export function resolveStrictnessLimits(strictness: Strictness, overrides: Partial<StrictnessLimits> = {}): StrictnessLimits {
  return Object.freeze({ ...DEFAULT_STRICTNESS_LIMITS[strictness], ...overrides });
}
