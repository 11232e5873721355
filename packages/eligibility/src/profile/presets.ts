import type { PolicyParameterSources, PolicyProfile, VersionedPolicyProfile } from './policy-profile.js';

const NATIONAL_SOURCES: PolicyParameterSources = {
  cycleModel: ['S3', 'S5', 'S7', 'S8'],
  cycleLengthMonths: ['S3', 'S5', 'S7'],
  cycleLengthDays: ['S5'],
  monthCounting: ['S5', 'S6', 'S8'],
  fixedWindow: ['S35'],
  graceDays: ['S3', 'S44', 'ENG'],
  suspensionStart: ['S7', 'S8'],
  resumptionCutoffDay: ['S7', 'S8', 'S12'],
  backPayOnResumption: ['S3', 'S7', 'S8', 'S12'],
  imprisonmentSuspension: ['S22', 'S23'],
  imprisonmentResumption: ['S22', 'S23'],
  imprisonmentBackPay: ['S22', 'S23'],
  deathEntitlementThrough: ['S18'],
  maxProxyBindings: ['S30'],
  proxyRelationCaps: ['S30'],
  proxyPhoneMustDiffer: ['ENG'],
  acceptLowercaseX: ['ENG'],
  timezone: ['ENG'],
  proxyHelperMinimumAgeYears: ['ENG'],
  channels: ['S3', 'S5', 'S24', 'S42'],
};

/** The national default (rules §13). */
const CN_DEFAULT: PolicyProfile = {
  name: 'CN-DEFAULT',
  cycleModel: 'rollingMonths',
  cycleLengthMonths: 12,
  cycleLengthDays: null,
  monthCounting: 'monthEnd',
  fixedWindow: null,
  graceDays: 0,
  suspensionStart: 'nextMonthAfterLapse',
  resumptionCutoffDay: null,
  backPayOnResumption: 'full',
  imprisonmentSuspension: 'monthAfterCustodyStart',
  imprisonmentResumption: 'monthAfterRelease',
  imprisonmentBackPay: 'none',
  deathEntitlementThrough: 'deathMonth',
  maxProxyBindings: 8,
  proxyRelationCaps: null,
  proxyPhoneMustDiffer: false,
  acceptLowercaseX: true,
  timezone: 'Asia/Shanghai',
  description: 'National default: 12 months counted to month ends, suspended from month 13, resumed next month with full back pay.',
  sources: NATIONAL_SOURCES,
};

function variant(
  name: string,
  description: string,
  changes: Partial<PolicyProfile>,
  sourceChanges: PolicyParameterSources,
): PolicyProfile {
  return { ...CN_DEFAULT, ...changes, name, description, sources: { ...NATIONAL_SOURCES, ...sourceChanges } };
}

/**
 * Named policy presets: the national default and provincial/local variants with the source of each
 * parameter (ids of the rules document §12). Values of the presets shared with the vectors file are the
 * vectors' profiles; `GS-2023` is date-versioned (180 → 365 days on 2023-07-01).
 */
