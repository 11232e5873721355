// `@huoti/liveness/protocol`: the data shared by the browser client and the server
// (`@huoti/verify`). Pure: no DOM, no worker, no node:*, safe to import in Node and browsers.
export {
  CHALLENGE_STEP_KINDS,
  PLAN_FORMAT_VERSION,
  STRICTNESS_LEVELS,
  requiresFaceMatch,
  type ChallengePlan,
  type ChallengeStep,
  type ChallengeStepKind,
  type Strictness,
} from './protocol/challenge-plan.js';
export {
  EVIDENCE_FORMAT_VERSION,
  METRIC_FRAME_FIELDS,
  type AudioClip,
  type BestFrame,
  type CaptureEnvironment,
  type Evidence,
  type EvidenceBundle,
  type FaceMatchDecisionCode,
  type FaceMatchMode,
  type FaceMatchRecord,
  type FaceMatchReferenceSource,
  type FaceMatchScore,
  type MetricFrame,
  type MetricTrace,
  type PlanarityEvidence,
  type PlanarityVerdict,
  type PresentationEvidence,
  type StepOutcome,
  type StepTrace,
  type VoicedSegment,
} from './protocol/evidence-bundle.js';
export { PLANARITY_EVIDENCE_BOUNDS } from './protocol/planarity-evidence-bounds.js';
export { canonicalJson } from './protocol/canonical-json.js';
export { digestEvidence, evidenceDigestInput } from './protocol/digest-evidence.js';
export { planSigningInput } from './protocol/plan-signing-input.js';
export { DEFAULT_STRICTNESS_LIMITS, resolveStrictnessLimits, type StrictnessLimits } from './protocol/strictness-limits.js';
export { DEFAULT_PROTOCOL_LIMITS, resolveProtocolLimits, type ProtocolLimits } from './protocol/protocol-limits.js';
export type { ProtocolIssue, ProtocolIssueCode, ValidationResult } from './protocol/protocol-issue.js';
export { validateChallengePlan } from './protocol/validate-challenge-plan.js';
export { validateEvidenceBundle } from './protocol/validate-evidence-bundle.js';
