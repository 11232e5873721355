import { packedCivil } from './civil-day.js';

/** `YYYY-MM-DD` of a day number (years 1000..9999). */
export function formatDay(dayNumber: number): string {
  const packed = packedCivil(dayNumber);
  const year = (packed / 10_000) | 0;
  const month = ((packed / 100) | 0) % 100;
  const day = packed % 100;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
