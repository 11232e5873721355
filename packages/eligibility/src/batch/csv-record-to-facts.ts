import { EligibilityError } from '../errors/eligibility-error.js';
import type { CertificationEvent, CertificationFacts, Imprisonment } from '../evaluate/certification-facts.js';
import type { BatchRecord } from './batch-record.js';

/**
 * Columns of the batch CSV input. `certifications` holds events separated by `;`, each
 * `date|channel|result` (result defaults to `success`), e.g. `2024-02-20|app;2024-05-01|app|failed`.
 * Only `firstPaymentDate` is required; unknown columns are rejected.
 */
export const CSV_INPUT_COLUMNS = Object.freeze([
  'id',
  'firstPaymentDate',
  'certifications',
  'birthDate',
  'deathDate',
  'paidThroughMonth',
  'scheme',
  'imprisonmentType',
  'imprisonmentFrom',
  'imprisonmentTo',
  'livingAbroad',
] as const);

/** A CSV input column name. */
export type CsvInputColumn = (typeof CSV_INPUT_COLUMNS)[number];

/**
 * Checks a CSV header and returns the column index of each known column (-1 when absent).
 *
 * @throws {EligibilityError} INVALID_RECORD for an unknown or duplicate column, or no `firstPaymentDate`.
 */
export function readCsvHeader(fields: readonly string[]): Readonly<Record<CsvInputColumn, number>> {
  const index = Object.fromEntries(CSV_INPUT_COLUMNS.map((column) => [column, -1])) as Record<CsvInputColumn, number>;
  fields.forEach((raw, i) => {
    const name = raw.trim();
    if (!(CSV_INPUT_COLUMNS as readonly string[]).includes(name)) {
      throw new EligibilityError('INVALID_RECORD', `unknown column ${JSON.stringify(name)}; known: ${CSV_INPUT_COLUMNS.join(', ')}`, name);
    }
    if (index[name as CsvInputColumn] >= 0) throw new EligibilityError('INVALID_RECORD', `duplicate column ${name}`, name);
    index[name as CsvInputColumn] = i;
  });
  if (index.firstPaymentDate < 0) throw new EligibilityError('INVALID_RECORD', 'the header needs a firstPaymentDate column', 'firstPaymentDate');
  return index;
}

function cell(fields: readonly string[], index: number): string | null {
  if (index < 0) return null;
  const value = fields[index]?.trim() ?? '';
  return value === '' ? null : value;
}

function events(text: string | null): CertificationEvent[] {
  if (text === null) return [];
  return text.split(';').filter((part) => part.trim() !== '').map((part, i) => {
    const [date = '', channel = '', result = 'success', ...rest] = part.split('|').map((piece) => piece.trim());
    if (rest.length > 0 || channel === '') {
      throw new EligibilityError('INVALID_RECORD', `certification ${i + 1} must be date|channel|result, got ${JSON.stringify(part)}`, `certifications[${i}]`);
    }
    return { date, channel, result } as CertificationEvent;
  });
}

/**
 * Turns one CSV row into facts for `today`. Values are checked by the evaluation itself.
 *
 * @throws {EligibilityError} INVALID_RECORD for a row with the wrong number of fields or a malformed cell.
 */
export function csvRecordToFacts(fields: readonly string[], header: Readonly<Record<CsvInputColumn, number>>, columnCount: number, today: string): BatchRecord {
  if (fields.length !== columnCount) {
    throw new EligibilityError('INVALID_RECORD', `expected ${columnCount} fields, got ${fields.length}`, 'row');
  }
  const type = cell(fields, header.imprisonmentType);
  const from = cell(fields, header.imprisonmentFrom);
  let imprisonment: Imprisonment | null = null;
  if (type !== null || from !== null) {
    imprisonment = { type: (type ?? '') as Imprisonment['type'], from: from ?? '', to: cell(fields, header.imprisonmentTo) };
  }
  const abroad = cell(fields, header.livingAbroad);
  if (abroad !== null && abroad !== 'true' && abroad !== 'false') {
    throw new EligibilityError('INVALID_RECORD', 'livingAbroad must be true, false or empty', 'livingAbroad');
  }
  const facts: CertificationFacts = {
    firstPaymentDate: cell(fields, header.firstPaymentDate) ?? '',
    certificationEvents: events(cell(fields, header.certifications)),
    today,
    birthDate: cell(fields, header.birthDate),
    deathDate: cell(fields, header.deathDate),
    paidThroughMonth: cell(fields, header.paidThroughMonth),
    scheme: cell(fields, header.scheme) as CertificationFacts['scheme'],
    imprisonment,
    livingAbroad: abroad === 'true',
  };
  return { id: cell(fields, header.id), facts };
}
