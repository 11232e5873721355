import type { ChannelId } from '../channels/channel-id.js';
import type { ChannelFacts } from '../channels/channel-facts.js';

/** Outcome of one certification attempt; only `success` counts. */
export type CertificationResult = 'success' | 'failed' | 'pendingReview' | 'rejected';

/** One certification attempt. */
export interface CertificationEvent {
  /** Civil date `YYYY-MM-DD`, or an ISO-8601 instant with an offset (converted to Asia/Shanghai). */
  readonly date: string;
  readonly channel: ChannelId;
  readonly result: CertificationResult;
}

/**
 * `custodial`: 拘役 or prison sentence (withheld, never back paid); `detentionAcquitted`: custody before
 * trial ending in acquittal (withheld, back paid); `probation`: suspended sentence, parole or serving
 * outside prison (paid, no annual adjustment).
 */
export type ImprisonmentType = 'custodial' | 'detentionAcquitted' | 'probation';

/** A period in custody or under a non-custodial sentence. */
export interface Imprisonment {
  readonly type: ImprisonmentType;
  /** Civil date custody (or the sentence) started. */
  readonly from: string;
  /** Civil date of release or end; null while it lasts. */
  readonly to: string | null;
}

/** Benefit scheme, for survivor benefits after death. */
export type BenefitScheme = 'enterprise' | 'urbanRural' | 'publicInstitution';

/** What is known about a person: the vectors' `facts` shape. */
export interface CertificationFacts {
  /** Civil date of benefit approval / first payment; it anchors the first cycle. */
  readonly firstPaymentDate: string;
  readonly certificationEvents?: readonly CertificationEvent[];
  /** Civil date of the evaluation; always given (the engine never reads the clock). */
  readonly today: string;
  /** Needed by the `birthdayMonth` cycle model. */
  readonly birthDate?: string | null;
  readonly deathDate?: string | null;
  /** Last benefit month actually paid (`YYYY-MM`), to find overpayments after death. */
  readonly paidThroughMonth?: string | null;
  readonly scheme?: BenefitScheme | null;
  readonly imprisonment?: Imprisonment | null;
  /** Lives outside mainland China (consular channels). */
  readonly livingAbroad?: boolean;
  /** Optional facts for channel recommendations; when given, the result lists channels. */
  readonly person?: ChannelFacts | null;
}
