import type { SurvivorBenefit } from '../evaluate/certification-evaluation.js';
import type { ExplanationMessageTable } from './explanation-key.js';

const months = (list: readonly string[]): string => list.join(', ');
const BENEFITS: Record<SurvivorBenefit, string> = {
  funeralGrant: 'funeral grant',
  survivorLumpSum: 'survivor lump sum',
  personalAccountBalance: 'personal account balance',
};

/** English explanation sentences. */
export const MESSAGES_EN = Object.freeze({
  firstCycle: (p) => `No certification yet: the first cycle runs from the first payment; certify by ${p.due}.`,
  active: (p) => `Certified (last on ${p.last}); certify again by ${p.due}.`,
  inGrace: (p) => `The due date ${p.due} has passed but you are in the grace period; certify by ${p.graceEnd} and nothing is withheld.`,
  overdue: (p) => `The due date ${p.due} has passed. Certify soon, or payments will be suspended from ${p.month}.`,
  suspendedLapse: (p) => `Not certified by ${p.due}: payments are suspended from ${p.month}. Once you certify they resume and the withheld months are paid back.`,
  suspendedImprisonment: (p) => `Payments are suspended from ${p.month} while serving a sentence; they resume the month after release, without back pay.`,
  lapseEpisode: (p) => `Payments were suspended from ${p.from} and resumed in ${p.resume}${p.backPay.length > 0 ? `; back paid: ${months(p.backPay)}` : ''}.`,
  imprisonmentEpisode: (p) => `Months withheld during the sentence (from ${p.from}) are not paid back${p.resume === null ? '' : `; payments resume in ${p.resume}`}.`,
  detentionEpisode: (p) => `Months withheld during custody (from ${p.from}) ${p.backPay.length > 0 ? `are paid back (${months(p.backPay)})` : 'are paid back after acquittal'}${p.resume === null ? '' : `; payments resume in ${p.resume}`}.`,
  terminated: (p) => `Entitled through the month of death (${p.lastMonth}); payments stop from ${p.from}.`,
  overpaid: (p) => `Payments made after death (${months(p.months)}) must be refunded.`,
  survivorBenefits: (p) => `Survivors may claim: ${p.benefits.map((b) => BENEFITS[b]).join(', ')}.`,
  openSuspensionAtDeath: (p) => `Payments had been suspended from ${p.from} before death; those months are not paid back automatically and need manual review.`,
  fraudSuspected: (p) => `Certifications dated after the death date (${p.dates.join(', ')}) were ignored and flagged for checking.`,
  noAnnualAdjustment: () => 'During a suspended sentence, parole or serving outside prison the pension is paid but not raised by the annual adjustment.',
  free: () => 'Certification is free of charge.',
  noLinks: () => 'Never click unknown certification links and never pay anyone a "fee".',
  hotline: () => 'For help, call 12333.',
} satisfies ExplanationMessageTable);
