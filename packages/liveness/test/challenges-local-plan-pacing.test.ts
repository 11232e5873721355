import { describe, expect, it } from 'vitest';
import { createChallengeRun } from '../src/challenges/challenge-run.js';
import { createLocalPlan, DEFAULT_LOCAL_PLAN_CONFIG } from '../src/challenges/local-plan.js';
import { resolveStrictnessProfile } from '../src/challenges/strictness-profiles.js';
import { DEFAULT_PROTOCOL_LIMITS } from '../src/protocol/protocol-limits.js';
import { validateChallengePlan } from '../src/protocol/validate-challenge-plan.js';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const STEPS = ['blink', 'mouthOpen', 'turnLeft', 'readDigits'] as const;

describe('createLocalPlan pacing', () => {
  it('standard (the default) writes no step timeouts: the strictness profile decides', () => {
    for (const pacing of [undefined, 'standard'] as const) {
      const plan = createLocalPlan({ now: NOW, steps: STEPS, ...(pacing ? { pacing } : {}) });
      expect(plan.steps.every((step) => step.timeoutMs === undefined)).toBe(true);
    }
  });

  it('elderly writes each step its usual timeout × elderlyTimeoutScale, within the protocol limit, and the run accepts the plan', () => {
    for (const strictness of ['loose', 'standard', 'strict'] as const) {
      const plan = createLocalPlan({ now: NOW, steps: STEPS, strictness, pacing: 'elderly' });
      const profile = resolveStrictnessProfile(strictness);
      const scale = DEFAULT_LOCAL_PLAN_CONFIG.elderlyTimeoutScale;
      for (const step of plan.steps) {
        const lastOnsetMs = step.digitOnsetsMs?.at(-1);
        const readDigitsMs = lastOnsetMs === undefined ? 0 : lastOnsetMs + profile.readDigits.responseWindowEndMs + profile.readDigits.decisionDelayMs;
        const usualMs = Math.max(profile.timeouts.stepTimeoutMs, readDigitsMs);
        expect(step.timeoutMs).toBe(Math.min(DEFAULT_PROTOCOL_LIMITS.maxStepTimeoutMs, Math.round(usualMs * scale)));
        expect(step.timeoutMs).toBeGreaterThan(profile.timeouts.stepTimeoutMs);
      }
      expect(validateChallengePlan(plan).ok).toBe(true);
      expect(createChallengeRun(plan, { now: NOW }).state.final).toBe(null);
    }
  });

  it('keeps the digit reveal schedule the same as a standard plan from the same randomness', () => {
    const fixed = (bytes: Uint8Array): Uint8Array => bytes.fill(7);
    const standard = createLocalPlan({ now: NOW, steps: ['readDigits'], random: fixed });
    const elderly = createLocalPlan({ now: NOW, steps: ['readDigits'], random: fixed, pacing: 'elderly' });
    expect(elderly.steps[0]?.digitOnsetsMs).toEqual(standard.steps[0]?.digitOnsetsMs);
    expect(elderly.steps[0]?.digits).toEqual(standard.steps[0]?.digits);
  });
});