export const PRESETS: Readonly<Record<string, PolicyProfile | VersionedPolicyProfile>> = deepFreeze({
  'CN-DEFAULT': CN_DEFAULT,
  'GD-CXJM-2023': variant('GD-CXJM-2023', '广东 城乡居保 (粤人社规〔2023〕4号): 12 months to month ends; first cycle from approval.', {}, {
    cycleModel: ['S5', 'S7'],
    cycleLengthMonths: ['S5', 'S7'],
    monthCounting: ['S5', 'S6'],
    suspensionStart: ['S7'],
    resumptionCutoffDay: ['S7'],
    backPayOnResumption: ['S7'],
  }),
  'HN-2025': variant('HN-2025', '湖南 2025: suspended after 13 months, resumed next month with back pay.', {}, {
    cycleModel: ['S8'],
    cycleLengthMonths: ['S8'],
    monthCounting: ['S8'],
    suspensionStart: ['S8'],
    resumptionCutoffDay: ['S8'],
    backPayOnResumption: ['S8'],
  }),
  'SX-CERT-MONTH-IS-1': variant('SX-CERT-MONTH-IS-1', '山西 local variant: the certification month counts as month 1 (local).', { monthCounting: 'monthEndInclusive' }, {
    monthCounting: ['S9'],
    suspensionStart: ['S9'],
  }),
  'HA-365': variant('HA-365', '河南 pensions and work-injury benefits: 365 days from the day after certification.', { cycleModel: 'rollingDays', cycleLengthMonths: null, cycleLengthDays: 365 }, {
    cycleModel: ['S10'],
    cycleLengthDays: ['S10'],
    cycleLengthMonths: ['S10'],
  }),
  'HA-180': variant('HA-180', '河南 dependants (供养直系亲属): 180 days.', { cycleModel: 'rollingDays', cycleLengthMonths: null, cycleLengthDays: 180 }, {
    cycleModel: ['S10'],
    cycleLengthDays: ['S10'],
    cycleLengthMonths: ['S10'],
  }),
  'FJ-CXJM-365': variant('FJ-CXJM-365', '福建 城乡居保: 365 days from benefit confirmation or the last certification.', { cycleModel: 'rollingDays', cycleLengthMonths: null, cycleLengthDays: 365 }, {
    cycleModel: ['S11'],
    cycleLengthDays: ['S11'],
    cycleLengthMonths: ['S11'],
  }),
  'GS-2023': {
    name: 'GS-2023',
    description: '甘肃: 180 days until 2023-06-30, 365 days from 2023-07-01.',
    versions: [
      variant('GS-2023', '甘肃 before 2023-07-01: 180 days.', { cycleModel: 'rollingDays', cycleLengthMonths: null, cycleLengthDays: 180, effectiveFrom: null }, {
        cycleModel: ['S34'],
        cycleLengthDays: ['S34'],
        cycleLengthMonths: ['S34'],
      }),
      variant('GS-2023', '甘肃 from 2023-07-01: 365 days.', { cycleModel: 'rollingDays', cycleLengthMonths: null, cycleLengthDays: 365, effectiveFrom: '2023-07-01' }, {
        cycleModel: ['S34'],
        cycleLengthDays: ['S34'],
        cycleLengthMonths: ['S34'],
        effectiveFrom: ['S34'],
      }),
    ],
  },
  'JL-12M-SAME-DATE': variant('JL-12M-SAME-DATE', '吉林: interval between certifications at most 12 months, date to date.', { monthCounting: 'sameDate' }, {
    monthCounting: ['S12'],
    backPayOnResumption: ['S12'],
  }),
  'SEED-GRACE15': variant('SEED-GRACE15', 'Seed only: 15-day grace period after the due date (no official source).', { graceDays: 15 }, {
    graceDays: ['S1'],
  }),
  'SEED-GRACE15-LAPSE-MONTH': variant('SEED-GRACE15-LAPSE-MONTH', 'Seed grace with suspension in the month of the lapse (engineering variant).', { graceDays: 15, suspensionStart: 'lapseMonth' }, {
    graceDays: ['S1'],
    suspensionStart: ['ENG'],
  }),
  'SEED-CUTOFF15': variant('SEED-CUTOFF15', 'Seed/aggregator: certified by the 15th → resumed the same month (unconfirmed).', { resumptionCutoffDay: 15 }, {
    resumptionCutoffDay: ['S2', 'S13'],
  }),
  'CALENDAR-YEAR': variant('CALENDAR-YEAR', '宜宾 2018: one certification per calendar year (local).', { cycleModel: 'calendarYear', cycleLengthMonths: null }, {
    cycleModel: ['S28'],
    cycleLengthMonths: ['S28'],
  }),
  'HE-WINDOW-0110-0630': variant('HE-WINDOW-0110-0630', '河北 2022: annual window 01-10..06-30 (local).', { cycleModel: 'fixedWindow', cycleLengthMonths: null, fixedWindow: { start: '01-10', end: '06-30' } }, {
    cycleModel: ['S29'],
    fixedWindow: ['S29'],
    cycleLengthMonths: ['S29'],
  }),
  'BIRTHDAY-MONTH': variant('BIRTHDAY-MONTH', 'Birthday-month year, 生日当月至次年生日上月 (local).', { cycleModel: 'birthdayMonth', cycleLengthMonths: null }, {
    cycleModel: ['S27'],
    cycleLengthMonths: ['S27'],
  }),
  'ABROAD-6M': variant('ABROAD-6M', 'Living abroad, every half year at one consulate (local).', { cycleLengthMonths: 6 }, {
    cycleLengthMonths: ['S25'],
    channels: ['S24'],
  }),
  'PROXY-10-CAPS': variant('PROXY-10-CAPS', '10 proxy slots: 4 elders, 3 children, 1 spouse, 2 others (aggregator, unconfirmed).', {
    maxProxyBindings: 10,
    proxyRelationCaps: { elder: 4, child: 3, spouse: 1, other: 2 },
  }, {
    maxProxyBindings: ['S31'],
    proxyRelationCaps: ['S31'],
  }),
  'JN-PROXY-PHONE': variant('JN-PROXY-PHONE', '济宁: the helper\'s phone must differ from the elder\'s (local).', { proxyPhoneMustDiffer: true }, {
    proxyPhoneMustDiffer: ['S33'],
  }),
  'QD-WARNING-3M': variant('QD-WARNING-3M', '青岛: reminders from 3 months before the due date (警示期, local).', { reminderLeadMonths: 3 }, {
    reminderLeadMonths: ['S44'],
  }),
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Names of the presets, in the order of {@link PRESETS}. */
export const PRESET_NAMES: readonly string[] = Object.freeze(Object.keys(PRESETS));
