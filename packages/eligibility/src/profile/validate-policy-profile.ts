import { CHANNEL_IDS, type ChannelId } from '../channels/channel-id.js';
import { daysInMonth } from '../dates/civil-day.js';
import { formatDay } from '../dates/format-day.js';
import { parseDay } from '../dates/parse-day.js';
import { EligibilityError } from '../errors/eligibility-error.js';
import { DEFAULT_POLICY_OPTIONS } from './default-policy-options.js';
import type {
  FixedWindow,
  PolicyParameterName,
  PolicyParameterSources,
  ProxyRelation,
  ResolvedPolicyProfile,
} from './policy-profile.js';
import { POLICY_LIMITS } from './policy-limits.js';

type PlainObject = Readonly<Record<string, unknown>>;

const REQUIRED_KEYS = [
  'name',
  'cycleModel',
  'cycleLengthMonths',
  'cycleLengthDays',
  'monthCounting',
  'fixedWindow',
  'graceDays',
  'suspensionStart',
  'resumptionCutoffDay',
  'backPayOnResumption',
  'imprisonmentSuspension',
  'imprisonmentResumption',
  'imprisonmentBackPay',
  'deathEntitlementThrough',
  'maxProxyBindings',
  'proxyRelationCaps',
  'proxyPhoneMustDiffer',
  'acceptLowercaseX',
  'timezone',
] as const;
const OPTIONAL_KEYS = ['effectiveFrom', 'description', 'reminderLeadMonths', 'proxyHelperMinimumAgeYears', 'channels', 'sources'] as const;
const KNOWN_KEYS = new Set<string>([...REQUIRED_KEYS, ...OPTIONAL_KEYS]);
const SOURCE_KEYS = new Set<string>([...REQUIRED_KEYS.filter((key) => key !== 'name'), ...OPTIONAL_KEYS.filter((key) => key !== 'sources' && key !== 'description')]);
const PROXY_RELATIONS: readonly ProxyRelation[] = ['elder', 'child', 'spouse', 'other'];

/** Short description of a value for an error message, safe for any input. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a value of type ${typeof value}`;
}

function fail(field: string, expectation: string, value: unknown): never {
  throw new EligibilityError('INVALID_PROFILE', `profile field ${field} must be ${expectation}, got ${describe(value)}`, field);
}

/** Whether `value` is a non-null, non-array object. */
export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: PlainObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function oneOf<T extends string>(object: PlainObject, key: string, path: string, allowed: readonly T[]): T {
  const value = own(object, key);
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(`${path}.${key}`, `one of ${allowed.join(', ')}`, value);
  }
  return value as T;
}

function integer(object: PlainObject, key: string, path: string, min: number, max: number, nullable: boolean): number | null {
  const value = own(object, key);
  if (value === null && nullable) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(`${path}.${key}`, `an integer from ${min} to ${max}${nullable ? ' or null' : ''}`, value);
  }
  return value;
}

function boolean(object: PlainObject, key: string, path: string): boolean {
  const value = own(object, key);
  if (typeof value !== 'boolean') fail(`${path}.${key}`, 'true or false', value);
  return value;
}

function text(object: PlainObject, key: string, path: string, maxLength: number, allowEmpty: boolean): string {
  const value = own(object, key);
  if (typeof value !== 'string' || value.length > maxLength || (!allowEmpty && value.trim() === '')) {
    fail(`${path}.${key}`, `a ${allowEmpty ? '' : 'non-empty '}string of at most ${maxLength} characters`, value);
  }
  return value;
}

function monthDay(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d\d-\d\d$/.test(value)) fail(field, 'a month-day "MM-DD"', value);
  const month = Number(value.slice(0, 2));
  const day = Number(value.slice(3, 5));
  // A leap year accepts 02-29; in common years it is clamped to 02-28 when used.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) fail(field, 'a real month-day "MM-DD"', value);
  return value;
}

