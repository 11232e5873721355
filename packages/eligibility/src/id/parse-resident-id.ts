import { daysFromCivil, daysInMonth, packedCivil } from '../dates/civil-day.js';
import { ageInYears } from '../dates/age-on.js';
import { parseDay } from '../dates/parse-day.js';
import { EligibilityError } from '../errors/eligibility-error.js';
import { computeCheckDigit } from './check-digit.js';
import { DEFAULT_PARSE_RESIDENT_ID_OPTIONS, type ParseResidentIdOptions } from './parse-resident-id-options.js';
import { PROVINCE_NAMES } from './province-names.js';
import type {
  ForeignPermanentResidentLayout,
  InvalidResidentId,
  ResidentIdErrorCode,
  ResidentIdFlag,
  ResidentIdKind,
  ResidentIdResult,
} from './resident-id-result.js';

const LENGTH_CURRENT = 18;
const LENGTH_LEGACY = 15;
const ADDRESS_CODE_LENGTH = 6;
/** Address codes of residence permits for Hong Kong, Macao and Taiwan residents (国办发〔2018〕81号 art. 3). */
const PERMIT_ADDRESS_CODES: Readonly<Record<string, ResidentIdKind>> = Object.freeze({
  '810000': 'hkResidencePermit',
  '820000': 'moResidencePermit',
  '830000': 'twResidencePermit',
});
const PERMIT_PROVINCES: readonly string[] = Object.freeze(['81', '82', '83']);
const FOREIGN_PERMANENT_RESIDENT_LEAD = '9';
const LEGACY_CENTURY = '19';

const FULL_WIDTH_ZERO = 0xff10;
const FULL_WIDTH_NINE = 0xff19;
const FULL_WIDTH_UPPER_X = 0xff38;
const FULL_WIDTH_LOWER_X = 0xff58;

function normalize(input: string, acceptLowercaseX: boolean): string {
  let out = '';
  for (const char of input) {
    if (/\s/u.test(char)) continue;
    const code = char.charCodeAt(0);
    if (code >= FULL_WIDTH_ZERO && code <= FULL_WIDTH_NINE) out += String.fromCharCode(code - FULL_WIDTH_ZERO + 48);
    else if (code === FULL_WIDTH_UPPER_X) out += 'X';
    else if (code === FULL_WIDTH_LOWER_X) out += acceptLowercaseX ? 'X' : 'x';
    else if (char === 'x' && acceptLowercaseX) out += 'X';
    else out += char;
  }
  return out;
}

function invalid(normalized: string, error: ResidentIdErrorCode, expectedCheckDigit: string | null = null): InvalidResidentId {
  return { valid: false, normalized, error, expectedCheckDigit };
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Day number of an eight-digit `YYYYMMDD`, or NaN when it is not a real date from `minimumYear` on. */
function birthDay(yyyymmdd: string, minimumYear: number): number {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < minimumYear || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day);
}

