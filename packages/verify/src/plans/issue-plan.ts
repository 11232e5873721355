import { randomBytes, randomInt, sign } from 'node:crypto';
import {
  CHALLENGE_STEP_KINDS,
  DEFAULT_PROTOCOL_LIMITS,
  PLAN_FORMAT_VERSION,
  STRICTNESS_LEVELS,
  planSigningInput,
  resolveStrictnessLimits,
  validateChallengePlan,
  type ChallengePlan,
  type ChallengeStep,
  type ChallengeStepKind,
  type StrictnessLimits,
} from '@huoti/liveness/protocol';
import { VerifyError } from '../errors/verify-error.js';
import { importPrivateKey } from '../keys/key-input.js';
import type { PlanSigningKey } from '../keys/plan-signing-key.js';
import { resolvePlanPolicy, type PlanPacing, type PlanPolicy } from './plan-policy.js';

/** 18 random bytes: 144 bits, 24 base64url characters. */
const NONCE_BYTES = 18;

/** What {@link issuePlan} needs. */
export interface IssuePlanOptions {
  /** Signs the plan; its `keyId` goes into the plan. */
  readonly signingKey: PlanSigningKey;
  /** Overrides of {@link DEFAULT_PLAN_POLICY}. */
  readonly policy?: Partial<PlanPolicy>;
  /** Overrides of the plan strictness's limits (only `responseWindowEndMs` shapes a plan: the `readDigits` timeout). Pass the verifier's overrides. */
  readonly strictnessLimits?: Partial<StrictnessLimits>;
  /** The clock, epoch ms. Defaults to `Date.now`. */
  readonly now?: () => number;
  /**
   * `elderly` (what `<huoti-liveness elderly>` asks its plan provider for): every step's timeout is
   * scaled by `policy.elderlyTimeoutScale`, within the protocol's step limit. Default `standard`.
   */
  readonly pacing?: PlanPacing;
}

/**
 * Issues a signed challenge plan: distinct steps in random order (after a `faceMatch` step when the
 * policy requires a face match), random digits and reveal times for `readDigits`, a random nonce,
 * all from the CSPRNG (`node:crypto`), valid for `policy.planTtlMs`, signed with Ed25519 over
 * {@link planSigningInput}.
 *
 * @throws {VerifyError} INVALID_KEY when the signing key is not an Ed25519 private key.
 * @throws {VerifyError} INVALID_OPTIONS when the policy cannot produce a valid plan.
 */
export function issuePlan(options: IssuePlanOptions): ChallengePlan {
  const policy = resolvePlanPolicy(options.policy);
  checkPolicy(policy);
  if (options.pacing !== undefined && options.pacing !== 'standard' && options.pacing !== 'elderly') {
    throw new VerifyError('INVALID_OPTIONS', `unknown pacing "${String(options.pacing)}"`);
  }
  const profile = resolveStrictnessLimits(policy.strictness, options.strictnessLimits);
  checkReadDigitsFits(policy, profile);
  const privateKey = importPrivateKey(options.signingKey.privateKey);
  const nowMs = (options.now ?? Date.now)();

  const optional = shuffle(policy.stepKinds.filter((kind) => !policy.requiredStepKinds.includes(kind)));
  const actionKinds = shuffle([...policy.requiredStepKinds, ...optional.slice(0, policy.stepCount - policy.requiredStepKinds.length)]);
  // First, so the frontal capture comes before the actions move the head.
  const kinds: ChallengeStepKind[] = policy.shouldRequireFaceMatch ? ['faceMatch', ...actionKinds] : actionKinds;
  const unsigned: ChallengePlan = {
    version: PLAN_FORMAT_VERSION,
    nonce: randomBytes(NONCE_BYTES).toString('base64url'),
    issuedAt: new Date(nowMs).toISOString(),
    expiresAt: new Date(nowMs + policy.planTtlMs).toISOString(),
    strictness: policy.strictness,
    steps: withPacing(
      kinds.map((kind) => (kind === 'readDigits' ? readDigitsStep(policy, profile) : { kind })),
      options.pacing ?? 'standard',
      policy,
      profile,
    ),
    keyId: options.signingKey.keyId,
  };
  const signature = sign(null, Buffer.from(planSigningInput(unsigned), 'utf8'), privateKey).toString('base64url');
  const plan = { ...unsigned, signature };
  // The policy was checked, so this only fails on a bad keyId; say so rather than sign garbage.
  const check = validateChallengePlan(plan);
  if (!check.ok) throw new VerifyError('INVALID_OPTIONS', `issued plan is invalid: ${check.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`);
  return plan;
}

/**
 * Refuses a policy whose longest possible `readDigits` step (most digits, latest onsets) would
 * exceed the protocol's step timeout: checking only the plan drawn this time would make the
 * refusal depend on chance.
 */
function checkReadDigitsFits(policy: PlanPolicy, profile: StrictnessLimits): void {
  if (!policy.stepKinds.includes('readDigits')) return;
  const longestTimeoutMs =
    policy.firstDigitOnsetMaxMs + (policy.maxDigitCount - 1) * policy.digitIntervalMaxMs + profile.responseWindowEndMs + policy.readDigitsTailMs;
  if (longestTimeoutMs > DEFAULT_PROTOCOL_LIMITS.maxStepTimeoutMs) {
    throw new VerifyError(
      'INVALID_OPTIONS',
      `a readDigits step could last ${longestTimeoutMs} ms, over the protocol's ${DEFAULT_PROTOCOL_LIMITS.maxStepTimeoutMs} ms step limit`,
    );
  }
}

