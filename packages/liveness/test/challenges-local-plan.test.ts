import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChallengeRun } from '../src/challenges/challenge-run.js';
import { createLocalPlan, DEFAULT_LOCAL_PLAN_CONFIG, type RandomBytesSource } from '../src/challenges/local-plan.js';

const NOW = Date.parse('2026-11-29T12:00:00Z');

/** Random bytes from a fast-check-chosen seed (xorshift32). */
function seeded(seed: number): RandomBytesSource {
  let state = seed >>> 0 || 1;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      bytes[i] = state & 0xff;
    }
    return bytes;
  };
}

describe('createLocalPlan (dev only)', () => {
  it('always makes a valid, unexpired plan: 3–6 digits 0–9, increasing reveals within the configured ranges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.constantFrom('loose', 'standard', 'strict' as const), (seed, strictness) => {
        const plan = createLocalPlan({ now: NOW, strictness, random: seeded(seed), steps: ['blink', 'mouthOpen', 'turnLeft', 'readDigits'] });
        expect(plan.version).toBe(1);
        expect(plan.strictness).toBe(strictness);
        expect([...plan.steps.map((s) => s.kind)].sort()).toEqual(['blink', 'mouthOpen', 'readDigits', 'turnLeft']);
        const digitsStep = plan.steps.find((s) => s.kind === 'readDigits');
        const digits = digitsStep?.digits ?? [];
        const onsets = digitsStep?.digitOnsetsMs ?? [];
        expect(digits.length).toBeGreaterThanOrEqual(3);
        expect(digits.length).toBeLessThanOrEqual(6);
        expect(onsets).toHaveLength(digits.length);
        for (const d of digits) expect(Number.isInteger(d) && d >= 0 && d <= 9).toBe(true);
        const [firstMin, firstMax] = DEFAULT_LOCAL_PLAN_CONFIG.firstRevealMs;
        const [gapMin, gapMax] = DEFAULT_LOCAL_PLAN_CONFIG.revealGapMs;
        expect(onsets[0]).toBeGreaterThanOrEqual(firstMin);
        expect(onsets[0]).toBeLessThanOrEqual(firstMax);
        for (let i = 1; i < onsets.length; i++) {
          const gap = (onsets[i] ?? 0) - (onsets[i - 1] ?? 0);
          expect(gap).toBeGreaterThanOrEqual(gapMin);
          expect(gap).toBeLessThanOrEqual(gapMax);
        }
        expect(createChallengeRun(plan, { now: NOW }).state.final).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic for an injected source, and the order and digits vary between seeds', () => {
    const a = createLocalPlan({ now: NOW, random: seeded(42), steps: ['blink', 'mouthOpen', 'turnLeft', 'turnRight', 'nod', 'readDigits'] });
    const b = createLocalPlan({ now: NOW, random: seeded(42), steps: ['blink', 'mouthOpen', 'turnLeft', 'turnRight', 'nod', 'readDigits'] });
    expect(a).toEqual(b);
    const orders = new Set<string>();
    const digitStrings = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const plan = createLocalPlan({ now: NOW, random: seeded(seed), steps: ['blink', 'mouthOpen', 'turnLeft', 'turnRight', 'nod', 'readDigits'] });
      orders.add(plan.steps.map((s) => s.kind).join());
      digitStrings.add(plan.steps.find((s) => s.kind === 'readDigits')?.digits?.join('') ?? '');
    }
    expect(orders.size).toBeGreaterThan(20);
    expect(digitStrings.size).toBeGreaterThan(25);
  });

  it('draws digits uniformly enough (no modulo bias visible over 3000 draws)', () => {
    const counts = new Array<number>(10).fill(0);
    const random = seeded(7);
    for (let i = 0; i < 600; i++) {
      for (const d of createLocalPlan({ now: NOW, random, steps: ['readDigits'], config: { minDigits: 5, maxDigits: 5 } }).steps[0]?.digits ?? []) counts[d] = (counts[d] ?? 0) + 1;
    }
    for (const count of counts) {
      expect(count).toBeGreaterThan(240);
      expect(count).toBeLessThan(360);
    }
  });

  it('uses crypto.getRandomValues by default: fresh base64url nonces, ISO times, 2-minute lifetime', () => {
    const a = createLocalPlan({ now: NOW });
    const b = createLocalPlan({ now: NOW });
    expect(a.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.issuedAt).toBe('2026-11-29T12:00:00.000Z');
    expect(Date.parse(a.expiresAt) - NOW).toBe(DEFAULT_LOCAL_PLAN_CONFIG.timeToLiveMs);
    expect(a.strictness).toBe('standard');
    expect([...a.steps.map((s) => s.kind)].sort()).toEqual([...DEFAULT_LOCAL_PLAN_CONFIG.defaultSteps].sort());
    expect(a.signature).toBeUndefined();
  });

  it('its plan is refused once expired', () => {
    const plan = createLocalPlan({ now: NOW, random: seeded(3) });
    expect(createChallengeRun(plan, { now: NOW + DEFAULT_LOCAL_PLAN_CONFIG.timeToLiveMs }).state.final?.reason).toBe('PLAN_EXPIRED');
  });
});
