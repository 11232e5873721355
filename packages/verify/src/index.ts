export { VERSION } from './version.js';
export { VerifyError } from './errors/verify-error.js';
export type { VerifyErrorCode } from './errors/verify-error-code.js';
export { importPrivateKey, importPublicKey, type KeyInput } from './keys/key-input.js';
export type { PlanSigningKey } from './keys/plan-signing-key.js';
export { generatePlanSigningKey, type GeneratedPlanSigningKey } from './keys/generate-plan-signing-key.js';
export { DEFAULT_PLAN_POLICY, resolvePlanPolicy, type PlanPacing, type PlanPolicy } from './plans/plan-policy.js';
export { issuePlan, type IssuePlanOptions } from './plans/issue-plan.js';
export type { NonceStore } from './nonce/nonce-store.js';
export {
  DEFAULT_MEMORY_NONCE_STORE_CONFIG,
  MemoryNonceStore,
  type MemoryNonceStoreConfig,
} from './nonce/memory-nonce-store.js';
export {
  DEFAULT_REDIS_NONCE_STORE_CONFIG,
  RedisNonceStore,
  type RedisNonceStoreConfig,
} from './nonce/redis-nonce-store.js';
export { VERIFICATION_REASONS, type VerificationReason } from './verification/verification-reason.js';
export type { VerificationResult } from './verification/verification-result.js';
export { DEFAULT_VERIFIER_CONFIG, resolveVerifierConfig, type VerifierConfig } from './verification/verifier-config.js';
export { EvidenceVerifier, type EvidenceVerifierOptions } from './verification/evidence-verifier.js';
export { verifyEvidence } from './verification/verify-evidence.js';
