import { HuotiError } from '../errors/huoti-error.js';

/** Nesting deeper than this is refused: no protocol value comes near it, hostile input might. */
const MAX_CANONICAL_DEPTH = 32;

/** Strings at least this long are checked for escape-free ASCII first (base64 media is). */
const LONG_STRING_LENGTH = 1_024;

/** Printable ASCII but `"` and `\`: characters `JSON.stringify` writes as they are. */
const ESCAPE_FREE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * Serialises JSON data deterministically, following the subset of RFC 8785 (JSON Canonicalization
 * Scheme) that the Huoti protocol needs:
 * - object keys sorted by UTF-16 code units (what `Array.prototype.sort` does), no whitespace;
 * - numbers must be finite and are written as ECMAScript writes them (`JSON.stringify`, so `-0` is `0`);
 * - strings are escaped as `JSON.stringify` escapes them;
 * - object members whose value is `undefined` are left out (as in JSON); anything else that is not
 *   `null`, a boolean, a number, a string, an array or a plain object is refused.
 *
 * @throws {HuotiError} INVALID_INPUT on a non-finite number, an unsupported value, or nesting deeper than 32.
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

function write(value: unknown, depth: number): string {
  if (depth > MAX_CANONICAL_DEPTH) throw new HuotiError('INVALID_INPUT', 'canonicalJson: nesting too deep');
  switch (typeof value) {
    case 'string':
      // Same output as JSON.stringify; a regex scan is several times faster on long base64.
      return value.length >= LONG_STRING_LENGTH && ESCAPE_FREE.test(value) ? `"${value}"` : JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new HuotiError('INVALID_INPUT', 'canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new HuotiError('INVALID_INPUT', `canonicalJson: unsupported ${typeof value}`);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    // Metric frames are arrays of finite numbers: the native serialiser writes them identically, faster.
    if (isNumberArray(value)) return JSON.stringify(value);
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) text += ',';
      text += write(value[index], depth + 1);
    }
    return `${text}]`;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new HuotiError('INVALID_INPUT', 'canonicalJson: only plain objects are serialised');
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${write(member, depth + 1)}`;
  }
  return `${text}}`;
}

/** Index by index (not `every`, which skips holes: a hole must be refused like `undefined`). */
function isNumberArray(items: readonly unknown[]): boolean {
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (typeof item !== 'number' || !Number.isFinite(item)) return false;
  }
  return true;
}