/**
 * `elderly`: each step's timeout (its own, else the strictness's) times `policy.elderlyTimeoutScale`,
 * capped at the protocol's step limit. The server then checks these longer timeouts, so the client
 * needs no local stretching.
 */
function withPacing(steps: ChallengeStep[], pacing: PlanPacing, policy: PlanPolicy, profile: StrictnessLimits): ChallengeStep[] {
  if (pacing !== 'elderly') return steps;
  const { maxStepTimeoutMs } = DEFAULT_PROTOCOL_LIMITS;
  return steps.map((step) => ({ ...step, timeoutMs: Math.min(maxStepTimeoutMs, Math.round((step.timeoutMs ?? profile.stepTimeoutMs) * policy.elderlyTimeoutScale)) }));
}

function readDigitsStep(policy: PlanPolicy, profile: StrictnessLimits): ChallengeStep {
  const count = randomInt(policy.minDigitCount, policy.maxDigitCount + 1);
  const digits = Array.from({ length: count }, () => randomInt(0, 10));
  const digitOnsetsMs: number[] = [randomInt(policy.firstDigitOnsetMinMs, policy.firstDigitOnsetMaxMs + 1)];
  while (digitOnsetsMs.length < count) {
    digitOnsetsMs.push((digitOnsetsMs.at(-1) as number) + randomInt(policy.digitIntervalMinMs, policy.digitIntervalMaxMs + 1));
  }
  const timeoutMs = (digitOnsetsMs.at(-1) as number) + profile.responseWindowEndMs + policy.readDigitsTailMs;
  return { kind: 'readDigits', digits, digitOnsetsMs, timeoutMs };
}

/** Fisher–Yates with the CSPRNG. */
function shuffle<T>(items: readonly T[]): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = randomInt(0, index + 1);
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

function checkPolicy(policy: PlanPolicy): void {
  const fail = (message: string): never => {
    throw new VerifyError('INVALID_OPTIONS', `plan policy: ${message}`);
  };
  if (!STRICTNESS_LEVELS.includes(policy.strictness)) fail(`unknown strictness "${String(policy.strictness)}"`);
  const kinds = new Set<ChallengeStepKind>(policy.stepKinds);
  if (kinds.size !== policy.stepKinds.length || [...kinds].some((kind) => !CHALLENGE_STEP_KINDS.includes(kind))) {
    fail('stepKinds must be distinct known kinds');
  }
  if (kinds.has('faceMatch')) fail('faceMatch is not an action step: set shouldRequireFaceMatch instead');
  if (typeof policy.shouldRequireFaceMatch !== 'boolean') fail('shouldRequireFaceMatch must be a boolean');
  if (policy.requiredStepKinds.some((kind) => !kinds.has(kind)) || new Set(policy.requiredStepKinds).size !== policy.requiredStepKinds.length) {
    fail('requiredStepKinds must be distinct and in stepKinds');
  }
  if (!Number.isInteger(policy.stepCount) || policy.stepCount < Math.max(1, policy.requiredStepKinds.length)) {
    fail('stepCount must be an integer ≥ 1 and ≥ the required steps');
  }
  const faceMatchSteps = policy.shouldRequireFaceMatch ? 1 : 0;
  if (policy.stepCount > kinds.size || policy.stepCount + faceMatchSteps > DEFAULT_PROTOCOL_LIMITS.maxSteps) fail('stepCount exceeds the available kinds');
  const { minDigits, maxDigits } = DEFAULT_PROTOCOL_LIMITS;
  if (!(Number.isInteger(policy.minDigitCount) && Number.isInteger(policy.maxDigitCount))) fail('digit counts must be integers');
  if (policy.minDigitCount < minDigits || policy.maxDigitCount > maxDigits || policy.minDigitCount > policy.maxDigitCount) {
    fail(`digit counts must satisfy ${minDigits} ≤ min ≤ max ≤ ${maxDigits}`);
  }
  const times = [
    policy.firstDigitOnsetMinMs,
    policy.firstDigitOnsetMaxMs,
    policy.digitIntervalMinMs,
    policy.digitIntervalMaxMs,
    policy.readDigitsTailMs,
    policy.planTtlMs,
  ];
  if (!times.every((time) => Number.isSafeInteger(time) && time >= 0)) fail('times must be non-negative integers (ms)');
  if (policy.firstDigitOnsetMinMs > policy.firstDigitOnsetMaxMs || policy.digitIntervalMinMs > policy.digitIntervalMaxMs) {
    fail('a min time exceeds its max');
  }
  if (policy.digitIntervalMinMs < 1 || policy.planTtlMs < 1) fail('digitIntervalMinMs and planTtlMs must be ≥ 1');
  if (!(Number.isFinite(policy.elderlyTimeoutScale) && policy.elderlyTimeoutScale >= 1)) fail('elderlyTimeoutScale must be a number ≥ 1');
}
