/** Pacing of `<huoti-liveness>`; elderly mode slows everything down. */
export interface ElementTiming {
  /** A hint stays at least this long before another replaces it, in ms: fast-changing text is unreadable. */
  readonly hintMinDisplayMs: number;
  /** Multiplier the driver applies to step timeouts. */
  readonly timeoutScale: number;
  /** Speech rate for spoken prompts (1 = normal). */
  readonly speechRate: number;
}

/** Normal pacing. */
export const DEFAULT_ELEMENT_TIMING: ElementTiming = Object.freeze({ hintMinDisplayMs: 1_200, timeoutScale: 1, speechRate: 1 });

/** Elderly mode: hints stay longer, steps allow more time, speech is slower. */
export const ELDERLY_ELEMENT_TIMING: ElementTiming = Object.freeze({ hintMinDisplayMs: 2_500, timeoutScale: 1.6, speechRate: 0.8 });
