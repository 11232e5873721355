import { EligibilityError } from '../errors/eligibility-error.js';
import { formatDay } from './format-day.js';
import { parseDay } from './parse-day.js';

/**
 * The Asia/Shanghai civil date (`YYYY-MM-DD`) of a civil date or an ISO-8601 instant with an offset.
 * UTC+8 is applied arithmetically; the host time zone is never consulted.
 *
 * @throws {EligibilityError} INVALID_DATE when `text` is neither.
 */
export function toCivilDate(text: string): string {
  const day = parseDay(text);
  if (Number.isNaN(day)) throw new EligibilityError('INVALID_DATE', `not a civil date or ISO instant: ${JSON.stringify(text)}`);
  return formatDay(day);
}
