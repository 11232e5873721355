import type { ChallengePlan, ChallengeStep, ChallengeStepKind, Strictness } from '../protocol/challenge-plan.js';
import { DEFAULT_PROTOCOL_LIMITS } from '../protocol/protocol-limits.js';
import { resolveStrictnessProfile } from './strictness-profiles.js';

/** Fills `bytes` with random values, like `crypto.getRandomValues`. */
export type RandomBytesSource = (bytes: Uint8Array) => Uint8Array;

/** Settings of {@link createLocalPlan}; times in ms. */
export interface LocalPlanConfig {
  /** The plan expires this long after `now`, in ms. */
  readonly timeToLiveMs: number;
  /** Fewest digits in a read-digits step. */
  readonly minDigits: number;
  /** Most digits in a read-digits step. */
  readonly maxDigits: number;
  /** The first digit is revealed between these times after the step starts, in ms. */
  readonly firstRevealMs: readonly [number, number];
  /** Each further digit is revealed this long after the previous one, in ms (uniform in the range). */
  readonly revealGapMs: readonly [number, number];
  /** Bytes of the nonce (before base64url). */
  readonly nonceBytes: number;
  /** Step kinds used when `steps` is not given (their order is shuffled). */
  readonly defaultSteps: readonly ChallengeStepKind[];
  /** With `pacing: 'elderly'`, every step's timeout is its usual one times this (capped at the protocol's step limit). */
  readonly elderlyTimeoutScale: number;
}

/** `elderly`: longer step timeouts written into the plan (the server checks the plan's own). Reveal times do not change. */
export type LocalPlanPacing = 'standard' | 'elderly';

/**
 * Defaults: 2-minute lifetime, 3–6 digits, first reveal after 0.8–2.5 s, then every 1.2–3.6 s. The
 * wide gap range is what makes a replayed recording miss a new schedule's response windows.
 */
export const DEFAULT_LOCAL_PLAN_CONFIG: LocalPlanConfig = Object.freeze({
  timeToLiveMs: 120_000,
  minDigits: 3,
  maxDigits: 6,
  firstRevealMs: Object.freeze([800, 2500] as const),
  revealGapMs: Object.freeze([1200, 3600] as const),
  nonceBytes: 16,
  defaultSteps: Object.freeze(['blink', 'mouthOpen', 'readDigits'] as const),
  elderlyTimeoutScale: 1.5,
});

/** Options of {@link createLocalPlan}. */
export interface LocalPlanOptions {
  /** Step kinds to include (shuffled); default {@link LocalPlanConfig.defaultSteps}. */
  readonly steps?: readonly ChallengeStepKind[];
  /** Default `standard`. */
  readonly strictness?: Strictness;
  /**
   * Put a `faceMatch` step first (look at the camera; the frame is compared with the enrolled
   * reference, and every later step's best frame is re-checked). Default false.
   */
  readonly shouldRequireFaceMatch?: boolean;
  /** Default `standard`; `elderly` writes longer `timeoutMs` into every step. */
  readonly pacing?: LocalPlanPacing;
  /** Current time, in ms since the Unix epoch. */
  readonly now: number;
  /** Randomness; default `crypto.getRandomValues`. Inject a seeded source in tests. */
  readonly random?: RandomBytesSource;
  /** Overrides of {@link DEFAULT_LOCAL_PLAN_CONFIG}. */
  readonly config?: Partial<LocalPlanConfig>;
}

/**
 * A challenge plan made on the device, **for development only**: it is unsigned, so a verifier
 * must not accept evidence made with it. Draws a random step order, 3–6 random digits and random
 * reveal times with `crypto.getRandomValues` (or the injected source).
 */
export function createLocalPlan(options: LocalPlanOptions): ChallengePlan {
  const config: LocalPlanConfig = { ...DEFAULT_LOCAL_PLAN_CONFIG, ...options.config };
  const random: RandomBytesSource = options.random ?? ((bytes) => globalThis.crypto.getRandomValues(bytes));
  const integer = (min: number, max: number): number => randomInteger(random, min, max);

  const kinds = [...(options.steps ?? config.defaultSteps)];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = integer(0, i);
    [kinds[i], kinds[j]] = [kinds[j] as ChallengeStepKind, kinds[i] as ChallengeStepKind];
  }
  const actionSteps: ChallengeStep[] = kinds.map((kind) => {
    if (kind !== 'readDigits') return { kind };
    const count = integer(config.minDigits, config.maxDigits);
    const digits = Array.from({ length: count }, () => integer(0, 9));
    const digitOnsetsMs: number[] = [];
    let onset = integer(config.firstRevealMs[0], config.firstRevealMs[1]);
    for (let i = 0; i < count; i++) {
      digitOnsetsMs.push(onset);
      onset += integer(config.revealGapMs[0], config.revealGapMs[1]);
    }
    return { kind, digits, digitOnsetsMs };
  });
  // First, so the frontal capture comes before the actions move the head.
  const hasFaceMatch = actionSteps.some((step) => step.kind === 'faceMatch');
  const steps: ChallengeStep[] = options.shouldRequireFaceMatch && !hasFaceMatch ? [{ kind: 'faceMatch' }, ...actionSteps] : actionSteps;

  return {
    version: 1,
    nonce: base64Url(random(new Uint8Array(config.nonceBytes))),
    issuedAt: new Date(options.now).toISOString(),
    expiresAt: new Date(options.now + config.timeToLiveMs).toISOString(),
    strictness: options.strictness ?? 'standard',
    steps: options.pacing === 'elderly' ? withScaledTimeouts(steps, options.strictness ?? 'standard', config.elderlyTimeoutScale) : steps,
  };
}

/**
 * Each step with `timeoutMs` = its usual timeout × `scale`, at most the protocol's step limit. The
 * usual timeout is the strictness profile's; for `readDigits` at least the time until the last
 * digit's response window closes and the decision is made.
 */
function withScaledTimeouts(steps: readonly ChallengeStep[], strictness: Strictness, scale: number): ChallengeStep[] {
  const profile = resolveStrictnessProfile(strictness);
  return steps.map((step) => {
    const lastOnsetMs = step.digitOnsetsMs?.at(-1);
    const readDigitsMs = lastOnsetMs === undefined ? 0 : lastOnsetMs + profile.readDigits.responseWindowEndMs + profile.readDigits.decisionDelayMs;
    const usualMs = step.timeoutMs ?? Math.max(profile.timeouts.stepTimeoutMs, readDigitsMs);
    return { ...step, timeoutMs: Math.min(DEFAULT_PROTOCOL_LIMITS.maxStepTimeoutMs, Math.round(usualMs * scale)) };
  });
}

/** Uniform integer in `[min, max]` by rejection sampling 32-bit values (no modulo bias). */
function randomInteger(random: RandomBytesSource, min: number, max: number): number {
  const range = max - min + 1;
  const limit = Math.floor(0x1_0000_0000 / range) * range;
  const bytes = new Uint8Array(4);
  for (;;) {
    random(bytes);
    const value = ((bytes[0] ?? 0) * 0x100_0000 + ((bytes[1] ?? 0) << 16) + ((bytes[2] ?? 0) << 8) + (bytes[3] ?? 0)) >>> 0;
    if (value < limit) return min + (value % range);
  }
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
