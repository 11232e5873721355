import { recommendChannels } from '../channels/recommend-channels.js';
import { CHANNEL_IDS } from '../channels/channel-id.js';
import { formatDay } from '../dates/format-day.js';
import { firstDayOfMonth, formatMonth, monthIndexOfDay, parseMonth } from '../dates/month-index.js';
import { packedCivil } from '../dates/civil-day.js';
import { parseDay } from '../dates/parse-day.js';
import { EligibilityError } from '../errors/eligibility-error.js';
import { Explanation } from '../explain/explanation.js';
import type { CompiledPolicy } from '../profile/compiled-policy.js';
import { loadPolicy } from '../profile/load-policy.js';
import type { PolicyProfile, VersionedPolicyProfile } from '../profile/policy-profile.js';
import type { CertificationFacts } from './certification-facts.js';
import type {
  CertificationEvaluation,
  CertificationStatus,
  EpisodeReason,
  NextAction,
  SuspensionEpisode,
  SuspensionReason,
  SurvivorBenefit,
} from './certification-evaluation.js';
import { dueDay, suspensionMonth } from './cycle-arithmetic.js';

/** Input of {@link evaluateCertification}: the vectors' `{ profile, facts }`. */
export interface EvaluateCertificationInput {
  /** A JSON profile (validated on each call) or a {@link CompiledPolicy} (validated once: use it in batches). */
  readonly profile: PolicyProfile | VersionedPolicyProfile | CompiledPolicy;
  readonly facts: CertificationFacts;
}

const KNOWN_CHANNELS: Readonly<Record<string, true>> = Object.freeze(Object.fromEntries(CHANNEL_IDS.map((id) => [id, true as const])));
const OPEN = Number.POSITIVE_INFINITY;
const EMPTY: readonly never[] = Object.freeze([]);
const ENTERPRISE_SURVIVOR_BENEFITS: readonly SurvivorBenefit[] = Object.freeze(['funeralGrant', 'survivorLumpSum']);
const URBAN_RURAL_SURVIVOR_BENEFITS: readonly SurvivorBenefit[] = Object.freeze(['personalAccountBalance']);

interface RawEpisode {
  readonly reason: EpisodeReason;
  /** First withheld month index. */
  readonly from: number;
  /** First month index paid again; OPEN while open. */
  readonly resume: number;
  readonly isBackPaid: boolean;
}

function invalid(field: string, message: string): never {
  throw new EligibilityError('INVALID_FACTS', `facts.${field} ${message}`, field);
}

