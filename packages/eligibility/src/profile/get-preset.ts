import { EligibilityError } from '../errors/eligibility-error.js';
import type { CompiledPolicy } from './compiled-policy.js';
import { loadPolicy } from './load-policy.js';
import { PRESET_NAMES, PRESETS } from './presets.js';

/**
 * A named preset, validated and compiled.
 *
 * @throws {EligibilityError} UNKNOWN_PROFILE when no preset has that name.
 */
export function getPreset(name: string): CompiledPolicy {
  const preset = Object.prototype.hasOwnProperty.call(PRESETS, name) ? PRESETS[name] : undefined;
  if (preset === undefined) {
    throw new EligibilityError('UNKNOWN_PROFILE', `no preset named ${JSON.stringify(name)}; known: ${PRESET_NAMES.join(', ')}`, 'profile');
  }
  return loadPolicy(preset);
}
