export { VERSION } from './version.js';

export { EligibilityError, type SerializedEligibilityError } from './errors/eligibility-error.js';
export type { EligibilityErrorCode } from './errors/eligibility-error-code.js';

export { ageOn } from './dates/age-on.js';
export { toCivilDate } from './dates/to-civil-date.js';

export { parseResidentId } from './id/parse-resident-id.js';
export { computeCheckDigit } from './id/check-digit.js';
export { DEFAULT_PARSE_RESIDENT_ID_OPTIONS, type ParseResidentIdOptions } from './id/parse-resident-id-options.js';
export { PROVINCE_NAMES, type ProvinceName } from './id/province-names.js';
export {
  RESIDENT_ID_ERROR_ORDER,
  type ForeignPermanentResidentLayout,
  type InvalidResidentId,
  type ResidentIdErrorCode,
  type ResidentIdFlag,
  type ResidentIdKind,
  type ResidentIdResult,
  type ValidResidentId,
} from './id/resident-id-result.js';

export type {
  BackPayOnResumption,
  CycleModel,
  DeathEntitlementThrough,
  FixedWindow,
  ImprisonmentBackPay,
  ImprisonmentResumption,
  ImprisonmentSuspension,
  MonthCounting,
  PolicyParameterName,
  PolicyParameterSources,
  PolicyParameters,
  PolicyProfile,
  ProxyRelation,
  ResolvedPolicyProfile,
  SuspensionStart,
  VersionedPolicyProfile,
} from './profile/policy-profile.js';
export { validatePolicyProfile } from './profile/validate-policy-profile.js';
export { loadPolicy } from './profile/load-policy.js';
export { CompiledPolicy, type CompiledProfileVersion } from './profile/compiled-policy.js';
export { DEFAULT_POLICY_OPTIONS } from './profile/default-policy-options.js';
export { POLICY_LIMITS } from './profile/policy-limits.js';
export { PRESETS, PRESET_NAMES } from './profile/presets.js';
export { getPreset } from './profile/get-preset.js';
export { RULE_SOURCES, type RuleSource, type SourceEvidence } from './profile/rule-sources.js';

export { evaluateCertification, type EvaluateCertificationInput } from './evaluate/evaluate-certification.js';
export type {
  BenefitScheme,
  CertificationEvent,
  CertificationFacts,
  CertificationResult,
  Imprisonment,
  ImprisonmentType,
} from './evaluate/certification-facts.js';
export type {
  CertificationEvaluation,
  CertificationStatus,
  EpisodeReason,
  NextAction,
  SuspensionEpisode,
  SuspensionReason,
  SurvivorBenefit,
} from './evaluate/certification-evaluation.js';

export { CHANNEL_IDS, type ChannelId } from './channels/channel-id.js';
export type { AbroadRegion, ChannelFacts, Mobility } from './channels/channel-facts.js';
export type { ChannelReason } from './channels/channel-reason.js';
export type { ChannelRecommendation } from './channels/channel-recommendation.js';
export { recommendChannels, type RecommendChannelsOptions } from './channels/recommend-channels.js';

export { checkProxyBinding, type CheckProxyBindingInput } from './proxy/check-proxy-binding.js';
export type { ProxyBindingFacts, ProxyBindingResult, ProxyRefusal } from './proxy/proxy-binding.js';

export { planReminders } from './reminders/plan-reminders.js';
export type { Reminder, ReminderKind } from './reminders/reminder.js';
export { DEFAULT_REMINDER_CONFIG, resolveReminderConfig, type ReminderConfig } from './reminders/reminder-config.js';

export { Explanation, type ExplanationJson } from './explain/explanation.js';
export type { ExplanationLine } from './explain/explanation-line.js';
export { EXPLANATION_RULES, type ExplanationKey, type ExplanationMessageTable, type ExplanationParams } from './explain/explanation-key.js';
export type { LocalizedText } from './explain/localized-text.js';
export { MESSAGES_EN } from './explain/messages-en.js';
export { MESSAGES_ZH_CN } from './explain/messages-zh-cn.js';
export { CHANNEL_REASON_MESSAGES } from './explain/channel-reason-messages.js';
