import type { Strictness } from '@huoti/liveness/protocol';

/** Why a best frame could not be compared. Each counts as a frame that does not match. */
export type FrameComparisonProblem = 'undecodable' | 'no_face' | 'multiple_faces';

/** One best frame compared with the reference. */
export interface FrameComparison {
  /** The frame's `timeMs` from the evidence. */
  readonly timeMs: number;
  /** Cosine similarity with the reference (−1–1), or `null` when the frame could not be compared. */
  readonly similarity: number | null;
  readonly problem?: FrameComparisonProblem;
}

/**
 * The server's own face-match decision for an evidence bundle:
 * `match` when every best frame shows one face at or above the threshold; `mismatch` when any
 * frame is below it or cannot be compared; `no_frames` when the bundle carries no best frames
 * (the portal must enable them for a server-side comparison).
 */
export interface EvidenceFaceComparison {
  readonly decision: 'match' | 'mismatch' | 'no_frames';
  /** The embedding model's id, e.g. `faceres`. */
  readonly model: string;
  readonly strictness: Strictness;
  readonly threshold: number;
  /** One entry per best frame, in the bundle's order. */
  readonly frames: readonly FrameComparison[];
  /** Lowest similarity over the compared frames, `null` when none could be compared. */
  readonly minSimilarity: number | null;
}
