import type { ChannelRecommendation } from '../channels/channel-recommendation.js';
import type { Explanation } from '../explain/explanation.js';

/** Certification status at `today` (vectors' `conventions.statuses`). */
export type CertificationStatus = 'active' | 'inGrace' | 'overdue' | 'suspended' | 'terminated';
/** Why payments are withheld now. */
export type SuspensionReason = 'certificationLapsed' | 'imprisonment';
/** Why an episode withheld months. */
export type EpisodeReason = 'certificationLapsed' | 'imprisonment' | 'detention';
/** What survivors may claim after death. */
export type SurvivorBenefit = 'funeralGrant' | 'survivorLumpSum' | 'personalAccountBalance';
/** What the person (or family) should do now. */
export type NextAction =
  | 'certifyBeforeDueDate'
  | 'certifyNow'
  | 'certifyToResume'
  | 'applyAfterRelease'
  | 'survivorsContactBureau'
  | 'refundOverpayment';

/** A run of withheld months (vectors' episode shape, exactly these four keys). */
export interface SuspensionEpisode {
  readonly reason: EpisodeReason;
  /** First withheld month `YYYY-MM`. */
  readonly suspendedFrom: string;
  /** First month paid normally again; null while open. */
  readonly resumeFrom: string | null;
  /** Withheld months paid later. */
  readonly backPayMonths: readonly string[];
}

/** Result of {@link evaluateCertification}: the vectors' `expected` shape, every key always present. */
export interface CertificationEvaluation {
  readonly status: CertificationStatus;
  readonly profileName: string;
  /** `effectiveFrom` of the profile version used for the current cycle. */
  readonly profileEffectiveFrom: string | null;
  /** Date of the latest counted certification; null when none (the first payment is not one). */
  readonly lastCertificationDate: string | null;
  /** Due date of the current cycle; null unless `active` or `inGrace`. */
  readonly nextDueDate: string | null;
  /** Last day of the grace period (`inGrace`, or `active` with grace days); else null. */
  readonly graceEndsOn: string | null;
  /** Due date that was missed (`overdue`, or `suspended` for a lapse); else null. */
  readonly missedDueDate: string | null;
  /** Month from which payments will be withheld (`overdue`); else null. */
  readonly suspensionScheduledFrom: string | null;
  readonly suspensionReason: SuspensionReason | null;
  /** From the episode with the latest `resumeFrom` (an open one counts as latest). */
  readonly suspendedFrom: string | null;
  readonly resumeFrom: string | null;
  /** Sorted union of all episodes' back-pay months. */
  readonly backPayMonths: readonly string[];
  /** Sorted by `suspendedFrom`. */
  readonly episodes: readonly SuspensionEpisode[];
  /** Month after death (`terminated`); else null. */
  readonly terminatedFrom: string | null;
  /** Month of death (`terminated`); else null. */
  readonly lastEntitledMonth: string | null;
  /** Months paid after entitlement ended, to be refunded. */
  readonly overpaidMonths: readonly string[];
  readonly survivorBenefits: readonly SurvivorBenefit[];
  /** False while a non-custodial sentence runs. */
  readonly annualAdjustmentEligible: boolean;
  /** True when a suspension was still open at death: withheld months need a person to decide. */
  readonly requiresManualReview: boolean;
  /** True when a success is dated after the death date. */
  readonly fraudSuspected: boolean;
  readonly ignoredEventDates: readonly string[];
  readonly nextAction: NextAction;
  /** Ranked channels when `facts.person` is given; else null. */
  readonly recommendedChannels: readonly ChannelRecommendation[] | null;
  /** zh-CN and en sentences citing the rule and source behind each statement (rendered lazily). */
  readonly explanation: Explanation;
}
