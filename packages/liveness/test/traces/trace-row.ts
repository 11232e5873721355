import type { MetricSample } from '../../src/challenges/metric-sample.js';

/** One frame of a recorded trace file: `[t, faceCount, earL, earR, mar, yaw, pitch, roll, x, y, w, h]`, nulls where not measured. */
export type TraceRow = readonly (number | null | undefined)[];

/** Turns a recorded row into the detectors' input (brightness and sharpness were not recorded). */
export function sampleFromTraceRow([t, faceCount, earLeft, earRight, mar, yaw, pitch, roll, x, y, width, height]: TraceRow): MetricSample {
  return {
    timestampMs: t ?? 0,
    faceCount: faceCount ?? 0,
    eyeAspectRatioLeft: earLeft ?? null,
    eyeAspectRatioRight: earRight ?? null,
    mouthAspectRatio: mar ?? null,
    yawDeg: yaw ?? null,
    pitchDeg: pitch ?? null,
    rollDeg: roll ?? null,
    faceBox: x === null || x === undefined ? null : { x, y: y ?? 0, width: width ?? 0, height: height ?? 0 },
    brightness: null,
    sharpness: null,
  };
}
