import { describe, expect, it } from 'vitest';
import { AttemptLimiter, DEFAULT_ATTEMPT_LIMITER_CONFIG } from '../src/challenges/attempt-limiter.js';

const MINUTE = 60_000;

/** A manual clock for the limiter. */
function clock(startMs = 1_000_000) {
  let now = startMs;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('AttemptLimiter', () => {
  it('defaults to 5 failures within 3 minutes → 30-minute cool-down, one run per plan', () => {
    expect(DEFAULT_ATTEMPT_LIMITER_CONFIG).toEqual({ maxFailures: 5, failureWindowMs: 3 * MINUTE, coolDownMs: 30 * MINUTE, maxAttemptsPerPlan: 1 });
    expect(Object.isFrozen(DEFAULT_ATTEMPT_LIMITER_CONFIG)).toBe(true);
  });

  it('locks after the 5th failure within 3 minutes and unlocks after 30 minutes', () => {
    const time = clock();
    const limiter = new AttemptLimiter({}, time.now);
    for (let i = 0; i < 4; i++) {
      expect(limiter.begin(`plan-${i}`)).toEqual({ allowed: true });
      limiter.recordFailure();
      time.advance(30_000);
    }
    expect(limiter.begin('plan-4')).toEqual({ allowed: true });
    limiter.recordFailure();
    expect(limiter.check('plan-5')).toEqual({ allowed: false, reason: 'TOO_MANY_ATTEMPTS', retryAfterMs: 30 * MINUTE });
    time.advance(29 * MINUTE);
    expect(limiter.check('plan-5')).toEqual({ allowed: false, reason: 'TOO_MANY_ATTEMPTS', retryAfterMs: MINUTE });
    time.advance(MINUTE);
    expect(limiter.check('plan-5')).toEqual({ allowed: true });
  });

  it('does not lock when the failures are spread over more than 3 minutes', () => {
    const time = clock();
    const limiter = new AttemptLimiter({}, time.now);
    for (let i = 0; i < 10; i++) {
      limiter.recordFailure();
      time.advance(50_000);
    }
    expect(limiter.check('fresh')).toEqual({ allowed: true });
  });

  it('a pass clears the failure count', () => {
    const time = clock();
    const limiter = new AttemptLimiter({}, time.now);
    for (let i = 0; i < 4; i++) limiter.recordFailure();
    limiter.recordSuccess();
    limiter.recordFailure();
    expect(limiter.check('fresh').allowed).toBe(true);
  });

  it('refuses a second run of the same plan (single-use nonce) with no retry time', () => {
    const limiter = new AttemptLimiter({}, clock().now);
    expect(limiter.begin('nonce-a').allowed).toBe(true);
    expect(limiter.begin('nonce-a')).toEqual({ allowed: false, reason: 'TOO_MANY_ATTEMPTS', retryAfterMs: null });
    expect(limiter.begin('nonce-b').allowed).toBe(true);
  });

  it('allows several runs per plan when configured', () => {
    const limiter = new AttemptLimiter({ maxAttemptsPerPlan: 3 }, clock().now);
    expect([1, 2, 3, 4].map(() => limiter.begin('p').allowed)).toEqual([true, true, true, false]);
  });

  it('resumes from a snapshot (page reload keeps the cool-down)', () => {
    const time = clock();
    const limiter = new AttemptLimiter({}, time.now);
    expect(limiter.begin('used').allowed).toBe(true);
    for (let i = 0; i < 5; i++) limiter.recordFailure();
    expect(limiter.begin('other').allowed).toBe(false);
    const snapshot = JSON.parse(JSON.stringify(limiter.snapshot()));
    const resumed = new AttemptLimiter({}, time.now, snapshot);
    expect(resumed.check('x').allowed).toBe(false);
    time.advance(31 * MINUTE);
    expect(resumed.check('x').allowed).toBe(true);
    expect(resumed.check('used').allowed).toBe(false);
  });

  it('keeps state per instance (no shared module state)', () => {
    const time = clock();
    const a = new AttemptLimiter({}, time.now);
    const b = new AttemptLimiter({}, time.now);
    for (let i = 0; i < 5; i++) a.recordFailure();
    expect(a.check('x').allowed).toBe(false);
    expect(b.check('x').allowed).toBe(true);
  });
});
