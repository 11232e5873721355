/** How demanding the detectors are; each level is a named strictness profile. */
export type Strictness = 'loose' | 'standard' | 'strict';

/**
 * The actions a person can be asked to perform. `faceMatch` asks them to look straight at the
 * camera and hold still: a frontal, sharp frame is compared with the reference the portal enrolled,
 * and a plan with this step also re-checks the best frame of every other step (the face must stay
 * the matched person for the whole run). At most one per plan.
 */
export type ChallengeStepKind = 'blink' | 'mouthOpen' | 'turnLeft' | 'turnRight' | 'nod' | 'readDigits' | 'faceMatch';

/** One step of a challenge plan. */
export interface ChallengeStep {
  readonly kind: ChallengeStepKind;
  /** For `readDigits`: 3–6 digits, each `0`–`9`. */
  readonly digits?: readonly number[];
  /** For `readDigits`: when each digit is revealed, in ms after the step starts (chosen by the server). */
  readonly digitOnsetsMs?: readonly number[];
  /** Overrides the strictness profile's step timeout, in ms. */
  readonly timeoutMs?: number;
}

/**
 * A challenge plan: plain JSON. In production the server issues and signs it (`@huoti/verify`);
 * the client treats `signature` and `keyId` as opaque.
 */
export interface ChallengePlan {
  /** Plan format version. */
  readonly version: 1;
  /** Single-use random value, base64url. */
  readonly nonce: string;
  /** ISO-8601 instant. */
  readonly issuedAt: string;
  /** ISO-8601 instant; a plan past it is refused before the camera starts. */
  readonly expiresAt: string;
  readonly strictness: Strictness;
  readonly steps: readonly ChallengeStep[];
  /** Identifies the signing key, so keys can rotate. */
  readonly keyId?: string;
  /** Base64url Ed25519 signature over the canonical serialisation of every other field. */
  readonly signature?: string;
}

/** The plan format version this protocol defines (`ChallengePlan.version`). */
export const PLAN_FORMAT_VERSION = 1;

/** Every step kind, in a fixed order (for validation and for a portal's step mix). */
export const CHALLENGE_STEP_KINDS: readonly ChallengeStepKind[] = Object.freeze([
  'blink',
  'mouthOpen',
  'turnLeft',
  'turnRight',
  'nod',
  'readDigits',
  'faceMatch',
] as const);

/** Every strictness level, loosest first. */
export const STRICTNESS_LEVELS: readonly Strictness[] = Object.freeze(['loose', 'standard', 'strict'] as const);

/** Whether `plan` requires a 1:1 face match: it has a `faceMatch` step. */
export function requiresFaceMatch(plan: Pick<ChallengePlan, 'steps'>): boolean {
  return plan.steps.some((step) => step.kind === 'faceMatch');
}
