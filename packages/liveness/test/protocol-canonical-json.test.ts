import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/protocol.js';

/**
 * An independent oracle, written the obvious way. (Rebuilding sorted objects and calling
 * JSON.stringify would not do: objects put integer-like keys first, whatever the insertion order.)
 */
function oracle(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oracle).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${oracle(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('canonicalJson', () => {
  const vectors: [string, unknown, string][] = [
    ['sorts keys and drops whitespace', { b: 2, a: { d: [1, 2], c: 'x' } }, '{"a":{"c":"x","d":[1,2]},"b":2}'],
    ['sorts by UTF-16 code units', { é: 1, z: 2, Z: 3, '10': 4, '9': 5 }, '{"10":4,"9":5,"Z":3,"z":2,"é":1}'],
    ['writes numbers as ECMAScript does', [1e21, 1e-7, 0.1, -0, 100, 1.5e300], '[1e+21,1e-7,0.1,0,100,1.5e+300]'],
    ['escapes strings as JSON.stringify does', ['"\\\n\u0001', '中文'], '["\\"\\\\\\n\\u0001","中文"]'],
    ['keeps null and booleans, drops undefined members', { a: null, b: true, c: undefined }, '{"a":null,"b":true}'],
    ['handles empty containers', { a: {}, b: [] }, '{"a":{},"b":[]}'],
    ['accepts null-prototype objects', Object.assign(Object.create(null) as object, { b: 1, a: 2 }), '{"a":2,"b":1}'],
  ];
  it.each(vectors)('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  const refused: [string, unknown][] = [
    ['NaN', { a: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a bigint', 1n],
    ['a function', { f: () => 1 }],
    ['undefined in an array', [undefined]],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['nesting deeper than 32', JSON.parse('['.repeat(40) + ']'.repeat(40))],
  ];
  it.each(refused)('refuses %s with HuotiError INVALID_INPUT', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(expect.objectContaining({ name: 'HuotiError', code: 'INVALID_INPUT' }));
  });

  it('is stable under key order and a JSON round trip, and parses back to the same data (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        const reversed = JSON.parse(JSON.stringify(value), (_key, member: unknown) =>
          member && typeof member === 'object' && !Array.isArray(member)
            ? Object.fromEntries(Object.entries(member).reverse())
            : member,
        ) as unknown;
        expect(canonicalJson(reversed)).toBe(text);
        expect(text).toBe(oracle(value));
      }),
      { numRuns: 1_000 },
    );
  });
});
