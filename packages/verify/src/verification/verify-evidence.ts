import { EvidenceVerifier, type EvidenceVerifierOptions } from './evidence-verifier.js';
import type { VerificationResult } from './verification-result.js';

/**
 * Verifies one evidence bundle (raw body or parsed value) — see {@link EvidenceVerifier} for what
 * is checked. Imports the keys on every call; a server should build one `EvidenceVerifier` instead.
 * Never rejects on hostile input: every failure is a reason in the result.
 *
 * @throws {VerifyError} INVALID_KEY (as a rejection) when a configured key is not an Ed25519 key.
 */
export async function verifyEvidence(evidence: unknown, options: EvidenceVerifierOptions): Promise<VerificationResult> {
  return new EvidenceVerifier(options).verify(evidence);
}
