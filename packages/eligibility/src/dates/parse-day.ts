import { daysFromCivil, daysInMonth } from './civil-day.js';

/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), in minutes. */
export const SHANGHAI_OFFSET_MINUTES = 480;
const MINUTES_PER_DAY = 1440;

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Day number of a civil date `YYYY-MM-DD`, or of the Asia/Shanghai civil date of an ISO-8601 instant
 * with an offset (`2024-07-01T00:30:00+08:00`, `…Z`). A date-time without an offset is read as
 * Asia/Shanghai wall time. Returns `NaN` for anything else, including impossible dates.
 */
export function parseDay(text: string): number {
  if (typeof text !== 'string' || text.length < 10) return Number.NaN;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  const dayNumber = daysFromCivil(year, month, day);
  if (text.length === 10) return dayNumber;
  return parseInstantTail(text, dayNumber);
}

function parseInstantTail(text: string, dayNumber: number): number {
  // T, hh:mm, optional :ss and fraction, then Z, ±hh:mm, ±hhmm or nothing (Shanghai wall time).
  const separator = text.charCodeAt(10);
  if (separator !== 84 && separator !== 116 && separator !== 32) return Number.NaN;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (text.charCodeAt(13) !== 58 || hour < 0 || hour > 24 || minute < 0 || minute > 59) return Number.NaN;
  let i = 16;
  if (text.charCodeAt(i) === 58) {
    const second = digits(text, i + 1, 2);
    if (second < 0 || second > 60) return Number.NaN;
    i += 3;
    if (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44) {
      i++;
      const fractionStart = i;
      while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      if (i === fractionStart) return Number.NaN;
    }
  }
  if (hour === 24 && minute !== 0) return Number.NaN;
  const wallMinutes = hour * 60 + minute;
  if (i === text.length) return dayNumber + Math.floor(wallMinutes / MINUTES_PER_DAY);
  let offsetMinutes: number;
  const sign = text.charCodeAt(i);
  if ((sign === 90 || sign === 122) && i + 1 === text.length) {
    offsetMinutes = 0;
  } else if (sign === 43 || sign === 45) {
    const rest = text.length - i - 1;
    const offsetHour = digits(text, i + 1, 2);
    let offsetMinute: number;
    if (rest === 5 && text.charCodeAt(i + 3) === 58) offsetMinute = digits(text, i + 4, 2);
    else if (rest === 4) offsetMinute = digits(text, i + 3, 2);
    else if (rest === 2) offsetMinute = 0;
    else return Number.NaN;
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return Number.NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHour * 60 + offsetMinute);
  } else {
    return Number.NaN;
  }
  const shanghaiMinutes = dayNumber * MINUTES_PER_DAY + wallMinutes - offsetMinutes + SHANGHAI_OFFSET_MINUTES;
  return Math.floor(shanghaiMinutes / MINUTES_PER_DAY);
}