function fixedWindow(object: PlainObject, path: string, required: boolean): FixedWindow | null {
  const value = own(object, 'fixedWindow');
  const field = `${path}.fixedWindow`;
  if (value === null && !required) return null;
  if (!isPlainObject(value)) fail(field, required ? 'an object {start, end} for cycleModel fixedWindow' : 'null or an object {start, end}', value);
  for (const key of Object.keys(value)) if (key !== 'start' && key !== 'end') fail(`${field}.${key}`, 'absent (unknown field)', own(value, key));
  const start = monthDay(own(value, 'start'), `${field}.start`);
  const end = monthDay(own(value, 'end'), `${field}.end`);
  if (start >= end) fail(`${field}.end`, `after start ${start} in the same year`, end);
  return { start, end };
}

function caps(object: PlainObject, path: string): Partial<Record<ProxyRelation, number>> | null {
  const value = own(object, 'proxyRelationCaps');
  const field = `${path}.proxyRelationCaps`;
  if (value === null) return null;
  if (!isPlainObject(value)) fail(field, 'null or an object of relation → cap', value);
  const result: Partial<Record<ProxyRelation, number>> = {};
  for (const key of Object.keys(value)) {
    if (!(PROXY_RELATIONS as readonly string[]).includes(key)) fail(`${field}.${key}`, `a relation (${PROXY_RELATIONS.join(', ')})`, key);
    result[key as ProxyRelation] = integer(value, key, field, 0, POLICY_LIMITS.maxProxyBindings, false) ?? 0;
  }
  return result;
}

function channels(object: PlainObject, path: string): readonly ChannelId[] {
  const value = own(object, 'channels');
  const field = `${path}.channels`;
  if (value === undefined) return DEFAULT_POLICY_OPTIONS.channels;
  if (!Array.isArray(value) || value.length === 0) fail(field, 'a non-empty array of channel ids', value);
  const seen = new Set<ChannelId>();
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string' || !(CHANNEL_IDS as readonly string[]).includes(item)) fail(`${field}[${index}]`, `a channel id (${CHANNEL_IDS.join(', ')})`, item);
    seen.add(item as ChannelId);
  });
  return [...seen];
}

function sources(object: PlainObject, path: string): PolicyParameterSources {
  const value = own(object, 'sources');
  const field = `${path}.sources`;
  if (value === undefined) return DEFAULT_POLICY_OPTIONS.sources;
  if (!isPlainObject(value)) fail(field, 'an object of parameter → source list', value);
  const result: Partial<Record<PolicyParameterName, readonly string[]>> = {};
  for (const key of Object.keys(value)) {
    if (!SOURCE_KEYS.has(key)) fail(`${field}.${key}`, 'the name of a profile parameter', key);
    const list = own(value, key);
    if (!Array.isArray(list) || list.length > POLICY_LIMITS.maxSourcesPerParameter) fail(`${field}.${key}`, 'an array of source strings', list);
    list.forEach((item: unknown, index) => {
      if (typeof item !== 'string' || item.trim() === '' || item.length > POLICY_LIMITS.maxSourceLength) fail(`${field}.${key}[${index}]`, 'a non-empty source string', item);
    });
    result[key as PolicyParameterName] = Object.freeze([...(list as string[])]);
  }
  return Object.freeze(result);
}

/**
 * Validates one JSON profile (the shared vectors' `profile` shape plus optional fields) and fills the
 * optional fields with {@link DEFAULT_POLICY_OPTIONS}. Unknown fields are rejected so typos surface.
 *
 * @param value - parsed JSON.
 * @param path - prefix for error field paths.
 * @throws {EligibilityError} INVALID_PROFILE naming the first bad field (for example `profile.graceDays`).
 */
