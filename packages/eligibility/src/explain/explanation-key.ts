import type { SurvivorBenefit } from '../evaluate/certification-evaluation.js';
import type { PolicyParameterName } from '../profile/policy-profile.js';

/** Parameters of every explanation message, by key. Dates are `YYYY-MM-DD`, months `YYYY-MM`. */
export interface ExplanationParams {
  firstCycle: { readonly due: string };
  active: { readonly due: string; readonly last: string };
  inGrace: { readonly due: string; readonly graceEnd: string };
  overdue: { readonly due: string; readonly month: string };
  suspendedLapse: { readonly due: string; readonly month: string };
  suspendedImprisonment: { readonly month: string };
  lapseEpisode: { readonly from: string; readonly resume: string; readonly backPay: readonly string[] };
  imprisonmentEpisode: { readonly from: string; readonly resume: string | null };
  detentionEpisode: { readonly from: string; readonly resume: string | null; readonly backPay: readonly string[] };
  terminated: { readonly lastMonth: string; readonly from: string };
  overpaid: { readonly months: readonly string[] };
  survivorBenefits: { readonly benefits: readonly SurvivorBenefit[] };
  openSuspensionAtDeath: { readonly from: string };
  fraudSuspected: { readonly dates: readonly string[] };
  noAnnualAdjustment: Readonly<Record<string, never>>;
  free: Readonly<Record<string, never>>;
  noLinks: Readonly<Record<string, never>>;
  hotline: Readonly<Record<string, never>>;
}

/** Keys of the explanation message tables. */
export type ExplanationKey = keyof ExplanationParams;

/** A message table: one sentence builder per key (a missing key fails type-checking). */
export type ExplanationMessageTable = { readonly [K in ExplanationKey]: (params: ExplanationParams[K]) => string };

/** The rule (section of certification-rules.md) and the profile parameter behind each message. */
export const EXPLANATION_RULES = Object.freeze({
  firstCycle: { rule: 'certification-rules §6, §10.2', parameter: 'cycleModel' },
  active: { rule: 'certification-rules §10.3, §10.6', parameter: 'cycleModel' },
  inGrace: { rule: 'certification-rules §4, §10.4, §10.6', parameter: 'graceDays' },
  overdue: { rule: 'certification-rules §4, §10.4, §10.6', parameter: 'suspensionStart' },
  suspendedLapse: { rule: 'certification-rules §4, §10.6', parameter: 'suspensionStart' },
  suspendedImprisonment: { rule: 'certification-rules §6, §10.7', parameter: 'imprisonmentSuspension' },
  lapseEpisode: { rule: 'certification-rules §5, §10.5', parameter: 'backPayOnResumption' },
  imprisonmentEpisode: { rule: 'certification-rules §6, §10.7', parameter: 'imprisonmentBackPay' },
  detentionEpisode: { rule: 'certification-rules §6, §10.7', parameter: 'imprisonmentSuspension' },
  terminated: { rule: 'certification-rules §6, §10.8', parameter: 'deathEntitlementThrough' },
  overpaid: { rule: 'certification-rules §6, §10.8', parameter: 'deathEntitlementThrough' },
  survivorBenefits: { rule: 'certification-rules §6, §10.8', parameter: null },
  openSuspensionAtDeath: { rule: 'certification-rules §10.8', parameter: null },
  fraudSuspected: { rule: 'certification-rules §8, §10.1', parameter: null },
  noAnnualAdjustment: { rule: 'certification-rules §6, §10.7', parameter: null },
  free: { rule: 'certification-rules §8', parameter: null },
  noLinks: { rule: 'certification-rules §8', parameter: null },
  hotline: { rule: 'certification-rules §7', parameter: null },
} satisfies Record<ExplanationKey, { readonly rule: string; readonly parameter: PolicyParameterName | null }>);

/** Sources of messages that do not depend on a profile parameter. */
export const FIXED_MESSAGE_SOURCES = Object.freeze({
  survivorBenefits: ['S17', 'S18', 'S19'],
  openSuspensionAtDeath: ['ENG', 'S32'],
  fraudSuspected: ['S17', 'ENG'],
  noAnnualAdjustment: ['S22'],
  free: ['S1', 'S6', 'S24'],
  noLinks: ['S1', 'S3'],
  hotline: ['S3'],
} satisfies Partial<Record<ExplanationKey, readonly string[]>>);
