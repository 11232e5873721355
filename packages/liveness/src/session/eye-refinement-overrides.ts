import { PLAIN_MESH_BLINK_OVERRIDES, type StrictnessProfileOverrides } from '../challenges/strictness-profiles.js';
import type { EngineCapabilities } from '../engine/engine-capabilities.js';

/**
 * The profile overrides a run uses on this engine. The blink thresholds are tuned on refined eye
 * landmarks (iris); the plain mesh never closes the eyes that far (lowest EAR about 0.7 of open),
 * so an engine that fell back to `eyeRefinement: 'none'` needs `PLAIN_MESH_BLINK_OVERRIDES`, or no
 * blink would ever count. The caller's own overrides win.
 */
export function profileOverridesForEngine(
  capabilities: Pick<EngineCapabilities, 'eyeRefinement'>,
  overrides: StrictnessProfileOverrides | undefined,
): StrictnessProfileOverrides | undefined {
  if (capabilities.eyeRefinement !== 'none') return overrides;
  return { ...overrides, blink: { ...PLAIN_MESH_BLINK_OVERRIDES, ...overrides?.blink } };
}
