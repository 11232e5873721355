import type { MetricSample } from '../challenges/metric-sample.js';
import type { MetricFrame } from '../protocol/evidence-bundle.js';
import { METRIC_FRAME_VALUE_BOUNDS } from '../protocol/metric-frame-bounds.js';

/** Decimal places kept per {@link METRIC_FRAME_FIELDS} column: enough for the verifier, small on the wire. */
export const METRIC_FRAME_DECIMALS = Object.freeze([1, 0, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2] as const);


const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
};

/**
 * `timestampMs` as ms since the trace's time zero `originMs` (both on the samples' clock), rounded
 * as frame times are; ≥ 0. Also for what the main thread adds to the evidence (best frames, audio).
 */
export function traceRelativeMs(timestampMs: number, originMs: number): number {
  return Math.max(0, round(timestampMs - originMs, METRIC_FRAME_DECIMALS[0]));
}

/**
 * One sample as a protocol {@link MetricFrame} at `timeMs` (ms since time zero): rounded, clamped
 * into the protocol's ranges, unmeasured values as 0, and every measurement 0 unless exactly one
 * face was found (as the protocol requires).
 */
export function encodeMetricFrame(sample: MetricSample, timeMs: number): MetricFrame {
  const isSingleFace = sample.faceCount === 1;
  const raw = [
    Math.max(0, Math.round(sample.faceCount)),
    sample.faceBox?.x,
    sample.faceBox?.y,
    sample.faceBox?.width,
    sample.faceBox?.height,
    sample.eyeAspectRatioLeft,
    sample.eyeAspectRatioRight,
    sample.mouthAspectRatio,
    sample.yawDeg,
    sample.pitchDeg,
    sample.rollDeg,
  ];
  const values = raw.map((value, index) => {
    if (index > 0 && !isSingleFace) return 0;
    const [min, max] = METRIC_FRAME_VALUE_BOUNDS[index] as readonly [number, number];
    const finite = typeof value === 'number' && Number.isFinite(value) ? value : 0;
    return round(Math.min(max, Math.max(min, finite)), METRIC_FRAME_DECIMALS[index + 1] ?? 4);
  });
  return [round(timeMs, METRIC_FRAME_DECIMALS[0]), ...values] as unknown as MetricFrame;
}

/**
 * Records the per-frame trace of a session in the protocol's compact tuple form. Time zero is the
 * first sample's time; a sample whose rounded time does not move forward is left out, because the
 * protocol wants strictly increasing frame times.
 */
export class MetricTraceRecorder {
  readonly #frames: MetricFrame[] = [];
  readonly #samples: MetricSample[] = [];
  #originMs: number | null = null;

  /** The first sample's time on the samples' clock (ms); `null` before any sample. */
  get originMs(): number | null {
    return this.#originMs;
  }

  /** The frames recorded so far. */
  get frames(): readonly MetricFrame[] {
    return this.#frames;
  }

  /** The samples behind {@link frames}, one per frame, on their own clock. */
  get samples(): readonly MetricSample[] {
    return this.#samples;
  }

  /** Adds one sample. @returns whether it was recorded (its time moved forward). */
  add(sample: MetricSample): boolean {
    if (!Number.isFinite(sample.timestampMs)) return false;
    this.#originMs ??= sample.timestampMs;
    const frame = encodeMetricFrame(sample, sample.timestampMs - this.#originMs);
    const previous = this.#frames.at(-1);
    if (frame[0] < 0 || (previous && frame[0] <= previous[0])) return false;
    this.#frames.push(frame);
    this.#samples.push(sample);
    return true;
  }

  /** `timestampMs` (samples' clock) as ms since time zero, rounded as frame times are; ≥ 0. */
  relativeMs(timestampMs: number): number {
    return traceRelativeMs(timestampMs, this.#originMs ?? timestampMs);
  }
}
