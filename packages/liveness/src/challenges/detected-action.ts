import type { ChallengeStepKind } from '../protocol/challenge-plan.js';

/** An action a detector recognised, with the time span it covered on the samples' clock. */
export interface DetectedAction {
  /** The action recognised. */
  readonly kind: ChallengeStepKind;
  /** Last sample before the action began (the earliest it can have started), in ms. */
  readonly startMs: number;
  /** First sample after it ended (for example the eyes reopened, the head back frontal), in ms. */
  readonly endMs: number;
}
