import {
  DEFAULT_PROTOCOL_LIMITS,
  type ProtocolLimits,
  type Strictness,
  type StrictnessLimits,
} from '@huoti/liveness/protocol';

/** How strictly a portal's server checks bundles, beyond the plan's own strictness profile. */
export interface VerifierConfig {
  /** Largest request body, or canonical serialisation of an already parsed bundle (bytes). */
  readonly maxBodyBytes: number;
  /** Tolerated difference between the client's clock and the server's (ms). */
  readonly clockSkewMs: number;
  /** How long after `expiresAt` a bundle may still arrive (ms): covers the capture and the upload. */
  readonly submissionGraceMs: number;
  /** Reject bundles without best frames. */
  readonly shouldRequireBestFrames: boolean;
  /** Reject `readDigits` bundles without the audio clip. */
  readonly shouldRequireAudio: boolean;
  /** Structural bounds. */
  readonly limits: ProtocolLimits;
  /** Per-strictness overrides of `DEFAULT_STRICTNESS_LIMITS`. */
  readonly strictnessLimits: Readonly<Partial<Record<Strictness, Partial<StrictnessLimits>>>>;
}

/** 3 MiB bodies, 30 s clock skew, 2 minutes to submit after expiry, media optional. Frozen. */
export const DEFAULT_VERIFIER_CONFIG: VerifierConfig = Object.freeze({
  maxBodyBytes: 3 * 1024 * 1024,
  clockSkewMs: 30_000,
  submissionGraceMs: 120_000,
  shouldRequireBestFrames: false,
  shouldRequireAudio: false,
  limits: DEFAULT_PROTOCOL_LIMITS,
  strictnessLimits: Object.freeze({}),
});

/** {@link DEFAULT_VERIFIER_CONFIG} with overrides applied. */
export function resolveVerifierConfig(overrides: Partial<VerifierConfig> = {}): VerifierConfig {
  return Object.freeze({ ...DEFAULT_VERIFIER_CONFIG, ...overrides });
}
