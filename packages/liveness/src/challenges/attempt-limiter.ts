/** Settings of an {@link AttemptLimiter}; times in ms. */
export interface AttemptLimiterConfig {
  /** Failures within `failureWindowMs` that trigger the cool-down. */
  readonly maxFailures: number;
  /** Window in which failures are counted, in ms. */
  readonly failureWindowMs: number;
  /** How long attempts are refused after too many failures, in ms. */
  readonly coolDownMs: number;
  /** Runs allowed per plan (a plan's nonce is single-use; a retry needs a fresh plan). */
  readonly maxAttemptsPerPlan: number;
}

/** Default: 5 failures within 3 minutes lock attempts for 30 minutes; one run per plan. */
export const DEFAULT_ATTEMPT_LIMITER_CONFIG: AttemptLimiterConfig = Object.freeze({
  maxFailures: 5,
  failureWindowMs: 3 * 60_000,
  coolDownMs: 30 * 60_000,
  maxAttemptsPerPlan: 1,
});

/** Whether a new attempt may start. */
export type AttemptCheck =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'TOO_MANY_ATTEMPTS'; /** ms until attempts are allowed again; `null` = never for this plan. */ readonly retryAfterMs: number | null };

/** The limiter's state, plain JSON, so the page can keep it in storage between reloads. */
export interface AttemptLimiterSnapshot {
  /** Times of recent failures, in ms since the epoch. */
  readonly failureTimesMs: readonly number[];
  /** End of the current cool-down, in ms since the epoch; `null` when none. */
  readonly lockedUntilMs: number | null;
  /** Runs started per plan nonce. */
  readonly attemptsByPlan: Readonly<Record<string, number>>;
}

/**
 * Counts attempts per plan and imposes a cool-down after repeated failures. Pure apart from its own
 * state; the clock is injected. This is a courtesy on the client (a determined attacker can reset
 * it); the server enforces the same rule on plan issue.
 */
export class AttemptLimiter {
  readonly #config: AttemptLimiterConfig;
  readonly #now: () => number;
  #failureTimesMs: number[];
  #lockedUntilMs: number | null;
  readonly #attemptsByPlan: Map<string, number>;

  /**
   * @param now - the clock, in ms since the epoch; default `Date.now`.
   * @param snapshot - state from {@link AttemptLimiter.snapshot} to resume.
   */
  constructor(config: Partial<AttemptLimiterConfig> = {}, now: () => number = Date.now, snapshot?: AttemptLimiterSnapshot) {
    this.#config = Object.freeze({ ...DEFAULT_ATTEMPT_LIMITER_CONFIG, ...config });
    this.#now = now;
    this.#failureTimesMs = [...(snapshot?.failureTimesMs ?? [])];
    this.#lockedUntilMs = snapshot?.lockedUntilMs ?? null;
    this.#attemptsByPlan = new Map(Object.entries(snapshot?.attemptsByPlan ?? {}));
  }

  /** Whether a run of the plan with this nonce may start now. */
  check(planNonce: string): AttemptCheck {
    const now = this.#now();
    if (this.#lockedUntilMs !== null && now < this.#lockedUntilMs) {
      return { allowed: false, reason: 'TOO_MANY_ATTEMPTS', retryAfterMs: this.#lockedUntilMs - now };
    }
    if ((this.#attemptsByPlan.get(planNonce) ?? 0) >= this.#config.maxAttemptsPerPlan) {
      return { allowed: false, reason: 'TOO_MANY_ATTEMPTS', retryAfterMs: null };
    }
    return { allowed: true };
  }

  /** Records that a run of this plan started. @returns the check made before recording. */
  begin(planNonce: string): AttemptCheck {
    const check = this.check(planNonce);
    if (check.allowed) this.#attemptsByPlan.set(planNonce, (this.#attemptsByPlan.get(planNonce) ?? 0) + 1);
    return check;
  }

  /** Records a failed run; starts the cool-down when the failures in the window reach the maximum. */
  recordFailure(): void {
    const now = this.#now();
    this.#failureTimesMs = [...this.#failureTimesMs.filter((t) => t > now - this.#config.failureWindowMs), now];
    if (this.#failureTimesMs.length >= this.#config.maxFailures) {
      this.#lockedUntilMs = now + this.#config.coolDownMs;
      this.#failureTimesMs = [];
    }
  }

  /** Records a passed run: clears the failure count. */
  recordSuccess(): void {
    this.#failureTimesMs = [];
  }

  /** The state as plain JSON. */
  snapshot(): AttemptLimiterSnapshot {
    return {
      failureTimesMs: [...this.#failureTimesMs],
      lockedUntilMs: this.#lockedUntilMs,
      attemptsByPlan: Object.fromEntries(this.#attemptsByPlan),
    };
  }
}
