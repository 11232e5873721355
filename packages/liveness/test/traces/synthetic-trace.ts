import type { MetricSample } from '../../src/challenges/metric-sample.js';

// Generators of synthetic metric traces for the challenge tests: a steady, frontal, well-lit face
// with small deterministic measurement noise, onto which each test draws its events.

/** Open-eye EAR of the synthetic person (plain face mesh range). */
export const OPEN_EAR = 0.3;
/** Closed-mouth inner-lip MAR. */
export const CLOSED_MAR = 0.03;

/** What a test changes at time `t` (ms): any sample fields. */
export type TraceOverlay = (t: number, base: MetricSample) => Partial<MetricSample> | null;

export interface TraceOptions {
  readonly durationMs: number;
  /** Frames per second (default 25). */
  readonly fps?: number;
  /** Start of the timestamps, in ms (default 0). */
  readonly startMs?: number;
  /** Relative EAR noise amplitude (default ±2 %). */
  readonly earNoise?: number;
  readonly seed?: number;
  /** Frames for which this returns true are dropped (never delivered). */
  readonly drop?: (t: number, index: number) => boolean;
  readonly overlays?: readonly TraceOverlay[];
}

/** Deterministic uniform noise in −1…1. */
export function noiseSource(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 31 - 1;
  };
}

export function makeTrace(options: TraceOptions): MetricSample[] {
  const fps = options.fps ?? 25;
  const start = options.startMs ?? 0;
  const noise = noiseSource(options.seed ?? 7);
  const earNoise = options.earNoise ?? 0.02;
  const samples: MetricSample[] = [];
  const frames = Math.floor((options.durationMs * fps) / 1000);
  for (let i = 0; i <= frames; i++) {
    const t = start + (i * 1000) / fps;
    let sample: MetricSample = {
      timestampMs: t,
      faceCount: 1,
      eyeAspectRatioLeft: OPEN_EAR * (1 + earNoise * noise()),
      eyeAspectRatioRight: OPEN_EAR * (1 + earNoise * noise()),
      mouthAspectRatio: CLOSED_MAR + 0.005 * noise(),
      yawDeg: 1.5 * noise(),
      pitchDeg: 1.5 * noise(),
      rollDeg: noise(),
      faceBox: { x: 0.3, y: 0.25, width: 0.4, height: 0.5 },
      brightness: 120,
      frameBrightness: 110,
      sharpness: 100,
    };
    for (const overlay of options.overlays ?? []) {
      const change = overlay(t - start, sample);
      if (change) sample = { ...sample, ...change };
    }
    if (!options.drop?.(t - start, i)) samples.push(sample);
  }
  return samples;
}

/**
 * Eyelid closure as an EAR multiplier: 1 (open) down to `depth` over `closeMs`, held `holdMs`,
 * back up over `openMs`, starting at `startMs`.
 */
export function lidCurve(t: number, startMs: number, depth: number, closeMs = 70, holdMs = 60, openMs = 110): number {
  const u = t - startMs;
  if (u <= 0 || u >= closeMs + holdMs + openMs) return 1;
  if (u < closeMs) return 1 - (1 - depth) * (u / closeMs);
  if (u < closeMs + holdMs) return depth;
  return depth + (1 - depth) * ((u - closeMs - holdMs) / openMs);
}

/** An overlay that multiplies both eyes' EAR by `lidCurve` (or only the given eye). */
export function blinkAt(startMs: number, depth: number, timing: { closeMs?: number; holdMs?: number; openMs?: number; eye?: 'both' | 'left' | 'right' } = {}): TraceOverlay {
  return (t, base) => {
    const factor = lidCurve(t, startMs, depth, timing.closeMs, timing.holdMs, timing.openMs);
    if (factor === 1) return null;
    const eye = timing.eye ?? 'both';
    return {
      eyeAspectRatioLeft: eye === 'right' ? base.eyeAspectRatioLeft : (base.eyeAspectRatioLeft ?? 0) * factor,
      eyeAspectRatioRight: eye === 'left' ? base.eyeAspectRatioRight : (base.eyeAspectRatioRight ?? 0) * factor,
    };
  };
}

/** A smooth excursion of one angle: 0 → `peakDeg` over `rampMs`, held `holdMs`, back over `rampMs`. */
export function angleCurve(t: number, startMs: number, peakDeg: number, rampMs: number, holdMs: number): number {
  const u = t - startMs;
  if (u <= 0 || u >= 2 * rampMs + holdMs) return 0;
  if (u < rampMs) return peakDeg * (0.5 - 0.5 * Math.cos((Math.PI * u) / rampMs));
  if (u < rampMs + holdMs) return peakDeg;
  return peakDeg * (0.5 + 0.5 * Math.cos((Math.PI * (u - rampMs - holdMs)) / rampMs));
}

/** An overlay that adds a yaw (or pitch) excursion to the base angle. */
export function headExcursion(axis: 'yawDeg' | 'pitchDeg', startMs: number, peakDeg: number, rampMs = 400, holdMs = 400): TraceOverlay {
  return (t, base) => {
    const angle = angleCurve(t, startMs, peakDeg, rampMs, holdMs);
    return angle === 0 ? null : { [axis]: (base[axis] ?? 0) + angle };
  };
}

/** An overlay that sets MAR to `openMar` from `startMs` for `durationMs` (with 80 ms ramps). */
export function mouthOpenAt(startMs: number, durationMs: number, openMar: number): TraceOverlay {
  return (t) => {
    const u = t - startMs;
    if (u <= 0 || u >= durationMs) return null;
    const ramp = Math.min(1, u / 80, (durationMs - u) / 80);
    return { mouthAspectRatio: CLOSED_MAR + (openMar - CLOSED_MAR) * ramp };
  };
}

/** An overlay of speech-like mouth movement: MAR swinging up to `peakMar` at `syllablesPerSecond`. */
export function talking(startMs: number, durationMs: number, peakMar = 0.25, syllablesPerSecond = 4): TraceOverlay {
  return (t) => {
    const u = t - startMs;
    if (u <= 0 || u >= durationMs) return null;
    const phase = Math.sin(Math.PI * syllablesPerSecond * (u / 1000)) ** 2;
    return { mouthAspectRatio: CLOSED_MAR + (peakMar - CLOSED_MAR) * phase };
  };
}

/** An overlay active in `[fromMs, toMs)` only. */
export function during(fromMs: number, toMs: number, change: Partial<MetricSample>): TraceOverlay {
  return (t) => (t >= fromMs && t < toMs ? change : null);
}

/** Runs a detector-like `push` over samples and collects what it returns. */
export function collect<T>(samples: readonly MetricSample[], push: (sample: MetricSample) => T | null): T[] {
  const out: T[] = [];
  for (const sample of samples) {
    const result = push(sample);
    if (result) out.push(result);
  }
  return out;
}
