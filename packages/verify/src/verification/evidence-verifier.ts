import { verify as verifySignature, type KeyObject } from 'node:crypto';
import {
  digestEvidence,
  evidenceDigestInput,
  planSigningInput,
  resolveStrictnessLimits,
  validateEvidenceBundle,
  type EvidenceBundle,
  type MetricFrame,
  type ProtocolIssue,
  type Strictness,
  type StrictnessLimits,
} from '@huoti/liveness/protocol';
import { importPublicKey, type KeyInput } from '../keys/key-input.js';
import type { PlanSigningKey } from '../keys/plan-signing-key.js';
import type { NonceStore } from '../nonce/nonce-store.js';
import { checkFaceMatch } from './check-face-match.js';
import { checkMedia } from './check-media.js';
import { checkTrace } from './check-trace.js';
import type { VerificationReason } from './verification-reason.js';
import type { VerificationResult } from './verification-result.js';
import { resolveVerifierConfig, type VerifierConfig } from './verifier-config.js';

/** Ed25519 signatures are 64 bytes. */
const ED25519_SIGNATURE_BYTES = 64;

/** What a verifier needs: the keys plans may be signed with, the nonce store, and optionally a clock and limits. */
export interface EvidenceVerifierOptions extends Partial<VerifierConfig> {
  /** Public keys by key id (PEM, JWK or `KeyObject`); keep retired keys here until their plans expire. */
  readonly publicKeys?: Readonly<Record<string, KeyInput>>;
  /** The portal's own signing key (its `secret`): its public half is trusted under its key id. */
  readonly secret?: PlanSigningKey;
  /** Records each plan nonce once; share one store across a cluster. */
  readonly nonceStore: NonceStore;
  /** The clock, epoch ms. Defaults to `Date.now`. */
  readonly now?: () => number;
}

/**
 * Decides on evidence bundles. Build one per process (it imports the keys once) and call
 * {@link EvidenceVerifier.verify} per request.
 *
 * A bundle is accepted only when all of these hold: it parses within `maxBodyBytes` and is
 * structurally valid; its plan's signature verifies under a known key id; the capture lies within
 * the plan's validity and the bundle arrives within `submissionGraceMs` of expiry; the plan's nonce
 * was never consumed before; the digest matches the canonical serialisation; the client reports
 * success; the trace is consistent with the plan under the plan's strictness profile; media (when
 * present or required) decode as stated; a plan with a `faceMatch` step carries its face-match
 * record, and a client-side match decided `match`.
 *
 * The nonce is consumed as soon as the signature and freshness checks pass, whatever else fails:
 * one plan, one attempt.
 */
export class EvidenceVerifier {
  readonly #config: VerifierConfig;
  readonly #keys: ReadonlyMap<string, KeyObject>;
  readonly #nonceStore: NonceStore;
  readonly #now: () => number;
  readonly #limits: Readonly<Record<Strictness, StrictnessLimits>>;

