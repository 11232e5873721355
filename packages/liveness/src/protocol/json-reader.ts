import type { ProtocolIssue, ProtocolIssueCode } from './protocol-issue.js';

/** Keys that could reach an object's prototype if a consumer ever copied them naively. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Validation stops collecting issues after this many: one hostile body must not build a huge list. */
const MAX_ISSUES = 32;

/** Matches `Date.prototype.toISOString()` output (UTC, optional milliseconds). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

/** Bounds and format of a string field. */
export interface StringRule {
  readonly minLength?: number;
  readonly maxLength: number;
  readonly pattern?: RegExp;
  readonly patternName?: string;
}

/**
 * Internal to the protocol validators: reads untrusted JSON data field by field, records a
 * {@link ProtocolIssue} for each problem and returns `undefined` for a bad field, never throwing.
 */
export class JsonReader {
  readonly issues: ProtocolIssue[] = [];
  /** Every problem found, including those past the stored maximum. */
  errorCount = 0;

  /** Whether enough issues were found to stop looking. */
  get isFull(): boolean {
    return this.issues.length >= MAX_ISSUES;
  }

  /** Records a problem (until {@link isFull}). */
  report(code: ProtocolIssueCode, path: string, message: string): undefined {
    this.errorCount++;
    if (!this.isFull) this.issues.push({ code, path, message });
    return undefined;
  }

  /**
   * A plain object whose keys are all in `allowedKeys`, or `undefined`. Own data properties only:
   * accessors are refused, so reading a field never runs code.
   */
  record(value: unknown, path: string, allowedKeys: readonly string[]): Readonly<Record<string, unknown>> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.report('wrong_type', path, 'expected an object');
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return this.report('wrong_type', path, 'expected a plain object');
    let isClean = true;
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string') {
        isClean = false;
        this.report('unknown_field', path, 'symbol key');
        continue;
      }
      if (FORBIDDEN_KEYS.has(key)) {
        isClean = false;
        this.report('forbidden_key', `${path}/${key}`, `forbidden key "${key}"`);
      } else if (!allowedKeys.includes(key)) {
        isClean = false;
        this.report('unknown_field', `${path}/${truncate(key)}`, 'field not defined by the protocol');
      } else if (!('value' in (Object.getOwnPropertyDescriptor(value, key) ?? {}))) {
        isClean = false;
        this.report('wrong_type', `${path}/${key}`, 'accessor property');
      }
    }
    return isClean ? (value as Readonly<Record<string, unknown>>) : undefined;
  }

  /** The own field `key` of `record`, or `undefined` when absent. */
  field(record: Readonly<Record<string, unknown>>, key: string): unknown {
    return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
  }

  /** A required field: reports `missing_field` when absent. */
  required(record: Readonly<Record<string, unknown>>, key: string, path: string): unknown {
    const value = this.field(record, key);
    if (value === undefined) this.report('missing_field', `${path}/${key}`, 'required');
    return value;
  }

  /** An array with `minLength`–`maxLength` items. */
  array(value: unknown, path: string, minLength: number, maxLength: number): readonly unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.report('wrong_type', path, 'expected an array');
    if (value.length < minLength) return this.report('too_short', path, `at least ${minLength} items`);
    if (value.length > maxLength) return this.report('too_long', path, `at most ${maxLength} items`);
    for (let index = 0; index < value.length; index++) {
      if (!(index in value)) return this.report('wrong_type', path, 'sparse array');
    }
    return value;
  }

  /** A string within `rule`. */
  string(value: unknown, path: string, rule: StringRule): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.report('wrong_type', path, 'expected a string');
    if (value.length < (rule.minLength ?? 1)) return this.report('too_short', path, `at least ${rule.minLength ?? 1} characters`);
    if (value.length > rule.maxLength) return this.report('too_long', path, `at most ${rule.maxLength} characters`);
    if (rule.pattern && !rule.pattern.test(value)) return this.report('bad_format', path, `expected ${rule.patternName ?? 'another format'}`);
    return value;
  }

  /** A UTC ISO-8601 instant, returned as epoch ms. */
  instant(value: unknown, path: string): number | undefined {
    const text = this.string(value, path, { maxLength: 30, pattern: ISO_INSTANT, patternName: 'an ISO-8601 UTC instant' });
    if (text === undefined) return undefined;
    const epochMs = Date.parse(text);
    return Number.isFinite(epochMs) ? epochMs : this.report('bad_format', path, 'not a real date');
  }

  /** A finite number in `[min, max]`, an integer when `isInteger`. */
  number(value: unknown, path: string, min: number, max: number, isInteger = false): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.report('wrong_type', path, 'expected a finite number');
    if (isInteger && !Number.isInteger(value)) return this.report('wrong_type', path, 'expected an integer');
    if (value < min || value > max) return this.report('out_of_range', path, `expected ${min}–${max}`);
    return value;
  }

  /** A boolean. */
  boolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined) return undefined;
    return typeof value === 'boolean' ? value : this.report('wrong_type', path, 'expected a boolean');
  }

  /** One of `allowed`. */
  oneOf<T extends string | number>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    return allowed.includes(value as T) ? (value as T) : this.report('out_of_range', path, `expected one of ${allowed.join(', ')}`);
  }
}

function truncate(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}
