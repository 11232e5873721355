import { daysFromCivil, daysInMonth, packedCivil } from '../dates/civil-day.js';
import { lastDayOfMonth, monthIndexOfDay } from '../dates/month-index.js';
import { CycleCode, type CompiledProfileVersion } from '../profile/compiled-policy.js';

function clampedDay(year: number, month: number, day: number): number {
  const last = daysInMonth(year, month);
  return daysFromCivil(year, month, day > last ? last : day);
}

/**
 * Due date D(A) of the cycle anchored on day number `anchor` (rules §10.3), as a day number.
 * `birthMonth` (1..12) is used by the birthday-month model only.
 */
export function dueDay(version: CompiledProfileVersion, anchor: number, birthMonth: number): number {
  switch (version.cycle) {
    case CycleCode.RollingMonthEnd:
      return lastDayOfMonth(monthIndexOfDay(anchor) + version.cycleLength);
    case CycleCode.RollingMonthEndInclusive:
      return lastDayOfMonth(monthIndexOfDay(anchor) + version.cycleLength - 1);
    case CycleCode.RollingDays:
      return anchor + version.cycleLength;
    default:
      break;
  }
  const packed = packedCivil(anchor);
  const year = (packed / 10_000) | 0;
  const month = ((packed / 100) | 0) % 100;
  if (version.cycle === CycleCode.RollingSameDate) {
    const target = year * 12 + month - 1 + version.cycleLength;
    const targetYear = Math.floor(target / 12);
    return clampedDay(targetYear, target - targetYear * 12 + 1, packed % 100);
  }
  if (version.cycle === CycleCode.Window) {
    const windowStart = clampedDay(year, version.windowStartMonth, version.windowStartDay);
    const windowYear = anchor >= windowStart ? year : year - 1;
    return clampedDay(windowYear + 1, version.windowEndMonth, version.windowEndDay);
  }
  // Birthday month b: the period year runs from month b to month b-1 of the next year.
  const periodYear = month >= birthMonth ? year : year - 1;
  return lastDayOfMonth((periodYear + 1) * 12 + birthMonth - 1 + 11);
}

/** Suspension month S (month index) after the last valid day `lastValid` (rules §10.4). */
export function suspensionMonth(version: CompiledProfileVersion, lastValid: number): number {
  return version.isLapseMonthSuspension ? monthIndexOfDay(lastValid + 1) : monthIndexOfDay(lastValid) + 1;
}
