import { describe, expect, it } from 'vitest';
import { resolveStrictnessProfile, STRICTNESS_PROFILES, type StrictnessProfile } from '../src/challenges/strictness-profiles.js';

const isDeepFrozen = (value: unknown): boolean =>
  value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(isDeepFrozen));

describe('STRICTNESS_PROFILES', () => {
  it('has loose, standard and strict, each named after its key and deeply frozen', () => {
    expect(Object.keys(STRICTNESS_PROFILES)).toEqual(['loose', 'standard', 'strict']);
    for (const [name, profile] of Object.entries(STRICTNESS_PROFILES)) expect(profile.name).toBe(name);
    expect(isDeepFrozen(STRICTNESS_PROFILES)).toBe(true);
  });

  // Each row: a threshold and whether stricter means a larger value.
  const ordered: readonly [string, (p: StrictnessProfile) => number, 'up' | 'down'][] = [
    ['blink.closedRatio', (p) => p.blink.closedRatio, 'down'],
    ['blink.maxClosureMs', (p) => p.blink.maxClosureMs, 'down'],
    ['blink.maxPitchChangeDeg', (p) => p.blink.maxPitchChangeDeg, 'down'],
    ['mouthOpen.minRise', (p) => p.mouthOpen.minRise, 'up'],
    ['mouthOpen.minHoldMs', (p) => p.mouthOpen.minHoldMs, 'up'],
    ['headTurn.turnYawDeg', (p) => p.headTurn.turnYawDeg, 'up'],
    ['headTurn.nodPitchDeg', (p) => p.headTurn.nodPitchDeg, 'up'],
    ['guards.faceLostFailMs', (p) => p.guards.faceLostFailMs, 'down'],
    ['guards.minFrameRateFps', (p) => p.guards.minFrameRateFps, 'up'],
    ['readDigits.responseWindowEndMs', (p) => p.readDigits.responseWindowEndMs, 'down'],
    ['readDigits.maxLatencySpreadMs', (p) => p.readDigits.maxLatencySpreadMs, 'down'],
    ['readDigits.maxExtraUtterances', (p) => p.readDigits.maxExtraUtterances, 'down'],
    ['timeouts.stepTimeoutMs', (p) => p.timeouts.stepTimeoutMs, 'down'],
  ];
  it.each(ordered)('%s gets stricter from loose to standard to strict', (_name, pick, direction) => {
    const [loose, standard, strict] = (['loose', 'standard', 'strict'] as const).map((s) => pick(STRICTNESS_PROFILES[s]));
    if (direction === 'up') expect((loose ?? 0) <= (standard ?? 0) && (standard ?? 0) <= (strict ?? 0)).toBe(true);
    else expect((loose ?? 0) >= (standard ?? 0) && (standard ?? 0) >= (strict ?? 0)).toBe(true);
  });

  it('keeps the brief\'s defaults for standard: blink 80–500 ms, read-digits window 250–2000 ms, exact digit count', () => {
    const { blink, readDigits } = STRICTNESS_PROFILES.standard;
    expect([blink.minClosureMs, blink.maxClosureMs, blink.baselineWindowMs]).toEqual([80, 500, 2000]);
    expect([readDigits.responseWindowStartMs, readDigits.responseWindowEndMs]).toEqual([250, 2000]);
    expect([readDigits.maxMissedDigits, readDigits.maxExtraUtterances]).toEqual([0, 0]);
    expect([STRICTNESS_PROFILES.loose.readDigits.maxMissedDigits, STRICTNESS_PROFILES.loose.readDigits.maxExtraUtterances]).toEqual([1, 1]);
  });

  it('a head shake counts only under loose', () => {
    expect(STRICTNESS_PROFILES.loose.headTurn.oppositeSwingLimitDeg).toBeNull();
    expect(STRICTNESS_PROFILES.standard.headTurn.oppositeSwingLimitDeg).not.toBeNull();
    expect(STRICTNESS_PROFILES.strict.headTurn.oppositeSwingLimitDeg).not.toBeNull();
  });
});

describe('resolveStrictnessProfile', () => {
  it('returns the shared profile without overrides', () => {
    expect(resolveStrictnessProfile('strict')).toBe(STRICTNESS_PROFILES.strict);
  });

  it('applies overrides one level deep into a new frozen profile, leaving the original alone', () => {
    const profile = resolveStrictnessProfile('standard', { blink: { closedRatio: 0.7 }, timeouts: { stepTimeoutMs: 20_000 } });
    expect(profile.blink.closedRatio).toBe(0.7);
    expect(profile.blink.maxClosureMs).toBe(STRICTNESS_PROFILES.standard.blink.maxClosureMs);
    expect(profile.timeouts).toEqual({ ...STRICTNESS_PROFILES.standard.timeouts, stepTimeoutMs: 20_000 });
    expect(STRICTNESS_PROFILES.standard.blink.closedRatio).toBe(0.8);
    expect(isDeepFrozen(profile)).toBe(true);
  });
});
