import { ageInYears } from '../dates/age-on.js';
import { packedCivil } from '../dates/civil-day.js';
import { parseDay } from '../dates/parse-day.js';
import { EligibilityError } from '../errors/eligibility-error.js';
import type { LocalizedText } from '../explain/localized-text.js';
import type { CompiledPolicy } from '../profile/compiled-policy.js';
import { loadPolicy } from '../profile/load-policy.js';
import type { PolicyProfile, ProxyRelation, ResolvedPolicyProfile, VersionedPolicyProfile } from '../profile/policy-profile.js';
import type { ProxyBindingFacts, ProxyBindingResult, ProxyRefusal } from './proxy-binding.js';

/** Input of {@link checkProxyBinding}: the vectors' `{ profile, facts }`. */
export interface CheckProxyBindingInput {
  readonly profile: PolicyProfile | VersionedPolicyProfile | CompiledPolicy;
  readonly facts: ProxyBindingFacts;
}

const RELATIONS: readonly ProxyRelation[] = Object.freeze(['elder', 'child', 'spouse', 'other']);

const MESSAGES = Object.freeze({
  allowed: { 'zh-CN': '可以绑定，绑定后可用您的手机为对方刷脸认证。', en: 'Binding allowed: you can run their face check on your phone.' },
  PROXY_SELF: { 'zh-CN': '不能为自己办理亲情服务绑定。', en: 'You cannot bind yourself as your own helper.' },
  PROXY_HELPER_MINOR: { 'zh-CN': '帮办人须为成年人。', en: 'The helper must be an adult.' },
  PROXY_SAME_PHONE: { 'zh-CN': '帮办人的手机号不能与被认证人相同。', en: "The helper's phone must differ from the elder's phone." },
  PROXY_LIMIT: { 'zh-CN': '已达到可绑定人数上限，请先解绑不再需要的亲属。', en: 'The helper has reached the binding limit; unbind someone first.' },
  PROXY_RELATION_LIMIT: { 'zh-CN': '该亲属关系的绑定名额已用完。', en: 'No binding slots left for this relation.' },
} satisfies Record<ProxyRefusal | 'allowed', LocalizedText>);

const PARAMETERS = Object.freeze({
  PROXY_SELF: null,
  PROXY_HELPER_MINOR: 'proxyHelperMinimumAgeYears',
  PROXY_SAME_PHONE: 'proxyPhoneMustDiffer',
  PROXY_LIMIT: 'maxProxyBindings',
  PROXY_RELATION_LIMIT: 'proxyRelationCaps',
} satisfies Record<ProxyRefusal, ProxyBindingResult['parameter']>);

function count(value: unknown, field: string): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new EligibilityError('INVALID_FACTS', `facts.${field} must be a non-negative integer`, field);
  }
  return value;
}

function refuse(reason: ProxyRefusal, profile: ResolvedPolicyProfile): ProxyBindingResult {
  const parameter = PARAMETERS[reason];
  return { allowed: false, reason, parameter, sources: parameter === null ? ['ENG'] : (profile.sources[parameter] ?? []), explanation: MESSAGES[reason] };
}

/**
 * Applies the proxy (亲情服务) rules of a profile to a binding request. Checks, in order: the helper is
 * not the elder (`PROXY_SELF`), is an adult (`PROXY_HELPER_MINOR`, when a birth date is given), uses
 * another phone (`PROXY_SAME_PHONE`, if `proxyPhoneMustDiffer`), has a free slot in total
 * (`PROXY_LIMIT`: existing ≥ `maxProxyBindings`) and for the relation (`PROXY_RELATION_LIMIT`).
 * A refusal is a result, not an error.
 *
 * @throws {EligibilityError} INVALID_PROFILE for a bad profile, INVALID_FACTS for malformed facts.
 */
export function checkProxyBinding(input: CheckProxyBindingInput): ProxyBindingResult {
  const facts = input.facts;
  if (typeof facts !== 'object' || facts === null) throw new EligibilityError('INVALID_FACTS', 'facts must be an object', '');
  const policy = loadPolicy(input.profile);
  let todayDay = Number.NaN;
  if (facts.today !== undefined) {
    todayDay = parseDay(facts.today);
    if (Number.isNaN(todayDay)) throw new EligibilityError('INVALID_FACTS', 'facts.today must be a civil date', 'today');
  }
  const profile = Number.isNaN(todayDay) ? (policy.versions[policy.versions.length - 1] ?? policy.versionAt(0)).profile : policy.versionAt(todayDay).profile;
  if (!RELATIONS.includes(facts.relation)) {
    throw new EligibilityError('INVALID_FACTS', `facts.relation must be one of ${RELATIONS.join(', ')}`, 'relation');
  }
  const existing = facts.existingBindings;
  if (typeof existing !== 'object' || existing === null) throw new EligibilityError('INVALID_FACTS', 'facts.existingBindings must be an object', 'existingBindings');
  let total = 0;
  for (const relation of RELATIONS) total += count(existing[relation], `existingBindings.${relation}`);

  if (facts.helperIdNumber && facts.elderIdNumber && facts.helperIdNumber === facts.elderIdNumber) return refuse('PROXY_SELF', profile);
  if (facts.helperBirthDate !== undefined && facts.helperBirthDate !== null) {
    const birth = parseDay(facts.helperBirthDate);
    if (Number.isNaN(birth)) throw new EligibilityError('INVALID_FACTS', 'facts.helperBirthDate must be a civil date', 'helperBirthDate');
    if (Number.isNaN(todayDay)) throw new EligibilityError('INVALID_FACTS', 'facts.today is needed with helperBirthDate', 'today');
    if (birth > todayDay || ageInYears(packedCivil(birth), packedCivil(todayDay)) < profile.proxyHelperMinimumAgeYears) {
      return refuse('PROXY_HELPER_MINOR', profile);
    }
  }
  if (profile.proxyPhoneMustDiffer && facts.helperPhone && facts.elderPhone && facts.helperPhone.replace(/\D/g, '') === facts.elderPhone.replace(/\D/g, '')) {
    return refuse('PROXY_SAME_PHONE', profile);
  }
  if (total >= profile.maxProxyBindings) return refuse('PROXY_LIMIT', profile);
  const cap = profile.proxyRelationCaps?.[facts.relation];
  if (cap !== undefined && count(existing[facts.relation], `existingBindings.${facts.relation}`) >= cap) return refuse('PROXY_RELATION_LIMIT', profile);
  return { allowed: true, reason: null, parameter: null, sources: profile.sources.maxProxyBindings ?? [], explanation: MESSAGES.allowed };
}
