import type { ProvinceName } from './province-names.js';

/** Kinds of number recognised by {@link parseResidentId}. */
export type ResidentIdKind =
  | 'resident'
  | 'residentLegacy15'
  | 'hkResidencePermit'
  | 'moResidencePermit'
  | 'twResidencePermit'
  | 'foreignPermanentResident';

/** Failure reasons, in the order they are checked (the first failing one is reported). */
export type ResidentIdErrorCode = 'EMPTY' | 'CHARSET' | 'LENGTH' | 'REGION' | 'BIRTH_DATE' | 'CHECK_DIGIT';

/** The failure reasons in checking order. */
export const RESIDENT_ID_ERROR_ORDER: readonly ResidentIdErrorCode[] = Object.freeze([
  'EMPTY',
  'CHARSET',
  'LENGTH',
  'REGION',
  'BIRTH_DATE',
  'CHECK_DIGIT',
]);

/** Notes on a valid number that deserve a human look without making it invalid. */
export type ResidentIdFlag = 'legacyCentenarianSequence';

/**
 * Fields of a 2023-version foreign permanent resident number as commonly described; the layout is
 * unconfirmed (rules §9), so they are reported but never validated.
 */
export interface ForeignPermanentResidentLayout {
  readonly provinceCode: string;
  readonly nationalityCode: string;
  /** `YYYY-MM-DD` when the digits form a real date, else null. */
  readonly birthDate: string | null;
  readonly sequence: string;
}

/** A number that passed every check. */
export interface ValidResidentId {
  readonly valid: true;
  readonly kind: ResidentIdKind;
  /** The input after normalisation (whitespace removed, full-width mapped, `x` upper-cased). */
  readonly normalized: string;
  /** Birth date `YYYY-MM-DD`; null for foreign permanent resident numbers (layout unconfirmed). */
  readonly birthDate: string | null;
  /** From the sequence code: odd male, even female; null for foreign permanent resident numbers. */
  readonly gender: 'male' | 'female' | null;
  /** Six-digit address code; null for foreign permanent resident numbers. */
  readonly regionCode: string | null;
  /** Two-digit province prefix; null for foreign permanent resident numbers. */
  readonly provinceCode: string | null;
  /** Province name when the prefix is known. */
  readonly provinceName: ProvinceName | null;
  /** Age in whole years on `options.referenceDate`; null without a reference date or birth date. */
  readonly age: number | null;
  /** For `residentLegacy15`: the equivalent 18-digit number; else null. */
  readonly converted18: string | null;
  /** For `foreignPermanentResident`: the unconfirmed layout; else null. */
  readonly foreignLayout: ForeignPermanentResidentLayout | null;
  readonly flags: readonly ResidentIdFlag[];
  readonly error: null;
}

/** A number that failed a check. */
export interface InvalidResidentId {
  readonly valid: false;
  readonly normalized: string;
  readonly error: ResidentIdErrorCode;
  /** For `CHECK_DIGIT`: the character the number should end with; else null. */
  readonly expectedCheckDigit: string | null;
}

/** Result of {@link parseResidentId}. */
export type ResidentIdResult = ValidResidentId | InvalidResidentId;