  /** @throws {VerifyError} INVALID_KEY when a key is not an Ed25519 key. */
  constructor(options: EvidenceVerifierOptions) {
    const { publicKeys = {}, secret, nonceStore, now, ...config } = options;
    this.#config = resolveVerifierConfig(config);
    const keys = new Map<string, KeyObject>();
    for (const [keyId, key] of Object.entries(publicKeys)) keys.set(keyId, importPublicKey(key));
    if (secret) keys.set(secret.keyId, importPublicKey(secret.privateKey));
    this.#keys = keys;
    this.#nonceStore = nonceStore;
    this.#now = now ?? Date.now;
    const profile = (strictness: Strictness): StrictnessLimits =>
      resolveStrictnessLimits(strictness, this.#config.strictnessLimits[strictness]);
    this.#limits = { loose: profile('loose'), standard: profile('standard'), strict: profile('strict') };
  }

  /**
   * Verifies one bundle: the raw request body (string or bytes, size-checked before parsing) or an
   * already parsed value. Never throws and never rejects: every failure is a reason.
   */
  async verify(input: unknown): Promise<VerificationResult> {
    try {
      return await this.#verify(input);
    } catch {
      // Only a bug gets here (the checks never throw on data): fail closed, with a code to alert on.
      return { accepted: false, reasons: ['internal_error'], issues: [] };
    }
  }

  async #verify(input: unknown): Promise<VerificationResult> {
    const parsed = this.#parse(input);
    if ('reason' in parsed) return reject([parsed.reason]);
    const validation = validateEvidenceBundle(parsed.value, this.#config.limits);
    if (!validation.ok) return reject(['invalid_bundle'], validation.issues);
    const bundle = validation.value;
    const digestInput = evidenceDigestInput(bundle);
    if (typeof input !== 'string' && !(input instanceof Uint8Array) && Buffer.byteLength(digestInput) > this.#config.maxBodyBytes) {
      return reject(['body_too_large']);
    }

    const reasons = new Set<VerificationReason>();
    const report = (reason: VerificationReason): void => void reasons.add(reason);
    const { plan } = bundle.evidence;
    const isAuthentic = this.#checkSignature(bundle, report);
    const isFresh = this.#checkTimes(bundle, report);
    if (isAuthentic && isFresh) {
      const ttlMs = Date.parse(plan.expiresAt) + this.#config.submissionGraceMs - this.#now() + this.#config.clockSkewMs;
      try {
        if (!(await this.#nonceStore.consume(plan.nonce, Math.max(1, ttlMs)))) report('nonce_replayed');
      } catch {
        // The store's error goes nowhere else: the reason is the record, and we fail closed.
        report('nonce_store_unavailable');
      }
    }
    if ((await digestEvidence(bundle)) !== bundle.evidence.digest) report('digest_mismatch');
    if (!bundle.passed || bundle.steps.some((step) => !step.passed)) report('client_reported_failure');
    const profile = this.#limits[plan.strictness];
    checkTrace(bundle, profile, report);
    checkMedia(bundle, this.#config, profile.maxFrameGapMs, report);
    checkFaceMatch(bundle, report);
    const { presentation } = bundle.evidence;
    return { accepted: reasons.size === 0, reasons: [...reasons], issues: [], nonce: plan.nonce, ...(presentation ? { presentation } : {}) };
  }

  #parse(input: unknown): { value: unknown } | { reason: VerificationReason } {
    if (typeof input !== 'string' && !(input instanceof Uint8Array)) return { value: input };
    const byteLength = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
    if (byteLength > this.#config.maxBodyBytes) return { reason: 'body_too_large' };
    try {
      const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
      return { value: JSON.parse(text) as unknown };
    } catch {
      // Bad UTF-8 or bad JSON: the reason is where the error goes.
      return { reason: 'malformed_json' };
    }
  }

  #checkSignature(bundle: EvidenceBundle, report: (reason: VerificationReason) => void): boolean {
    const { plan } = bundle.evidence;
    const key = plan.keyId === undefined ? undefined : this.#keys.get(plan.keyId);
    if (!key) {
      report('unknown_key');
      return false;
    }
    const signature = plan.signature === undefined ? undefined : Buffer.from(plan.signature, 'base64url');
    const isValid =
      signature !== undefined &&
      signature.length === ED25519_SIGNATURE_BYTES &&
      signature.toString('base64url') === plan.signature &&
      verifySignature(null, Buffer.from(planSigningInput(plan), 'utf8'), key, signature);
    if (!isValid) report('bad_signature');
    return isValid;
  }

  /**
   * The plan must be valid now and when the capture ran: capture starts no earlier than issue (less
   * skew), no later than expiry; it does not end in the future; it arrives within the grace period.
   */
  #checkTimes(bundle: EvidenceBundle, report: (reason: VerificationReason) => void): boolean {
    const { plan, capturedAt, trace } = bundle.evidence;
    const { clockSkewMs, submissionGraceMs } = this.#config;
    const nowMs = this.#now();
    const issuedAtMs = Date.parse(plan.issuedAt);
    const expiresAtMs = Date.parse(plan.expiresAt);
    const captureStartMs = Date.parse(capturedAt);
    const captureEndMs = captureStartMs + (trace.frames.at(-1) as MetricFrame)[0];
    let isFresh = true;
    const fail = (reason: VerificationReason): void => {
      isFresh = false;
      report(reason);
    };
    if (nowMs < issuedAtMs - clockSkewMs || captureStartMs < issuedAtMs - clockSkewMs) fail('plan_not_yet_valid');
    if (captureStartMs > expiresAtMs || nowMs > expiresAtMs + submissionGraceMs) fail('plan_expired');
    if (captureEndMs > nowMs + clockSkewMs) fail('capture_time_implausible');
    return isFresh;
  }
}

function reject(reasons: readonly VerificationReason[], issues: readonly ProtocolIssue[] = []): VerificationResult {
  return { accepted: false, reasons, issues };
}
