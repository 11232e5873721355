/**
 * Stable error codes of `@huoti/eligibility`. Codes are API: new ones may be added, none renamed.
 *
 * - `INVALID_PROFILE`: a policy profile failed validation (the `field` names the bad parameter).
 * - `UNKNOWN_PROFILE`: no preset has the requested name.
 * - `INVALID_FACTS`: the facts handed to an evaluation are malformed (the `field` names the bad fact).
 * - `INVALID_DATE`: a civil date or instant could not be read.
 * - `INVALID_RECORD`: a batch row could not be turned into facts.
 * - `CLI_USAGE`: the command line was not understood.
 * - `INPUT_READ_FAILED`: a batch input or profile file could not be read.
 */
export type EligibilityErrorCode =
  | 'INVALID_PROFILE'
  | 'UNKNOWN_PROFILE'
  | 'INVALID_FACTS'
  | 'INVALID_DATE'
  | 'INVALID_RECORD'
  | 'CLI_USAGE'
  | 'INPUT_READ_FAILED';
