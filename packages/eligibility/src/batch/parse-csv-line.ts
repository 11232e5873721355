import { EligibilityError } from '../errors/eligibility-error.js';

/**
 * Splits one CSV line (RFC 4180: comma separated, fields optionally in double quotes, `""` for a quote)
 * into fields. Quoted fields may not span lines.
 *
 * @throws {EligibilityError} INVALID_RECORD for an unterminated or misplaced quote.
 */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const length = line.length;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let value = '';
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) throw new EligibilityError('INVALID_RECORD', `unterminated quoted field ${fields.length + 1}`, `column ${fields.length + 1}`);
        value += line.slice(i, close);
        if (line.charCodeAt(close + 1) === 34) {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      if (i < length && line.charCodeAt(i) !== 44) throw new EligibilityError('INVALID_RECORD', `text after closing quote in field ${fields.length + 1}`, `column ${fields.length + 1}`);
      fields.push(value);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? length : comma;
      const value = line.slice(i, end);
      if (value.includes('"')) throw new EligibilityError('INVALID_RECORD', `stray quote in field ${fields.length + 1}`, `column ${fields.length + 1}`);
      fields.push(value);
      i = end;
    }
    if (i >= length) return fields;
    i++; // the comma
    if (i === length) {
      fields.push('');
      return fields;
    }
  }
}
