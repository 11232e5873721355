import { EligibilityError } from '../errors/eligibility-error.js';
import type { CertificationFacts } from '../evaluate/certification-facts.js';
import type { BatchRecord } from './batch-record.js';

/**
 * Turns one JSONL line — a facts object as in the shared vectors, plus an optional `id` — into a record
 * evaluated on `today` (which replaces any `today` in the line).
 *
 * @throws {EligibilityError} INVALID_RECORD when the line is not a JSON object or `id` is not a string/number.
 */
export function jsonRecordToFacts(line: string, today: string): BatchRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new EligibilityError('INVALID_RECORD', `not valid JSON: ${(error as Error).message}`, 'line', { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EligibilityError('INVALID_RECORD', 'each line must be a JSON object of facts', 'line');
  }
  const { id = null, ...facts } = value as { id?: unknown } & Record<string, unknown>;
  if (id !== null && typeof id !== 'string' && typeof id !== 'number') {
    throw new EligibilityError('INVALID_RECORD', 'id must be a string or a number', 'id');
  }
  return { id: id === null ? null : String(id), facts: { ...(facts as unknown as CertificationFacts), today } };
}
