import { describe, expect, it } from 'vitest';
import { PLAIN_MESH_BLINK_OVERRIDES, resolveStrictnessProfile, STRICTNESS_PROFILES } from '../src/challenges/strictness-profiles.js';
import { profileOverridesForEngine } from '../src/session/eye-refinement-overrides.js';

describe('profile overrides for the engine a run uses', () => {
  it('leave the profile alone on refined eyes (iris, attention)', () => {
    for (const eyeRefinement of ['iris', 'attention'] as const) {
      expect(profileOverridesForEngine({ eyeRefinement }, undefined)).toBeUndefined();
      const own = { blink: { maxClosureMs: 400 } };
      expect(profileOverridesForEngine({ eyeRefinement }, own)).toBe(own);
    }
  });

  it('relax the blink depth on the plain mesh, so a fallback engine can still see blinks', () => {
    const profile = resolveStrictnessProfile('standard', profileOverridesForEngine({ eyeRefinement: 'none' }, undefined));
    expect(profile.blink.fullClosureRatio).toBe(PLAIN_MESH_BLINK_OVERRIDES.fullClosureRatio);
    expect(profile.blink.fullClosureRatio).toBeGreaterThan(STRICTNESS_PROFILES.standard.blink.fullClosureRatio);
    expect(profile.mouthOpen).toEqual(STRICTNESS_PROFILES.standard.mouthOpen);
  });

  it("keep the caller's own overrides, which win over the plain-mesh ones", () => {
    const overrides = profileOverridesForEngine({ eyeRefinement: 'none' }, { blink: { fullClosureRatio: 0.7 }, mouthOpen: { minHoldMs: 500 } });
    const profile = resolveStrictnessProfile('loose', overrides);
    expect(profile.blink.fullClosureRatio).toBe(0.7);
    expect(profile.mouthOpen.minHoldMs).toBe(500);
  });
});
