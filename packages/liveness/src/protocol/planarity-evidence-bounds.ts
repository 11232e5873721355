/**
 * Accepted ranges of `Evidence.presentation.planarity`: generous, they only keep the numbers
 * physical. The client clamps to them and the server rejects values outside them.
 */
export const PLANARITY_EVIDENCE_BOUNDS = Object.freeze({
  /** Largest motion or residual ratio (of the face scale): a face cannot move 10× its size in 200 ms. */
  maxRatio: 10,
  /** Verdicts the protocol knows. */
  verdicts: Object.freeze(['insufficient_motion', 'planar', 'non_planar'] as const),
});
