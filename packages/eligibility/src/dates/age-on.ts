import { EligibilityError } from '../errors/eligibility-error.js';
import { packedCivil } from './civil-day.js';
import { parseDay } from './parse-day.js';

/**
 * Age in whole years on `onDate` of a person born on `birthDate` (both civil dates). A person born on
 * 29 February turns a year older on 1 March in common years.
 *
 * @throws {EligibilityError} INVALID_DATE when either date is not a civil date, or `onDate` is before birth.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const birth = parseDay(birthDate);
  const on = parseDay(onDate);
  if (Number.isNaN(birth) || Number.isNaN(on)) {
    throw new EligibilityError('INVALID_DATE', `ageOn needs two civil dates, got ${JSON.stringify(birthDate)}, ${JSON.stringify(onDate)}`);
  }
  if (on < birth) throw new EligibilityError('INVALID_DATE', `${onDate} is before the birth date ${birthDate}`);
  return ageInYears(packedCivil(birth), packedCivil(on));
}

/** Whole years between two packed civil dates (`yyyymmdd` integers). */
export function ageInYears(packedBirth: number, packedOn: number): number {
  return Math.floor((packedOn - packedBirth) / 10_000);
}
