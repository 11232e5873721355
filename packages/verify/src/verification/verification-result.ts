import type { PresentationEvidence, ProtocolIssue } from '@huoti/liveness/protocol';
import type { VerificationReason } from './verification-reason.js';

/** The server's decision on one evidence bundle. */
export interface VerificationResult {
  /** True only when `reasons` is empty. */
  readonly accepted: boolean;
  /** Every reason found, each once, in check order. */
  readonly reasons: readonly VerificationReason[];
  /** For `invalid_bundle`: where the structure is wrong (at most a few dozen). Empty otherwise. */
  readonly issues: readonly ProtocolIssue[];
  /** The plan's nonce, when the bundle was structurally valid: lets the portal tie the result to its session. */
  readonly nonce?: string;
  /**
   * The client's presentation-attack measurements (`evidence.presentation`), as sent and within
   * the protocol's bounds, for the portal's records. Measured signals, not claims: they are never
   * a reason (docs/benchmarks.md, "Presentation attacks: planarity", says why).
   */
  readonly presentation?: PresentationEvidence;
}
