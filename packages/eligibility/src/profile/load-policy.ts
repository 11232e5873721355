import { EligibilityError } from '../errors/eligibility-error.js';
import { CompiledPolicy } from './compiled-policy.js';
import type { PolicyProfile, ResolvedPolicyProfile, VersionedPolicyProfile } from './policy-profile.js';
import { POLICY_LIMITS } from './policy-limits.js';
import { isPlainObject, validatePolicyProfile } from './validate-policy-profile.js';

/**
 * Validates a JSON policy — one profile, or `{ name, versions: [...] }` with `effectiveFrom` dates — and
 * compiles it for evaluation. A {@link CompiledPolicy} is returned unchanged.
 *
 * @throws {EligibilityError} INVALID_PROFILE naming the bad field; nothing else, whatever the input.
 */
export function loadPolicy(value: PolicyProfile | VersionedPolicyProfile | CompiledPolicy | unknown): CompiledPolicy {
  if (value instanceof CompiledPolicy) return value;
  if (isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, 'versions')) {
    for (const key of Object.keys(value)) {
      if (key !== 'name' && key !== 'versions' && key !== 'description') {
        throw new EligibilityError('INVALID_PROFILE', `versioned profile field ${key} is unknown`, `profile.${key}`);
      }
    }
    const name = value['name'];
    if (typeof name !== 'string' || name.trim() === '' || name.length > POLICY_LIMITS.maxNameLength) {
      throw new EligibilityError('INVALID_PROFILE', 'versioned profile needs a non-empty name', 'profile.name');
    }
    const description = value['description'];
    if (description !== undefined && typeof description !== 'string') {
      throw new EligibilityError('INVALID_PROFILE', 'versioned profile description must be a string', 'profile.description');
    }
    const versions = value['versions'];
    if (!Array.isArray(versions) || versions.length === 0 || versions.length > POLICY_LIMITS.maxVersions) {
      throw new EligibilityError('INVALID_PROFILE', `profile.versions must be a non-empty array of at most ${POLICY_LIMITS.maxVersions} profiles`, 'profile.versions');
    }
    const resolved: ResolvedPolicyProfile[] = versions.map((version: unknown, index) => validatePolicyProfile(version, `profile.versions[${index}]`));
    const seen = new Set<string | null>();
    resolved.forEach((version, index) => {
      if (index > 0 && version.effectiveFrom === null) {
        throw new EligibilityError('INVALID_PROFILE', 'only the first version may omit effectiveFrom', `profile.versions[${index}].effectiveFrom`);
      }
      if (seen.has(version.effectiveFrom)) {
        throw new EligibilityError('INVALID_PROFILE', `two versions take effect on ${version.effectiveFrom}`, `profile.versions[${index}].effectiveFrom`);
      }
      seen.add(version.effectiveFrom);
    });
    return new CompiledPolicy(name, resolved);
  }
  const profile = validatePolicyProfile(value);
  return new CompiledPolicy(profile.name, [profile]);
}
