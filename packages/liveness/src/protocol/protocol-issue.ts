/**
 * Why a value is not a structurally valid plan or bundle. Codes are API: add, never rename.
 * - `wrong_type`: not the JSON type the field needs (object, array, string, number, boolean, integer);
 * - `missing_field`: a required field is absent;
 * - `unknown_field`: a field the format does not define;
 * - `forbidden_key`: `__proto__`, `constructor` or `prototype` as a key (prototype pollution);
 * - `out_of_range`: a number outside its bounds, or an unknown enum value;
 * - `too_long` / `too_short`: a string or array outside its length bounds;
 * - `bad_format`: a string that is not the ISO-8601 instant, base64 or identifier it must be;
 * - `inconsistent`: fields that contradict each other (digits without onsets, unordered times…).
 */
export type ProtocolIssueCode =
  | 'wrong_type'
  | 'missing_field'
  | 'unknown_field'
  | 'forbidden_key'
  | 'out_of_range'
  | 'too_long'
  | 'too_short'
  | 'bad_format'
  | 'inconsistent';

/** One structural problem, located by a JSON-pointer-like path (`/evidence/trace/frames/3/0`). */
export interface ProtocolIssue {
  readonly code: ProtocolIssueCode;
  readonly path: string;
  readonly message: string;
}

/**
 * A validator's answer: the value, rebuilt from known fields only, or the issues found (at most a
 * few dozen: validation stops collecting after that).
 */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ProtocolIssue[] };
