import type { CertificationEvaluation, SuspensionEpisode } from '../evaluate/certification-evaluation.js';
import type { ResolvedPolicyProfile } from '../profile/policy-profile.js';
import { EXPLANATION_RULES, FIXED_MESSAGE_SOURCES, type ExplanationKey, type ExplanationParams } from './explanation-key.js';
import type { ExplanationLine } from './explanation-line.js';
import { MESSAGES_EN } from './messages-en.js';
import { MESSAGES_ZH_CN } from './messages-zh-cn.js';

const NO_PARAMS: Readonly<Record<string, never>> = Object.freeze({});

/** Plain JSON form of an {@link Explanation}. */
export interface ExplanationJson {
  readonly 'zh-CN': string;
  readonly en: string;
  readonly lines: readonly ExplanationLine[];
}

/**
 * The human explanation of an evaluation: zh-CN and en sentences from typed message tables, each
 * citing its rule and sources, always ending with the safety notes (free of charge, no links or
 * payments, 12333). Sentences are rendered on first access so batch evaluation stays cheap;
 * `JSON.stringify` renders them through {@link Explanation.toJSON}.
 */
export class Explanation {
  // Declared TS-private fields assigned in the constructor, not #private or initialised fields: the
  // browser build lowers those to WeakMaps / defineProperty, which made batch evaluation much slower.
  private declare readonly evaluation: CertificationEvaluation;
  private declare readonly profile: ResolvedPolicyProfile;
  private declare lineCache: readonly ExplanationLine[] | null;

  constructor(evaluation: CertificationEvaluation, profile: ResolvedPolicyProfile) {
    this.evaluation = evaluation;
    this.profile = profile;
    this.lineCache = null;
  }

  /** The explained statements, most important first. */
  get lines(): readonly ExplanationLine[] {
    this.lineCache ??= Object.freeze(buildLines(this.evaluation, this.profile));
    return this.lineCache;
  }

  /** All sentences in zh-CN. */
  get 'zh-CN'(): string {
    return this.lines.map((line) => line['zh-CN']).join('');
  }

  /** All sentences in English. */
  get en(): string {
    return this.lines.map((line) => line.en).join(' ');
  }

  /** Rendered plain data (for JSON, `postMessage` or logs). */
  toJSON(): ExplanationJson {
    return { 'zh-CN': this['zh-CN'], en: this.en, lines: this.lines };
  }
}

function line<K extends ExplanationKey>(key: K, params: ExplanationParams[K], profile: ResolvedPolicyProfile): ExplanationLine {
  const { rule, parameter } = EXPLANATION_RULES[key];
  const fixed = (FIXED_MESSAGE_SOURCES as Partial<Record<ExplanationKey, readonly string[]>>)[key];
  const sources = parameter === null ? (fixed ?? []) : (profile.sources[parameter] ?? []);
  const zh = MESSAGES_ZH_CN[key] as (p: ExplanationParams[K]) => string;
  const en = MESSAGES_EN[key] as (p: ExplanationParams[K]) => string;
  return { key, rule, parameter, sources, 'zh-CN': zh(params), en: en(params) };
}

function openEpisode(episodes: readonly SuspensionEpisode[], lapse: boolean): SuspensionEpisode | undefined {
  return episodes.find((e) => e.resumeFrom === null && (e.reason === 'certificationLapsed') === lapse);
}

function buildLines(evaluation: CertificationEvaluation, profile: ResolvedPolicyProfile): ExplanationLine[] {
  const lines: ExplanationLine[] = [];
  const e = evaluation;
  switch (e.status) {
    case 'active':
      if (e.nextDueDate !== null) {
        lines.push(e.lastCertificationDate === null
          ? line('firstCycle', { due: e.nextDueDate }, profile)
          : line('active', { due: e.nextDueDate, last: e.lastCertificationDate }, profile));
      }
      break;
    case 'inGrace':
      if (e.nextDueDate !== null && e.graceEndsOn !== null) lines.push(line('inGrace', { due: e.nextDueDate, graceEnd: e.graceEndsOn }, profile));
      break;
    case 'overdue':
      if (e.missedDueDate !== null && e.suspensionScheduledFrom !== null) {
        lines.push(line('overdue', { due: e.missedDueDate, month: e.suspensionScheduledFrom }, profile));
      }
      break;
    case 'suspended': {
      const open = openEpisode(e.episodes, e.suspensionReason === 'certificationLapsed');
      if (open !== undefined && e.suspensionReason === 'certificationLapsed' && e.missedDueDate !== null) {
        lines.push(line('suspendedLapse', { due: e.missedDueDate, month: open.suspendedFrom }, profile));
      } else if (open !== undefined) {
        lines.push(line('suspendedImprisonment', { month: open.suspendedFrom }, profile));
      }
      break;
    }
    case 'terminated':
      if (e.lastEntitledMonth !== null && e.terminatedFrom !== null) {
        lines.push(line('terminated', { lastMonth: e.lastEntitledMonth, from: e.terminatedFrom }, profile));
      }
      break;
  }
  for (const episode of e.episodes) {
    if (episode.reason === 'certificationLapsed' && episode.resumeFrom !== null) {
      lines.push(line('lapseEpisode', { from: episode.suspendedFrom, resume: episode.resumeFrom, backPay: episode.backPayMonths }, profile));
    } else if (episode.reason === 'imprisonment') {
      lines.push(line('imprisonmentEpisode', { from: episode.suspendedFrom, resume: episode.resumeFrom }, profile));
    } else if (episode.reason === 'detention') {
      lines.push(line('detentionEpisode', { from: episode.suspendedFrom, resume: episode.resumeFrom, backPay: episode.backPayMonths }, profile));
    }
  }
  if (e.overpaidMonths.length > 0) lines.push(line('overpaid', { months: e.overpaidMonths }, profile));
  if (e.survivorBenefits.length > 0) lines.push(line('survivorBenefits', { benefits: e.survivorBenefits }, profile));
  if (e.requiresManualReview) {
    const open = openEpisode(e.episodes, true);
    if (open !== undefined) lines.push(line('openSuspensionAtDeath', { from: open.suspendedFrom }, profile));
  }
  if (e.fraudSuspected) lines.push(line('fraudSuspected', { dates: e.ignoredEventDates }, profile));
  if (!e.annualAdjustmentEligible) lines.push(line('noAnnualAdjustment', NO_PARAMS, profile));
  lines.push(line('free', NO_PARAMS, profile), line('noLinks', NO_PARAMS, profile), line('hotline', NO_PARAMS, profile));
  return lines;
}
