import { parseDay } from '../dates/parse-day.js';
import type { ResolvedPolicyProfile } from './policy-profile.js';

/** Integer codes of cycle models for the hot path. */
export const CycleCode = Object.freeze({
  RollingMonthEnd: 0,
  RollingMonthEndInclusive: 1,
  RollingSameDate: 2,
  RollingDays: 3,
  Window: 4,
  BirthdayMonth: 5,
} as const);
/** One of the {@link CycleCode} values. */
export type CycleCode = (typeof CycleCode)[keyof typeof CycleCode];

/** One profile version with its parameters pre-digested into integers. */
export interface CompiledProfileVersion {
  readonly profile: ResolvedPolicyProfile;
  /** Day number from which it applies; -Infinity when always. */
  readonly effectiveFromDay: number;
  readonly cycle: CycleCode;
  /** Months for rolling month models, days for `rollingDays`. */
  readonly cycleLength: number;
  readonly windowStartMonth: number;
  readonly windowStartDay: number;
  readonly windowEndMonth: number;
  readonly windowEndDay: number;
  readonly graceDays: number;
  readonly isLapseMonthSuspension: boolean;
  /** 0 when there is no cutoff. */
  readonly resumptionCutoffDay: number;
  readonly hasBackPay: boolean;
  /** Months after the custody start month at which withholding starts (1 or 0). */
  readonly custodySuspensionOffsetMonths: number;
  /** Months after the release month at which payment resumes (1 or 0). */
  readonly releaseResumptionOffsetMonths: number;
}

function compileVersion(profile: ResolvedPolicyProfile): CompiledProfileVersion {
  let cycle: CycleCode;
  let cycleLength = 0;
  let start = '01-01';
  let end = '12-31';
  switch (profile.cycleModel) {
    case 'rollingMonths':
      cycleLength = profile.cycleLengthMonths ?? 0;
      cycle = profile.monthCounting === 'monthEnd'
        ? CycleCode.RollingMonthEnd
        : profile.monthCounting === 'monthEndInclusive'
          ? CycleCode.RollingMonthEndInclusive
          : CycleCode.RollingSameDate;
      break;
    case 'rollingDays':
      cycleLength = profile.cycleLengthDays ?? 0;
      cycle = CycleCode.RollingDays;
      break;
    case 'fixedWindow':
      start = profile.fixedWindow?.start ?? start;
      end = profile.fixedWindow?.end ?? end;
      cycle = CycleCode.Window;
      break;
    case 'calendarYear':
      cycle = CycleCode.Window;
      break;
    case 'birthdayMonth':
      cycle = CycleCode.BirthdayMonth;
      break;
  }
  return {
    profile,
    effectiveFromDay: profile.effectiveFrom === null ? Number.NEGATIVE_INFINITY : parseDay(profile.effectiveFrom),
    cycle,
    cycleLength,
    windowStartMonth: Number(start.slice(0, 2)),
    windowStartDay: Number(start.slice(3, 5)),
    windowEndMonth: Number(end.slice(0, 2)),
    windowEndDay: Number(end.slice(3, 5)),
    graceDays: profile.graceDays,
    isLapseMonthSuspension: profile.suspensionStart === 'lapseMonth',
    resumptionCutoffDay: profile.resumptionCutoffDay ?? 0,
    hasBackPay: profile.backPayOnResumption === 'full',
    custodySuspensionOffsetMonths: profile.imprisonmentSuspension === 'monthAfterCustodyStart' ? 1 : 0,
    releaseResumptionOffsetMonths: profile.imprisonmentResumption === 'monthAfterRelease' ? 1 : 0,
  };
}

/**
 * A validated, possibly date-versioned policy ready for fast evaluation. Build it once with
 * {@link loadPolicy} (or {@link getPreset}) and reuse it for every person.
 */
export class CompiledPolicy {
  /** Versions sorted by `effectiveFrom`. */
  readonly versions: readonly CompiledProfileVersion[];
  /** Whether some version needs the person's birth month. */
  readonly hasBirthdayMonthModel: boolean;

  constructor(
    /** The policy name (the single profile's name, or the versioned profile's). */
    readonly name: string,
    profiles: readonly ResolvedPolicyProfile[],
  ) {
    this.versions = Object.freeze(profiles.map(compileVersion).sort((a, b) => a.effectiveFromDay - b.effectiveFromDay));
    this.hasBirthdayMonthModel = profiles.some((profile) => profile.cycleModel === 'birthdayMonth');
  }

  /**
   * The version in effect on a day number: the latest whose `effectiveFrom` is on or before it. Days
   * before the first version use the first version.
   */
  versionAt(dayNumber: number): CompiledProfileVersion {
    const versions = this.versions;
    for (let i = versions.length - 1; i > 0; i--) {
      const version = versions[i] as CompiledProfileVersion;
      if (version.effectiveFromDay <= dayNumber) return version;
    }
    return versions[0] as CompiledProfileVersion;
  }

  /** The resolved profile in effect on a civil date (`YYYY-MM-DD`). */
  profileAt(date: string): ResolvedPolicyProfile {
    return this.versionAt(parseDay(date)).profile;
  }
}