function isoOf(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Parses a resident identity number (GB 11643-1999, 18 characters, MOD 11-2 check), a legacy 15-digit
 * number (GB 11643-1989, converted to 18), a Hong Kong/Macao/Taiwan residence permit number
 * (810000/820000/830000) or a 2023-version foreign permanent resident number (leading 9).
 *
 * Whitespace (ASCII, U+3000, U+00A0 …) is removed, full-width digits and Ｘ/ｘ are mapped to ASCII and a
 * lower-case `x` is upper-cased when `acceptLowercaseX` (default). Checks run in the order
 * `EMPTY, CHARSET, LENGTH, REGION, BIRTH_DATE, CHECK_DIGIT`; the first failure is returned, never thrown.
 * Only the province prefix of the address code is checked.
 *
 * @throws {EligibilityError} INVALID_DATE when `options.referenceDate` is given but is not a civil date.
 */
export function parseResidentId(input: string, options: ParseResidentIdOptions = {}): ResidentIdResult {
  const acceptLowercaseX = options.acceptLowercaseX ?? DEFAULT_PARSE_RESIDENT_ID_OPTIONS.acceptLowercaseX;
  const referenceText = options.referenceDate ?? DEFAULT_PARSE_RESIDENT_ID_OPTIONS.referenceDate;
  let referenceDay = Number.NaN;
  if (referenceText !== null) {
    referenceDay = parseDay(referenceText);
    if (Number.isNaN(referenceDay)) {
      throw new EligibilityError('INVALID_DATE', `referenceDate is not a civil date: ${JSON.stringify(referenceText)}`, 'referenceDate');
    }
  }
  const normalized = normalize(typeof input === 'string' ? input : '', acceptLowercaseX);
  const length = normalized.length;
  if (length === 0) return invalid(normalized, 'EMPTY');

  // CHARSET: digits only, except an X as the last character of an 18-character number.
  const lastIsX = normalized.charCodeAt(length - 1) === 88;
  if (!isDigits(normalized, 0, lastIsX ? length - 1 : length)) return invalid(normalized, 'CHARSET');
  if (lastIsX && length === LENGTH_LEGACY) return invalid(normalized, 'CHARSET');

  if (length !== LENGTH_CURRENT && length !== LENGTH_LEGACY) return invalid(normalized, 'LENGTH');

  if (length === LENGTH_LEGACY) return parseLegacy(normalized, referenceDay);

  const isForeign = normalized.charAt(0) === FOREIGN_PERMANENT_RESIDENT_LEAD;
  const addressCode = normalized.slice(0, ADDRESS_CODE_LENGTH);
  const provinceCode = normalized.slice(0, 2);
  let kind: ResidentIdKind = 'resident';
  if (isForeign) {
    kind = 'foreignPermanentResident';
  } else if (PERMIT_PROVINCES.includes(provinceCode)) {
    const permitKind = PERMIT_ADDRESS_CODES[addressCode];
    if (permitKind === undefined) return invalid(normalized, 'REGION');
    kind = permitKind;
  } else if (PROVINCE_NAMES[provinceCode] === undefined) {
    return invalid(normalized, 'REGION');
  }

  let birth = Number.NaN;
  if (!isForeign) {
    birth = birthDay(normalized.slice(6, 14), DEFAULT_PARSE_RESIDENT_ID_OPTIONS.minimumBirthYear);
    if (Number.isNaN(birth) || birth > referenceDay) return invalid(normalized, 'BIRTH_DATE');
  }

  const expected = computeCheckDigit(normalized);
  if (normalized.charAt(17) !== expected) return invalid(normalized, 'CHECK_DIGIT', expected);

  if (isForeign) {
    const layoutBirth = birthDay(normalized.slice(6, 14), DEFAULT_PARSE_RESIDENT_ID_OPTIONS.minimumBirthYear);
    const foreignLayout: ForeignPermanentResidentLayout = {
      provinceCode: normalized.slice(1, 3),
      nationalityCode: normalized.slice(3, 6),
      birthDate: Number.isNaN(layoutBirth) ? null : isoOf(normalized.slice(6, 14)),
      sequence: normalized.slice(14, 17),
    };
    return {
      valid: true,
      kind,
      normalized,
      birthDate: null,
      gender: null,
      regionCode: null,
      provinceCode: null,
      provinceName: null,
      age: null,
      converted18: null,
      foreignLayout,
      flags: [],
      error: null,
    };
  }
  return {
    valid: true,
    kind,
    normalized,
    birthDate: isoOf(normalized.slice(6, 14)),
    gender: (normalized.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
    regionCode: addressCode,
    provinceCode,
    provinceName: PROVINCE_NAMES[provinceCode] ?? null,
    age: Number.isNaN(referenceDay) ? null : ageInYears(packedCivil(birth), packedCivil(referenceDay)),
    converted18: null,
    foreignLayout: null,
    flags: [],
    error: null,
  };
}

function parseLegacy(normalized: string, referenceDay: number): ResidentIdResult {
  const birthDigits = LEGACY_CENTURY + normalized.slice(6, 12);
  const birth = birthDay(birthDigits, DEFAULT_PARSE_RESIDENT_ID_OPTIONS.minimumBirthYear);
  if (Number.isNaN(birth) || birth > referenceDay) return invalid(normalized, 'BIRTH_DATE');
  const body = normalized.slice(0, ADDRESS_CODE_LENGTH) + LEGACY_CENTURY + normalized.slice(ADDRESS_CODE_LENGTH);
  const provinceCode = normalized.slice(0, 2);
  const flags: ResidentIdFlag[] = [];
  if (Number(normalized.slice(12, 15)) >= DEFAULT_PARSE_RESIDENT_ID_OPTIONS.centenarianSequenceFrom) {
    flags.push('legacyCentenarianSequence');
  }
  return {
    valid: true,
    kind: 'residentLegacy15',
    normalized,
    birthDate: isoOf(birthDigits),
    gender: (normalized.charCodeAt(14) - 48) % 2 === 1 ? 'male' : 'female',
    regionCode: normalized.slice(0, ADDRESS_CODE_LENGTH),
    provinceCode,
    provinceName: PROVINCE_NAMES[provinceCode] ?? null,
    age: Number.isNaN(referenceDay) ? null : ageInYears(packedCivil(birth), packedCivil(referenceDay)),
    converted18: body + computeCheckDigit(body),
    foreignLayout: null,
    flags,
    error: null,
  };
}