function requiredDay(value: unknown, field: string): number {
  const day = typeof value === 'string' ? parseDay(value) : Number.NaN;
  if (Number.isNaN(day)) invalid(field, `must be a civil date YYYY-MM-DD or an ISO instant with an offset, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
  return day;
}

function optionalDay(value: unknown, field: string): number {
  return value === undefined || value === null ? Number.NaN : requiredDay(value, field);
}

/**
 * Evaluates a person's certification status under a policy on `facts.today` (rules §10): status, due
 * dates, suspension episodes, resumption and back pay, death and imprisonment, with a bilingual
 * explanation. Pure and deterministic: it never reads the clock or the host time zone.
 *
 * @throws {EligibilityError} INVALID_PROFILE for a bad JSON profile, INVALID_FACTS naming the bad fact.
 */
export function evaluateCertification(input: EvaluateCertificationInput): CertificationEvaluation {
  const policy = loadPolicy(input.profile);
  const facts = input.facts;
  if (typeof facts !== 'object' || facts === null) invalid('', 'must be an object');
  const today = requiredDay(facts.today, 'today');
  const firstPayment = requiredDay(facts.firstPaymentDate, 'firstPaymentDate');
  const death = optionalDay(facts.deathDate, 'deathDate');
  const hasDeath = !Number.isNaN(death);

  // 1. Counted events (rules §10.1).
  const events = facts.certificationEvents ?? EMPTY;
  if (!Array.isArray(events)) invalid('certificationEvents', 'must be an array');
  let counted: number[] | null = null;
  let isSorted = true;
  let ignoredEventDates: string[] | null = null;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (typeof event !== 'object' || event === null) invalid(`certificationEvents[${i}]`, 'must be an object');
    // The field path is built only on failure: a template per event would dominate the hot path.
    const day = typeof event.date === 'string' ? parseDay(event.date) : Number.NaN;
    if (Number.isNaN(day)) requiredDay(event.date, `certificationEvents[${i}].date`);
    const result = event.result;
    if (result !== 'success' && result !== 'failed' && result !== 'pendingReview' && result !== 'rejected') {
      invalid(`certificationEvents[${i}].result`, 'must be success, failed, pendingReview or rejected');
    }
    if (typeof event.channel !== 'string' || KNOWN_CHANNELS[event.channel] !== true) {
      invalid(`certificationEvents[${i}].channel`, `must be one of ${CHANNEL_IDS.join(', ')}`);
    }
    if (result !== 'success') continue;
    if (hasDeath && day > death) {
      (ignoredEventDates ??= []).push(formatDay(day));
      continue;
    }
    if (day > today || day < firstPayment) continue;
    if (counted === null) counted = [day];
    else {
      if (day < (counted[counted.length - 1] as number)) isSorted = false;
      counted.push(day);
    }
  }
  if (counted !== null && !isSorted) counted.sort((a, b) => a - b);

  // 2–5. Walk the counted events from the first-payment anchor.
  let birthMonth = 0;
  if (policy.hasBirthdayMonthModel) {
    const birth = requiredDay(facts.birthDate, 'birthDate');
    birthMonth = ((packedCivil(birth) / 100) | 0) % 100;
  }
  let anchor = firstPayment;
  let version = policy.versionAt(anchor);
  let episodes: RawEpisode[] | null = null;
  if (counted !== null) {
    for (let i = 0; i < counted.length; i++) {
      const certified = counted[i] as number;
      const lastValid = dueDay(version, anchor, birthMonth) + version.graceDays;
      if (certified > lastValid) {
        const suspendFrom = suspensionMonth(version, lastValid);
        if (certified >= firstDayOfMonth(suspendFrom)) {
          const certifiedMonth = monthIndexOfDay(certified);
          let resume = version.resumptionCutoffDay > 0 && packedCivil(certified) % 100 <= version.resumptionCutoffDay ? certifiedMonth : certifiedMonth + 1;
          if (resume < suspendFrom) resume = suspendFrom;
          if (resume > suspendFrom) {
            (episodes ??= []).push({ reason: 'certificationLapsed', from: suspendFrom, resume, isBackPaid: version.hasBackPay });
          }
        }
      }
      anchor = certified;
      version = policy.versionAt(anchor);
    }
  }
  const due = dueDay(version, anchor, birthMonth);
  const lastValid = due + version.graceDays;
  const suspendFrom = suspensionMonth(version, lastValid);
  const suspensionStartDay = firstDayOfMonth(suspendFrom);
  const todayMonth = monthIndexOfDay(today);
  const deathMonth = hasDeath ? monthIndexOfDay(death) : OPEN;

  // 7. Imprisonment.
  let custodyFrom = OPEN;
  let custodyTo = OPEN; // last withheld month of a custodial sentence
  let isInCustodyNow = false;
  let isAnnualAdjustmentEligible = true;
  let isDeathInCustody = false;
  const imprisonment = facts.imprisonment;
  if (imprisonment !== undefined && imprisonment !== null) {
    const from = requiredDay(imprisonment.from, 'imprisonment.from');
    const to = optionalDay(imprisonment.to, 'imprisonment.to');
    const type = imprisonment.type;
    if (type !== 'custodial' && type !== 'detentionAcquitted' && type !== 'probation') {
      invalid('imprisonment.type', 'must be custodial, detentionAcquitted or probation');
    }
    if (!Number.isNaN(to) && to < from) invalid('imprisonment.to', 'must not be before imprisonment.from');
    const hasEnd = !Number.isNaN(to);
    if (type === 'probation') {
      isAnnualAdjustmentEligible = !(from <= today && (!hasEnd || today <= to));
    } else if (from <= today) {
      const custodyVersion = policy.versionAt(from);
      const withheldFrom = monthIndexOfDay(from) + custodyVersion.custodySuspensionOffsetMonths;
      const withheldTo = hasEnd ? monthIndexOfDay(to) + custodyVersion.releaseResumptionOffsetMonths - 1 : OPEN;
      if (withheldTo >= withheldFrom) {
        const isDetention = type === 'detentionAcquitted';
        (episodes ??= []).push({
          reason: isDetention ? 'detention' : 'imprisonment',
          from: withheldFrom,
          resume: hasEnd ? withheldTo + 1 : OPEN,
          isBackPaid: isDetention && hasEnd,
        });
        if (!isDetention) {
          custodyFrom = withheldFrom;
          custodyTo = withheldTo;
        }
        isInCustodyNow = todayMonth >= withheldFrom && todayMonth <= withheldTo;
      }
      if (type === 'custodial' && hasDeath) {
        const custodyEndMonth = hasEnd ? monthIndexOfDay(to) : OPEN;
        isDeathInCustody = deathMonth >= monthIndexOfDay(from) && deathMonth <= custodyEndMonth;
      }
    }
  }

  // 6, 8. Status at today.
  let status: CertificationStatus;
  let suspensionReason: SuspensionReason | null = null;
  let nextDueDate: string | null = null;
  let graceEndsOn: string | null = null;
  let missedDueDate: string | null = null;
  let suspensionScheduledFrom: string | null = null;
  let terminatedFrom: string | null = null;
  let lastEntitledMonth: string | null = null;
  let overpaidMonths: readonly string[] = EMPTY;
  let survivorBenefits: readonly SurvivorBenefit[] = EMPTY;
  let requiresManualReview = false;
  let nextAction: NextAction;
  if (hasDeath && death <= today) {
    status = 'terminated';
    lastEntitledMonth = formatMonth(deathMonth);
    terminatedFrom = formatMonth(deathMonth + 1);
    if (facts.paidThroughMonth !== undefined && facts.paidThroughMonth !== null) {
      const paidThrough = parseMonth(facts.paidThroughMonth);
      if (Number.isNaN(paidThrough)) invalid('paidThroughMonth', 'must be a month YYYY-MM');
      if (paidThrough > deathMonth) {
        const months: string[] = [];
        for (let m = deathMonth + 1; m <= paidThrough; m++) months.push(formatMonth(m));
        overpaidMonths = months;
      }
    }
    if (suspensionStartDay <= death) {
      (episodes ??= []).push({ reason: 'certificationLapsed', from: suspendFrom, resume: OPEN, isBackPaid: false });
      requiresManualReview = true;
    }
    if (facts.scheme === 'enterprise') survivorBenefits = isDeathInCustody ? EMPTY : ENTERPRISE_SURVIVOR_BENEFITS;
    else if (facts.scheme === 'urbanRural') survivorBenefits = URBAN_RURAL_SURVIVOR_BENEFITS;
    nextAction = overpaidMonths.length > 0 ? 'refundOverpayment' : 'survivorsContactBureau';
  } else {
    if (today >= suspensionStartDay) {
      (episodes ??= []).push({ reason: 'certificationLapsed', from: suspendFrom, resume: OPEN, isBackPaid: false });
    }
    if (isInCustodyNow) {
      status = 'suspended';
      suspensionReason = 'imprisonment';
      nextAction = 'applyAfterRelease';
    } else if (today <= due) {
      status = 'active';
      nextDueDate = formatDay(due);
      if (version.graceDays > 0) graceEndsOn = formatDay(lastValid);
      nextAction = 'certifyBeforeDueDate';
    } else if (today <= lastValid) {
      status = 'inGrace';
      nextDueDate = formatDay(due);
      graceEndsOn = formatDay(lastValid);
      nextAction = 'certifyNow';
    } else if (today < suspensionStartDay) {
      status = 'overdue';
      missedDueDate = formatDay(due);
      suspensionScheduledFrom = formatMonth(suspendFrom);
      nextAction = 'certifyNow';
    } else {
      status = 'suspended';
      suspensionReason = 'certificationLapsed';
      missedDueDate = formatDay(due);
      nextAction = 'certifyToResume';
    }
  }

  // 9. Episodes, back pay and the headline episode.
  let episodeList: readonly SuspensionEpisode[] = EMPTY;
  let backPayMonths: readonly string[] = EMPTY;
  let suspendedFrom: string | null = null;
  let resumeFrom: string | null = null;
  if (episodes !== null) {
    if (episodes.length > 1) episodes.sort((a, b) => a.from - b.from || a.resume - b.resume);
    const list: SuspensionEpisode[] = [];
    episodeList = list;
    const backPay: number[] = [];
    let headline: RawEpisode | null = null;
    for (const raw of episodes) {
      const months: string[] = [];
      if (raw.isBackPaid && raw.resume !== OPEN) {
        for (let m = raw.from; m < raw.resume; m++) {
          // Never back paid: months of a custodial sentence, months after death (rules §10.7, §10.8).
          if ((m >= custodyFrom && m <= custodyTo) || m > deathMonth) continue;
          months.push(formatMonth(m));
          if (!backPay.includes(m)) backPay.push(m);
        }
      }
      list.push({ reason: raw.reason, suspendedFrom: formatMonth(raw.from), resumeFrom: raw.resume === OPEN ? null : formatMonth(raw.resume), backPayMonths: months });
      if (headline === null || raw.resume > headline.resume || (raw.resume === headline.resume && raw.from >= headline.from)) headline = raw;
    }
    if (status === 'suspended') {
      const wanted = suspensionReason === 'certificationLapsed';
      headline = episodes.find((e) => e.resume === OPEN && (e.reason === 'certificationLapsed') === wanted) ?? headline;
    }
    if (headline !== null) {
      suspendedFrom = formatMonth(headline.from);
      resumeFrom = headline.resume === OPEN ? null : formatMonth(headline.resume);
    }
    backPay.sort((a, b) => a - b);
    backPayMonths = backPay.map(formatMonth);
  }

  const lastCertification = counted === null ? Number.NaN : (counted[counted.length - 1] as number);
  const evaluation = {
    status,
    profileName: policy.name,
    profileEffectiveFrom: version.profile.effectiveFrom,
    lastCertificationDate: Number.isNaN(lastCertification) ? null : formatDay(lastCertification),
    nextDueDate,
    graceEndsOn,
    missedDueDate,
    suspensionScheduledFrom,
    suspensionReason,
    suspendedFrom,
    resumeFrom,
    backPayMonths,
    episodes: episodeList,
    terminatedFrom,
    lastEntitledMonth,
    overpaidMonths,
    survivorBenefits,
    annualAdjustmentEligible: isAnnualAdjustmentEligible,
    requiresManualReview,
    fraudSuspected: ignoredEventDates !== null,
    ignoredEventDates: ignoredEventDates ?? EMPTY,
    nextAction,
    recommendedChannels: facts.person === undefined || facts.person === null
      ? null
      : recommendChannels({ livingAbroad: facts.livingAbroad === true, ...facts.person }, { channels: version.profile.channels }),
    explanation: null as unknown as Explanation,
  };
  evaluation.explanation = new Explanation(evaluation, version.profile);
  return evaluation;
}
