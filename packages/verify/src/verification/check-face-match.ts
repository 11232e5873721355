import { requiresFaceMatch, type EvidenceBundle } from '@huoti/liveness/protocol';
import type { VerificationReason } from './verification-reason.js';

/**
 * Internal: the face-match record of a plan with a `faceMatch` step. The record must be there; with
 * a client reference (`mode: 'reference'`) it must hold a score for the `faceMatch` step, name only
 * the plan's steps and decide `match`; without one (`mode: 'none'`, liveness only) the bundle must
 * carry best frames, so the portal can compare them with its own reference
 * (`@huoti/verify/face-match`). The validator has already checked that the decision follows from
 * the scores and the stated threshold; the scores themselves are the client's claim.
 */
export function checkFaceMatch(bundle: EvidenceBundle, report: (reason: VerificationReason) => void): void {
  const { plan, faceMatch, bestFrames } = bundle.evidence;
  if (!requiresFaceMatch(plan)) return;
  if (!faceMatch) {
    report('face_match_missing');
    return;
  }
  if (faceMatch.mode === 'none') {
    if (!bestFrames || bestFrames.length === 0) report('face_match_missing');
    return;
  }
  if (faceMatch.scores.some((score) => score.stepIndex >= plan.steps.length)) report('steps_mismatch');
  const faceMatchStepIndex = plan.steps.findIndex((step) => step.kind === 'faceMatch');
  if (!faceMatch.scores.some((score) => score.stepIndex === faceMatchStepIndex)) report('face_match_missing');
  if (faceMatch.decision !== 'match') report('face_mismatch');
}
