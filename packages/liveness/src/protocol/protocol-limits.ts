/**
 * Size bounds of plans and evidence bundles. A structurally valid value stays within them, so a
 * server's work per request is bounded whatever a client sends.
 */
export interface ProtocolLimits {
  /** Most steps in one plan. */
  readonly maxSteps: number;
  /** Fewest digits in a `readDigits` step. */
  readonly minDigits: number;
  /** Most digits in a `readDigits` step. */
  readonly maxDigits: number;
  /** Largest `timeoutMs` a plan step may carry (ms). */
  readonly maxStepTimeoutMs: number;
  /** Longest capture a trace may describe (ms). */
  readonly maxTraceDurationMs: number;
  /** Most frames in a trace. */
  readonly maxFrames: number;
  /** Most detected events per step. */
  readonly maxEventsPerStep: number;
  /** Most voiced segments per step. */
  readonly maxVoicedSegmentsPerStep: number;
  /** Most best frames. */
  readonly maxBestFrames: number;
  /** Largest decoded best-frame JPEG (bytes). */
  readonly maxBestFrameBytes: number;
  /** Largest best-frame width or height (px). */
  readonly maxBestFrameSidePx: number;
  /** Largest decoded audio clip (bytes): 30 s of 16 kHz 16-bit mono and a header. */
  readonly maxAudioBytes: number;
  /** Longest free-text field (nonce, key id, reason, backend, version) in UTF-16 units. */
  readonly maxShortStringLength: number;
  /** Longest `environment.userAgent` in UTF-16 units. */
  readonly maxUserAgentLength: number;
}

/** The limits every Huoti component uses unless configured otherwise. Frozen. */
export const DEFAULT_PROTOCOL_LIMITS: ProtocolLimits = Object.freeze({
  maxSteps: 8,
  minDigits: 3,
  maxDigits: 6,
  maxStepTimeoutMs: 60_000,
  maxTraceDurationMs: 300_000,
  maxFrames: 6_000,
  maxEventsPerStep: 16,
  maxVoicedSegmentsPerStep: 32,
  maxBestFrames: 3,
  maxBestFrameBytes: 50 * 1024,
  maxBestFrameSidePx: 4_096,
  maxAudioBytes: 30 * 16_000 * 2 + 1_024,
  maxShortStringLength: 256,
  maxUserAgentLength: 512,
});

/** {@link DEFAULT_PROTOCOL_LIMITS} with overrides applied. */
export function resolveProtocolLimits(overrides: Partial<ProtocolLimits> = {}): ProtocolLimits {
  return Object.freeze({ ...DEFAULT_PROTOCOL_LIMITS, ...overrides });
}
