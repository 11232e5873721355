import type { ChallengeFailureReason } from '../challenges/challenge-failure-reason.js';
import type { GuardHint } from '../challenges/guard-hint.js';
import type { ChallengeStepKind } from '../protocol/challenge-plan.js';
import type { EvidenceBundle, StepOutcome } from '../protocol/evidence-bundle.js';

/** The verdict of a finished certification run, with its evidence for the server. */
export interface CertificationOutcome {
  /** The client's own verdict (advisory: the server decides with `@huoti/verify`). */
  readonly passed: boolean;
  /** Why it failed; absent when passed. */
  readonly reason?: ChallengeFailureReason;
  /** One outcome per step that ran, times in ms since `evidence.evidence.capturedAt`. */
  readonly steps: readonly StepOutcome[];
  /** The evidence bundle in the protocol's format, digest included. */
  readonly evidence: EvidenceBundle;
}

/** What {@link runCertification} reports, in order. */
export type CertificationEvent =
  /** Step `index` (0-based) of `total` started, or (for `readDigits`) revealed another digit. */
  | {
      readonly type: 'step';
      readonly index: number;
      readonly total: number;
      readonly kind: ChallengeStepKind;
      /** For `readDigits`: the digits revealed so far, in order; otherwise empty. */
      readonly revealedDigits: readonly number[];
    }
  /** The guards' hints changed; most important first, empty when all is well again. */
  | { readonly type: 'hints'; readonly hints: readonly GuardHint[] }
  /** The run is over; nothing follows. */
  | { readonly type: 'complete'; readonly outcome: CertificationOutcome };
