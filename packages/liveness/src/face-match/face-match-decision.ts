import type { Strictness } from '../protocol/challenge-plan.js';
import { DEFAULT_FACE_MATCH_THRESHOLDS, type FaceMatchThresholds } from './face-match-thresholds.js';

/** The outcome of comparing several live frames with one reference. */
export interface FaceMatchDecision {
  /** `true` when every compared frame reached the threshold. */
  readonly isMatch: boolean;
  readonly strictness: Strictness;
  /** The threshold applied (cosine similarity). */
  readonly threshold: number;
  /** One cosine similarity per compared frame, in the order given. */
  readonly similarities: readonly number[];
  readonly minSimilarity: number;
  readonly maxSimilarity: number;
}

/**
 * Decides whether the live frames show the reference person. Every frame must match, not just the
 * best one: the person must stay the matched person for the whole run, so one frame of somebody
 * else fails it. No frames means no match.
 */
export function decideFaceMatch(
  similarities: readonly number[],
  strictness: Strictness,
  thresholds: FaceMatchThresholds = DEFAULT_FACE_MATCH_THRESHOLDS,
): FaceMatchDecision {
  const threshold = thresholds[strictness];
  const minSimilarity = similarities.length > 0 ? Math.min(...similarities) : Number.NaN;
  const maxSimilarity = similarities.length > 0 ? Math.max(...similarities) : Number.NaN;
  return Object.freeze({
    isMatch: similarities.length > 0 && minSimilarity >= threshold,
    strictness,
    threshold,
    similarities: Object.freeze([...similarities]),
    minSimilarity,
    maxSimilarity,
  });
}
