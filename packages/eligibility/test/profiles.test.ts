import { describe, expect, it } from 'vitest';
import { EligibilityError } from '../src/errors/eligibility-error.js';
import { evaluateCertification } from '../src/evaluate/evaluate-certification.js';
import { getPreset } from '../src/profile/get-preset.js';
import { loadPolicy } from '../src/profile/load-policy.js';
import type { PolicyProfile } from '../src/profile/policy-profile.js';
import { PRESETS, PRESET_NAMES } from '../src/profile/presets.js';
import { RULE_SOURCES } from '../src/profile/rule-sources.js';
import { validatePolicyProfile } from '../src/profile/validate-policy-profile.js';
import { loadSharedVectors } from './shared-vectors.js';

const vectors = loadSharedVectors();
const national = PRESETS['CN-DEFAULT'] as PolicyProfile;

function invalidField(value: unknown): string | null {
  try {
    loadPolicy(value);
  } catch (error) {
    expect(error).toBeInstanceOf(EligibilityError);
    expect((error as EligibilityError).code).toBe('INVALID_PROFILE');
    return (error as EligibilityError).field;
  }
  throw new Error('expected the profile to be rejected');
}

describe('presets', () => {
  it('every preset loads and every parameter source is a known source id', () => {
    for (const name of PRESET_NAMES) {
      const policy = getPreset(name);
      expect(policy.name).toBe(name);
      for (const version of policy.versions) {
        for (const list of Object.values(version.profile.sources)) {
          for (const source of list ?? []) expect(Object.keys(RULE_SOURCES), `${name}: ${source}`).toContain(source);
        }
      }
    }
  });

  it('the national default carries a source for every §13 parameter', () => {
    const profile = getPreset('CN-DEFAULT').versions[0]!.profile;
    for (const key of Object.keys(vectors.profiles['CN-DEFAULT']!).filter((k) => k !== 'name')) {
      expect(profile.sources[key as keyof typeof profile.sources]?.length ?? 0, key).toBeGreaterThan(0);
    }
  });

  it('presets named like the vectors profiles have exactly their parameter values', () => {
    for (const [name, profile] of Object.entries(vectors.profiles)) {
      const preset = PRESETS[name] as Record<string, unknown> | undefined;
      expect(preset, name).toBeDefined();
      for (const [key, value] of Object.entries(profile)) expect(preset?.[key], `${name}.${key}`).toStrictEqual(value);
    }
  });

  it('the vectors profiles validate unchanged', () => {
    for (const profile of Object.values(vectors.profiles)) expect(validatePolicyProfile(profile).name).toBe(profile['name']);
  });

  it('rejects an unknown preset with UNKNOWN_PROFILE', () => {
    expect(() => getPreset('XX-NOPE')).toThrowError(expect.objectContaining({ code: 'UNKNOWN_PROFILE' }));
  });

  it('presets are deeply frozen', () => {
    expect(Object.isFrozen(PRESETS['PROXY-10-CAPS'])).toBe(true);
    expect(Object.isFrozen((PRESETS['PROXY-10-CAPS'] as PolicyProfile).proxyRelationCaps)).toBe(true);
  });
});

describe('profile validation names the bad field', () => {
  it.each([
    [{ ...national, graceDays: -1 }, 'profile.graceDays'],
    [{ ...national, cycleModel: 'weekly' }, 'profile.cycleModel'],
    [{ ...national, cycleLengthMonths: null }, 'profile.cycleLengthMonths'],
    [{ ...national, cycleModel: 'fixedWindow', fixedWindow: { start: '06-30', end: '01-10' } }, 'profile.fixedWindow.end'],
    [{ ...national, cycleModel: 'fixedWindow', fixedWindow: { start: '02-30', end: '06-30' } }, 'profile.fixedWindow.start'],
    [{ ...national, proxyRelationCaps: { cousin: 1 } }, 'profile.proxyRelationCaps.cousin'],
    [{ ...national, timezone: 'UTC' }, 'profile.timezone'],
    [{ ...national, grace: 3 }, 'profile.grace'],
    [{ ...national, channels: ['fax'] }, 'profile.channels[0]'],
    [{ ...national, effectiveFrom: '2023-02-30' }, 'profile.effectiveFrom'],
    [{ name: 'X', versions: [national, { ...national, effectiveFrom: null }] }, 'profile.versions[1].effectiveFrom'],
    [{ name: 'X', versions: [{ ...national, resumptionCutoffDay: 0 }] }, 'profile.versions[0].resumptionCutoffDay'],
    [[], 'profile'],
  ])('%# → %s', (profile, field) => {
    expect(invalidField(profile)).toBe(field);
  });

  it('says what was wrong in the message', () => {
    expect(() => loadPolicy({ ...national, graceDays: 'fifteen' })).toThrowError(/graceDays must be an integer from 0 to 366, got "fifteen"/);
  });
});

describe('date-versioned profiles', () => {
  const gansu = getPreset('GS-2023');
  const facts = (certified: string, today: string) => ({
    firstPaymentDate: '2022-01-10',
    certificationEvents: [{ date: certified, channel: 'app' as const, result: 'success' as const }],
    today,
  });

  it('applies the 180-day rule to a cycle anchored before 2023-07-01', () => {
    const result = evaluateCertification({ profile: gansu, facts: facts('2023-05-01', '2023-06-01') });
    expect(result.nextDueDate).toBe('2023-10-28');
    expect(result.profileEffectiveFrom).toBeNull();
  });

  it('applies the 365-day rule from 2023-07-01', () => {
    const result = evaluateCertification({ profile: gansu, facts: facts('2023-07-01', '2023-08-01') });
    expect(result.nextDueDate).toBe('2024-06-30');
    expect(result.profileEffectiveFrom).toBe('2023-07-01');
  });

  it('accepts the versioned JSON directly', () => {
    const result = evaluateCertification({ profile: PRESETS['GS-2023']!, facts: facts('2023-07-01', '2023-08-01') });
    expect(result.nextDueDate).toBe('2024-06-30');
  });
});
