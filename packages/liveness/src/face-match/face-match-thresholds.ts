import type { Strictness } from '../protocol/challenge-plan.js';

/**
 * Smallest cosine similarity between a live face and the reference that counts as the same person,
 * per strictness level. Stricter levels accept fewer impostors and reject more genuine users.
 */
export type FaceMatchThresholds = Readonly<Record<Strictness, number>>;

/**
 * Thresholds for `DEFAULT_FACE_EMBEDDING_MODEL` (faceres, aligned as in `face-embedding-model-spec.ts`).
 * PROVISIONAL until the measured ROC in docs/benchmarks.md ("Face match") replaces them.
 */
export const DEFAULT_FACE_MATCH_THRESHOLDS: FaceMatchThresholds = Object.freeze({
  loose: 0.5,
  standard: 0.6,
  strict: 0.7,
});

/** The thresholds with `overrides` applied; every value must lie in [−1, 1]. @throws {RangeError} otherwise. */
export function resolveFaceMatchThresholds(overrides: Partial<FaceMatchThresholds> = {}): FaceMatchThresholds {
  const thresholds = { ...DEFAULT_FACE_MATCH_THRESHOLDS, ...overrides };
  for (const [level, value] of Object.entries(thresholds)) {
    if (!(value >= -1 && value <= 1)) throw new RangeError(`face-match threshold for ${level} must lie in [-1, 1], got ${value}`);
  }
  return Object.freeze(thresholds);
}
