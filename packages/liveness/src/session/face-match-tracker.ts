import type { MetricSample } from '../challenges/metric-sample.js';
import type { EnrolledFaceReference } from '../engine/face-reference.js';
import { cosineSimilarity } from '../face-match/cosine-similarity.js';
import type { FaceMatchRecord, FaceMatchScore } from '../protocol/evidence-bundle.js';
import { scoreBestFrame } from './best-frame-selection.js';
import type { CertificationConfig } from './certification-config.js';

/** Similarities are kept to this many decimals, and the decision is made on the kept value. */
const SIMILARITY_DECIMALS = 4;

/** A checked frame, on the samples' clock. */
interface CheckedFrame {
  readonly timestampMs: number;
  readonly similarity: number;
}

/** What one step's checks have seen so far. */
interface StepChecks {
  count: number;
  lastCheckMs: number;
  /** Best-frame score of the best frame checked. */
  bestQuality: number;
  /** The least similar frame checked: the step's score in the evidence. */
  lowest: CheckedFrame;
}

/**
 * The face-match side of a certification run over a plan with a `faceMatch` step. It picks which
 * frames to embed (best-frame candidates only: the first of each step, then at most
 * `faceMatchMaxChecksPerStep` clearly better ones, spaced in time), compares each embedding with
 * the enrolled reference, says when one falls below the threshold (the run then fails with
 * `FACE_MISMATCH`), and builds the evidence's {@link FaceMatchRecord}: one score per step, its
 * least similar checked frame. Without a reference it checks nothing and records `mode: 'none'`.
 */
export class FaceMatchTracker {
  readonly #reference: EnrolledFaceReference | null;
  readonly #threshold: number;
  readonly #config: CertificationConfig;
  readonly #steps = new Map<number, StepChecks>();

  /**
   * @param reference The enrolled reference, or `null` for liveness only.
   * @param threshold Smallest cosine similarity that counts as the same person (−1–1).
   */
  constructor(reference: EnrolledFaceReference | null, threshold: number, config: CertificationConfig) {
    this.#reference = reference;
    this.#threshold = threshold;
    this.#config = config;
  }

  /** Whether a reference is enrolled, so frames are compared. */
  get hasReference(): boolean {
    return this.#reference !== null;
  }

  /** Whether the frame of `sample`, shown during step `stepIndex`, should be embedded and compared. */
  shouldCheck(stepIndex: number, sample: MetricSample): boolean {
    if (!this.#reference) return false;
    const quality = scoreBestFrame(sample, this.#config);
    if (quality === null) return false;
    const checks = this.#steps.get(stepIndex);
    if (!checks) return true;
    return (
      checks.count < this.#config.faceMatchMaxChecksPerStep &&
      sample.timestampMs - checks.lastCheckMs >= this.#config.faceMatchMinCheckIntervalMs &&
      quality >= checks.bestQuality * this.#config.faceMatchMinQualityGainRatio
    );
  }

  /**
   * Compares the embedding of the frame of `sample` (step `stepIndex`) with the reference.
   *
   * @returns whether it is below the threshold: the face is not the enrolled person.
   */
  check(stepIndex: number, sample: MetricSample, embedding: Float32Array): boolean {
    if (!this.#reference) return false;
    const raw = cosineSimilarity(this.#reference.embedding, embedding);
    const similarity = roundTo(Math.min(1, Math.max(-1, raw)), SIMILARITY_DECIMALS);
    const frame = { timestampMs: sample.timestampMs, similarity };
    const quality = scoreBestFrame(sample, this.#config) ?? 0;
    const checks = this.#steps.get(stepIndex);
    if (checks) {
      checks.count += 1;
      checks.lastCheckMs = sample.timestampMs;
      checks.bestQuality = Math.max(checks.bestQuality, quality);
      if (similarity < checks.lowest.similarity) checks.lowest = frame;
    } else {
      this.#steps.set(stepIndex, { count: 1, lastCheckMs: sample.timestampMs, bestQuality: quality, lowest: frame });
    }
    return similarity < this.#threshold;
  }

  /** Whether a frame of step `stepIndex` was compared. */
  hasChecked(stepIndex: number): boolean {
    return this.#steps.has(stepIndex);
  }

  /** The evidence record; `relativeMs` turns sample times into ms since `capturedAt`. */
  record(relativeMs: (timestampMs: number) => number): FaceMatchRecord {
    const reference = this.#reference;
    if (!reference) return { mode: 'none', scores: [], decision: 'not_checked' };
    const scores: FaceMatchScore[] = [...this.#steps.entries()]
      .map(([stepIndex, checks]) => ({ timeMs: relativeMs(checks.lowest.timestampMs), stepIndex, similarity: checks.lowest.similarity }))
      .sort((a, b) => a.timeMs - b.timeMs || a.stepIndex - b.stepIndex);
    const decision = scores.length === 0 ? 'not_checked' : scores.every((s) => s.similarity >= this.#threshold) ? 'match' : 'mismatch';
    return { mode: 'reference', referenceSource: reference.source, model: reference.model, threshold: this.#threshold, scores, decision };
  }
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
