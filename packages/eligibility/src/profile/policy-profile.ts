import type { ChannelId } from '../channels/channel-id.js';

/** How a certification cycle is laid out (rules §3). */
export type CycleModel = 'rollingMonths' | 'rollingDays' | 'calendarYear' | 'fixedWindow' | 'birthdayMonth';
/** How `rollingMonths` counts: month ends (M+L), month ends with the certification month as month 1, or date to date. */
export type MonthCounting = 'monthEnd' | 'monthEndInclusive' | 'sameDate';
/** Which month is withheld first after a lapse (rules §4, §10.4). */
export type SuspensionStart = 'nextMonthAfterLapse' | 'lapseMonth';
/** Whether withheld months are paid back after a late certification (`none` is an engineering variant). */
export type BackPayOnResumption = 'full' | 'none';
/** First month withheld for a custodial sentence (`custodyStartMonth` is unsourced). */
export type ImprisonmentSuspension = 'monthAfterCustodyStart' | 'custodyStartMonth';
/** First month paid again after release (`releaseMonth` is unsourced). */
export type ImprisonmentResumption = 'monthAfterRelease' | 'releaseMonth';
/** Back pay of months withheld for a custodial sentence: none (劳社厅函〔2001〕44号). */
export type ImprisonmentBackPay = 'none';
/** Last month owed after death: the month of death (国发〔2014〕8号). */
export type DeathEntitlementThrough = 'deathMonth';
/** Relation of a bound person to the proxy helper (亲情服务). */
export type ProxyRelation = 'elder' | 'child' | 'spouse' | 'other';

/** A fixed annual certification window, `MM-DD` to `MM-DD` inclusive, inside one calendar year. */
export interface FixedWindow {
  readonly start: string;
  readonly end: string;
}

/** The parameters of rules §13, exactly as in the shared vectors' `profiles`. */
export interface PolicyParameters {
  readonly cycleModel: CycleModel;
  /** Cycle length in months for `rollingMonths`; else null. */
  readonly cycleLengthMonths: number | null;
  /** Cycle length in days for `rollingDays`; else null. */
  readonly cycleLengthDays: number | null;
  readonly monthCounting: MonthCounting;
  /** Window for `fixedWindow`; else null (`calendarYear` is 01-01..12-31). */
  readonly fixedWindow: FixedWindow | null;
  /** Days after the due date in which lateness has no effect. */
  readonly graceDays: number;
  readonly suspensionStart: SuspensionStart;
  /** Day of month up to which a late certification resumes payment in the same month; null: next month. */
  readonly resumptionCutoffDay: number | null;
  readonly backPayOnResumption: BackPayOnResumption;
  readonly imprisonmentSuspension: ImprisonmentSuspension;
  readonly imprisonmentResumption: ImprisonmentResumption;
  readonly imprisonmentBackPay: ImprisonmentBackPay;
  readonly deathEntitlementThrough: DeathEntitlementThrough;
  /** Most people one helper may bind for proxy certification. */
  readonly maxProxyBindings: number;
  /** Per-relation caps on proxy bindings; null: only the total limit. */
  readonly proxyRelationCaps: Readonly<Partial<Record<ProxyRelation, number>>> | null;
  /** Whether the helper's phone must differ from the elder's. */
  readonly proxyPhoneMustDiffer: boolean;
  /** Whether ID numbers ending in a lower-case x are accepted. */
  readonly acceptLowercaseX: boolean;
  readonly timezone: 'Asia/Shanghai';
}

/** Names of the parameters a profile carries sources for. */
export type PolicyParameterName = keyof PolicyParameters | 'reminderLeadMonths' | 'proxyHelperMinimumAgeYears' | 'channels' | 'effectiveFrom';

/** Where each parameter value comes from: source ids of the rules document (`S5`) or short notes. */
export type PolicyParameterSources = Readonly<Partial<Record<PolicyParameterName, readonly string[]>>>;

/**
 * A JSON-serialisable policy profile. The §13 parameters are required (the vectors' shape); the rest
 * are optional on input and filled by {@link validatePolicyProfile}.
 */
export interface PolicyProfile extends PolicyParameters {
  readonly name: string;
  /** Civil date from which this version applies (date-versioned profiles); null: always. */
  readonly effectiveFrom?: string | null;
  /** Free text shown in docs and explanations. */
  readonly description?: string;
  /** Months before the due date at which a reminder period starts (UI only; 青岛 3); null: the reminder config alone. */
  readonly reminderLeadMonths?: number | null;
  /** Youngest age of a proxy helper, in whole years. */
  readonly proxyHelperMinimumAgeYears?: number;
  /** Channels offered in this jurisdiction. */
  readonly channels?: readonly ChannelId[];
  readonly sources?: PolicyParameterSources;
}

/** A validated profile: every optional field filled. */
export interface ResolvedPolicyProfile extends PolicyParameters {
  readonly name: string;
  readonly effectiveFrom: string | null;
  readonly description: string;
  readonly reminderLeadMonths: number | null;
  readonly proxyHelperMinimumAgeYears: number;
  readonly channels: readonly ChannelId[];
  readonly sources: PolicyParameterSources;
}

/** A date-versioned profile: each version applies from its `effectiveFrom` (the first may be null). */
export interface VersionedPolicyProfile {
  readonly name: string;
  readonly description?: string;
  readonly versions: readonly PolicyProfile[];
}
