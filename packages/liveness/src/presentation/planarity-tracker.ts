import type { PlanarityEvidence } from '../protocol/evidence-bundle.js';
import { PLANARITY_EVIDENCE_BOUNDS } from '../protocol/planarity-evidence-bounds.js';
import { measurePlanarPair, type PlanarPairMeasurement } from './measure-planar-pair.js';
import type { PlanarPoint } from './planar-point.js';
import { resolvePlanarityConfig, type PlanarityConfig } from './planarity-config.js';

interface TrackedFrame {
  readonly timestampMs: number;
  readonly points: readonly PlanarPoint[];
}

/** Decimal places of the ratios in the summary: enough to tell 0.001 apart, small on the wire. */
const SUMMARY_DECIMALS = 4;

const round = (value: number): number => {
  const factor = 10 ** SUMMARY_DECIMALS;
  return Math.round(value * factor) / factor;
};

/** Value at quantile `q` (0–1, nearest rank) of ascending `sorted`; 0 when empty. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/**
 * Accumulates the planarity signal over a run: each frame's stable landmarks are compared with
 * those of a frame about `pairSpacingMs` earlier, and {@link summary} says how well one plane
 * explains the moves. A picture (print, screen) moved in front of the camera moves as a plane; a
 * live face turns in depth and blinks and speaks. Holds at most `maxHistoryFrames` frames; each
 * `add` fits one homography on a few dozen points (microseconds).
 */
export class PlanarityTracker {
  readonly #config: PlanarityConfig;
  readonly #history: TrackedFrame[] = [];
  readonly #motions: number[] = [];
  readonly #residuals: number[] = [];
  readonly #residualsToMotion: number[] = [];
  #framePairs = 0;
  #unmeasurablePairs = 0;

  constructor(config: Partial<PlanarityConfig> = {}) {
    this.#config = resolvePlanarityConfig(config);
  }

  /**
   * Adds one analysed frame. `points` are the {@link STABLE_LANDMARK_INDICES} of the one face in
   * the frame, or `null` when there is not exactly one face (the pairing starts over, so two
   * different faces are never compared).
   *
   * @returns the measurement of the pair this frame closed, or `null` when it closed none.
   */
  add(timestampMs: number, points: readonly PlanarPoint[] | null): PlanarPairMeasurement | null {
    if (points === null || !Number.isFinite(timestampMs)) {
      this.#history.length = 0;
      return null;
    }
    const { pairSpacingMs, maxPairSpacingMs, maxHistoryFrames, historyIntervalMs } = this.#config;
    while (this.#history.length > 0 && (this.#history[0] as TrackedFrame).timestampMs < timestampMs - maxPairSpacingMs) {
      this.#history.shift();
    }
    let earlier: TrackedFrame | undefined;
    for (let i = this.#history.length - 1; i >= 0; i--) {
      const frame = this.#history[i] as TrackedFrame;
      if (frame.timestampMs <= timestampMs - pairSpacingMs) {
        earlier = frame;
        break;
      }
    }
    const last = this.#history.at(-1);
    if (!last || timestampMs >= last.timestampMs + historyIntervalMs) {
      this.#history.push({ timestampMs, points });
      if (this.#history.length > maxHistoryFrames) this.#history.shift();
    }
    if (!earlier) return null;
    const measurement = measurePlanarPair(earlier.points, points, this.#config);
    this.#record(measurement);
    return measurement;
  }

  #record(measurement: PlanarPairMeasurement): void {
    if (measurement.kind === 'unmeasurable') {
      this.#unmeasurablePairs += 1;
      return;
    }
    this.#framePairs += 1;
    this.#motions.push(measurement.motionRatio);
    if (measurement.kind === 'moving') {
      this.#residuals.push(measurement.residualRatio);
      this.#residualsToMotion.push(measurement.residualRatio / measurement.motionRatio);
    }
  }

  /** Pairs that could not be measured (too few finite points, degenerate geometry). */
  get unmeasurablePairs(): number {
    return this.#unmeasurablePairs;
  }

  /** What the run measured, rounded and clamped into the protocol's bounds (the evidence's `presentation.planarity`). */
  summary(): PlanarityEvidence {
    const residuals = [...this.#residuals].sort((a, b) => a - b);
    const motions = [...this.#motions].sort((a, b) => a - b);
    const medianResidualToMotion = quantile([...this.#residualsToMotion].sort((a, b) => a - b), 0.5);
    const { maxRatio } = PLANARITY_EVIDENCE_BOUNDS;
    const ratio = (value: number): number => round(Math.min(maxRatio, Math.max(0, value)));
    const verdict =
      residuals.length < this.#config.minMovingPairs
        ? 'insufficient_motion'
        : medianResidualToMotion <= this.#config.planarMaxResidualToMotion
          ? 'planar'
          : 'non_planar';
    return {
      framePairs: this.#framePairs,
      movingPairs: residuals.length,
      medianMotion: ratio(quantile(motions, 0.5)),
      medianResidual: ratio(quantile(residuals, 0.5)),
      p90Residual: ratio(quantile(residuals, 0.9)),
      medianResidualToMotion: ratio(medianResidualToMotion),
      verdict,
    };
  }
}
