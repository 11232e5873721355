import { daysFromCivil, packedCivil } from './civil-day.js';

// Benefit months as integers `year * 12 + (month - 1)`: M + k is plain addition, so Dec + 1 is the next
// January without special cases.

/** Month index of a day number. */
export function monthIndexOfDay(dayNumber: number): number {
  const packed = packedCivil(dayNumber);
  const year = (packed / 10_000) | 0;
  const month = ((packed / 100) | 0) % 100;
  return year * 12 + month - 1;
}

/** Day number of the first day of a month index. */
export function firstDayOfMonth(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  return daysFromCivil(year, monthIndex - year * 12 + 1, 1);
}

/** Day number of the last day of a month index. */
export function lastDayOfMonth(monthIndex: number): number {
  return firstDayOfMonth(monthIndex + 1) - 1;
}

const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 300;
/** Immutable table of `YYYY-MM` strings for 1900..2199, built once: formatting is on the batch hot path. */
const MONTH_STRINGS: readonly string[] = Object.freeze(
  Array.from({ length: TABLE_YEARS * 12 }, (_, i) => {
    const month = (i % 12) + 1;
    return `${TABLE_FIRST_YEAR + Math.floor(i / 12)}-${month < 10 ? '0' : ''}${month}`;
  }),
);

/** `YYYY-MM` of a month index. */
export function formatMonth(monthIndex: number): string {
  const cached = MONTH_STRINGS[monthIndex - TABLE_FIRST_YEAR * 12];
  if (cached !== undefined) return cached;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/** Month index of a `YYYY-MM` string, or `NaN` when it is not one. */
export function parseMonth(text: string): number {
  if (typeof text !== 'string' || text.length !== 7 || text.charCodeAt(4) !== 45) return Number.NaN;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    year = year * 10 + digit;
  }
  const tens = text.charCodeAt(5) - 48;
  const units = text.charCodeAt(6) - 48;
  if (tens < 0 || tens > 9 || units < 0 || units > 9) return Number.NaN;
  const month = tens * 10 + units;
  if (month < 1 || month > 12) return Number.NaN;
  return year * 12 + month - 1;
}
