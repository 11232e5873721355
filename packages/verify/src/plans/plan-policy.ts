import type { ChallengeStepKind, Strictness } from '@huoti/liveness/protocol';

/** How a portal wants its challenge plans built. */
export interface PlanPolicy {
  /** The strictness profile the plan names. */
  readonly strictness: Strictness;
  /** Steps a plan may draw from. */
  readonly stepKinds: readonly ChallengeStepKind[];
  /** Steps every plan contains (each must also be in `stepKinds`). */
  readonly requiredStepKinds: readonly ChallengeStepKind[];
  /** How many steps a plan has (distinct kinds, so at most `stepKinds.length`). */
  readonly stepCount: number;
  /** Fewest digits in a `readDigits` step (at least 3). */
  readonly minDigitCount: number;
  /** Most digits in a `readDigits` step (at most 6). */
  readonly maxDigitCount: number;
  /** The first digit is revealed at a random time in [`firstDigitOnsetMinMs`, `firstDigitOnsetMaxMs`] after the step starts. */
  readonly firstDigitOnsetMinMs: number;
  /** See `firstDigitOnsetMinMs`. */
  readonly firstDigitOnsetMaxMs: number;
  /** Each further digit is revealed a random [`digitIntervalMinMs`, `digitIntervalMaxMs`] after the previous one. */
  readonly digitIntervalMinMs: number;
  /** See `digitIntervalMinMs`. */
  readonly digitIntervalMaxMs: number;
  /** Time a `readDigits` step keeps running after the last digit's response window closes: the client decides up to 1.5 s after it (`decisionDelayMs`). */
  readonly readDigitsTailMs: number;
  /**
   * A plan issued with `pacing: 'elderly'` gets every step's timeout times this (≥ 1), capped at
   * the protocol's 60 s step limit. Digit reveal times are drawn as usual.
   */
  readonly elderlyTimeoutScale: number;
  /** How long a plan stays valid after it is issued. */
  readonly planTtlMs: number;
  /**
   * Require a 1:1 face match: every plan starts with a `faceMatch` step (the person looks at the
   * camera; the client compares the frame with the reference the portal enrolled, and re-checks the
   * best frame of every later step), on top of the `stepCount` action steps. `faceMatch` itself is
   * never drawn from `stepKinds`.
   */
  readonly shouldRequireFaceMatch: boolean;
}

/** The default policy: three steps, one of them reading 3–6 digits, standard strictness, 5-minute plans. Frozen. */
export const DEFAULT_PLAN_POLICY: PlanPolicy = Object.freeze({
  strictness: 'standard',
  stepKinds: Object.freeze(['blink', 'mouthOpen', 'turnLeft', 'turnRight', 'nod', 'readDigits'] as const),
  requiredStepKinds: Object.freeze(['readDigits'] as const),
  stepCount: 3,
  minDigitCount: 3,
  maxDigitCount: 6,
  firstDigitOnsetMinMs: 500,
  firstDigitOnsetMaxMs: 1_500,
  digitIntervalMinMs: 1_200,
  digitIntervalMaxMs: 2_200,
  readDigitsTailMs: 2_000,
  elderlyTimeoutScale: 1.5,
  planTtlMs: 5 * 60_000,
  shouldRequireFaceMatch: false,
} satisfies PlanPolicy);

/** How fast the person is asked to go: `elderly` (the element's `elderly` mode) gets longer step timeouts. */
export type PlanPacing = 'standard' | 'elderly';

/** {@link DEFAULT_PLAN_POLICY} with a portal's overrides applied. */
export function resolvePlanPolicy(overrides: Partial<PlanPolicy> = {}): PlanPolicy {
  return Object.freeze({ ...DEFAULT_PLAN_POLICY, ...overrides });
}