export function validatePolicyProfile(value: unknown, path = 'profile'): ResolvedPolicyProfile {
  if (!isPlainObject(value)) fail(path, 'an object', value);
  for (const key of Object.keys(value)) {
    if (!KNOWN_KEYS.has(key)) fail(`${path}.${key}`, 'absent (unknown field)', own(value, key));
  }
  for (const key of REQUIRED_KEYS) {
    if (own(value, key) === undefined) fail(`${path}.${key}`, 'present (required field)', undefined);
  }
  const name = text(value, 'name', path, POLICY_LIMITS.maxNameLength, false);
  const cycleModel = oneOf(value, 'cycleModel', path, ['rollingMonths', 'rollingDays', 'calendarYear', 'fixedWindow', 'birthdayMonth'] as const);
  const cycleLengthMonths = integer(value, 'cycleLengthMonths', path, 1, POLICY_LIMITS.maxCycleLengthMonths, cycleModel !== 'rollingMonths');
  const cycleLengthDays = integer(value, 'cycleLengthDays', path, 1, POLICY_LIMITS.maxCycleLengthDays, cycleModel !== 'rollingDays');
  const monthCounting = oneOf(value, 'monthCounting', path, ['monthEnd', 'monthEndInclusive', 'sameDate'] as const);
  const window = fixedWindow(value, path, cycleModel === 'fixedWindow');
  const graceDays = integer(value, 'graceDays', path, 0, POLICY_LIMITS.maxGraceDays, false) ?? 0;
  const suspensionStart = oneOf(value, 'suspensionStart', path, ['nextMonthAfterLapse', 'lapseMonth'] as const);
  const resumptionCutoffDay = integer(value, 'resumptionCutoffDay', path, 1, POLICY_LIMITS.maxResumptionCutoffDay, true);
  const backPayOnResumption = oneOf(value, 'backPayOnResumption', path, ['full', 'none'] as const);
  const imprisonmentSuspension = oneOf(value, 'imprisonmentSuspension', path, ['monthAfterCustodyStart', 'custodyStartMonth'] as const);
  const imprisonmentResumption = oneOf(value, 'imprisonmentResumption', path, ['monthAfterRelease', 'releaseMonth'] as const);
  const imprisonmentBackPay = oneOf(value, 'imprisonmentBackPay', path, ['none'] as const);
  const deathEntitlementThrough = oneOf(value, 'deathEntitlementThrough', path, ['deathMonth'] as const);
  const maxProxyBindings = integer(value, 'maxProxyBindings', path, 0, POLICY_LIMITS.maxProxyBindings, false) ?? 0;
  const proxyRelationCaps = caps(value, path);
  const proxyPhoneMustDiffer = boolean(value, 'proxyPhoneMustDiffer', path);
  const acceptLowercaseX = boolean(value, 'acceptLowercaseX', path);
  const timezone = oneOf(value, 'timezone', path, ['Asia/Shanghai'] as const);

  let effectiveFrom: string | null = DEFAULT_POLICY_OPTIONS.effectiveFrom;
  const effective = own(value, 'effectiveFrom');
  if (effective !== undefined && effective !== null) {
    const day = typeof effective === 'string' && effective.length === 10 ? parseDay(effective) : Number.NaN;
    if (Number.isNaN(day)) fail(`${path}.effectiveFrom`, 'null or a civil date "YYYY-MM-DD"', effective);
    effectiveFrom = formatDay(day);
  }
  const description = own(value, 'description') === undefined ? DEFAULT_POLICY_OPTIONS.description : text(value, 'description', path, POLICY_LIMITS.maxDescriptionLength, true);
  const reminderLeadMonths = own(value, 'reminderLeadMonths') === undefined
    ? DEFAULT_POLICY_OPTIONS.reminderLeadMonths
    : integer(value, 'reminderLeadMonths', path, 0, POLICY_LIMITS.maxReminderLeadMonths, true);
  const proxyHelperMinimumAgeYears = own(value, 'proxyHelperMinimumAgeYears') === undefined
    ? DEFAULT_POLICY_OPTIONS.proxyHelperMinimumAgeYears
    : integer(value, 'proxyHelperMinimumAgeYears', path, 0, POLICY_LIMITS.maxProxyHelperMinimumAgeYears, false) ?? 0;

  return Object.freeze({
    name,
    cycleModel,
    cycleLengthMonths,
    cycleLengthDays,
    monthCounting,
    fixedWindow: window === null ? null : Object.freeze(window),
    graceDays,
    suspensionStart,
    resumptionCutoffDay,
    backPayOnResumption,
    imprisonmentSuspension,
    imprisonmentResumption,
    imprisonmentBackPay,
    deathEntitlementThrough,
    maxProxyBindings,
    proxyRelationCaps: proxyRelationCaps === null ? null : Object.freeze(proxyRelationCaps),
    proxyPhoneMustDiffer,
    acceptLowercaseX,
    timezone,
    effectiveFrom,
    description,
    reminderLeadMonths,
    proxyHelperMinimumAgeYears,
    channels: Object.freeze([...channels(value, path)]),
    sources: sources(value, path),
  });
}
