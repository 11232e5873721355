import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHALLENGE_STEP_KINDS, STRICTNESS_LEVELS, validateChallengePlan, type ChallengePlan } from '../src/protocol.js';

const valid: ChallengePlan = {
  version: 1,
  nonce: 'n0nce-n0nce-n0nce-n0nce_',
  issuedAt: '2026-03-01T08:00:00.000Z',
  expiresAt: '2026-03-01T08:05:00Z',
  strictness: 'strict',
  steps: [{ kind: 'nod', timeoutMs: 5_000 }, { kind: 'readDigits', digits: [0, 9, 5, 1], digitOnsetsMs: [0, 1_200, 2_400, 3_600], timeoutMs: 6_000 }],
  keyId: 'portal-2026.01',
  signature: 'AbC-_9',
};
const withPlan = (edit: (plan: Record<string, unknown> & { steps: Record<string, unknown>[] }) => void): unknown => {
  const plan = JSON.parse(JSON.stringify(valid)) as Parameters<typeof edit>[0];
  edit(plan);
  return plan;
};

describe('validateChallengePlan', () => {
  it('accepts a valid plan, with or without key id and signature', () => {
    expect(validateChallengePlan(valid)).toEqual({ ok: true, value: valid });
    const { keyId: _keyId, signature: _signature, ...unsigned } = valid;
    expect(validateChallengePlan(unsigned).ok).toBe(true);
  });

  const invalid: [string, unknown, string, string][] = [
    ['version 2', withPlan((p) => void (p.version = 2)), 'out_of_range', '/version'],
    ['a short nonce', withPlan((p) => void (p.nonce = 'abc')), 'too_short', '/nonce'],
    ['a nonce outside base64url', withPlan((p) => void (p.nonce = 'n0nce+n0nce/n0nce=n0nce=')), 'bad_format', '/nonce'],
    ['a local time', withPlan((p) => void (p.issuedAt = '2026-03-01T08:00:00+08:00')), 'bad_format', '/issuedAt'],
    ['an impossible date', withPlan((p) => void (p.issuedAt = '2026-13-45T08:00:00Z')), 'bad_format', '/issuedAt'],
    ['expiry before issue', withPlan((p) => void (p.expiresAt = '2026-03-01T07:00:00Z')), 'inconsistent', '/expiresAt'],
    ['an unknown strictness', withPlan((p) => void (p.strictness = 'lenient')), 'out_of_range', '/strictness'],
    ['no steps', withPlan((p) => void (p.steps = [])), 'too_short', '/steps'],
    ['nine steps', withPlan((p) => void (p.steps = Array(9).fill({ kind: 'blink' }))), 'too_long', '/steps'],
    ['digits on a blink', withPlan((p) => void (p.steps[0] = { kind: 'blink', digits: [1, 2, 3] })), 'inconsistent', '/steps/0'],
    ['readDigits without onsets', withPlan((p) => void delete p.steps[1]?.digitOnsetsMs), 'missing_field', '/steps/1/digitOnsetsMs'],
    ['two digits', withPlan((p) => void (p.steps[1] = { kind: 'readDigits', digits: [1, 2], digitOnsetsMs: [0, 1] })), 'too_short', '/steps/1/digits'],
    ['a digit of 10', withPlan((p) => void ((p.steps[1]?.digits as number[])[0] = 10)), 'out_of_range', '/steps/1/digits/0'],
    ['onsets not increasing', withPlan((p) => void ((p.steps[1]?.digitOnsetsMs as number[])[2] = 100)), 'inconsistent', '/steps/1/digitOnsetsMs/2'],
    ['fewer onsets than digits', withPlan((p) => void (p.steps[1]?.digitOnsetsMs as number[]).pop()), 'inconsistent', '/steps/1/digitOnsetsMs'],
    ['a digit revealed after the timeout', withPlan((p) => void (p.steps[1] = { ...p.steps[1], timeoutMs: 3_000 })), 'inconsistent', '/steps/1/timeoutMs'],
    ['a fractional timeout', withPlan((p) => void (p.steps[0] = { kind: 'nod', timeoutMs: 1.5 })), 'wrong_type', '/steps/0/timeoutMs'],
    ['a timeout beyond a minute', withPlan((p) => void (p.steps[0] = { kind: 'nod', timeoutMs: 60_001 })), 'out_of_range', '/steps/0/timeoutMs'],
    ['a key id with spaces', withPlan((p) => void (p.keyId = 'my key')), 'bad_format', '/keyId'],
    ['a prototype key', withPlan((p) => void (p.prototype = {})), 'forbidden_key', '/prototype'],
    ['an extra field', withPlan((p) => void (p.origin = 'x')), 'unknown_field', '/origin'],
    ['two faceMatch steps', withPlan((p) => void (p.steps = [{ kind: 'faceMatch' }, { kind: 'blink' }, { kind: 'faceMatch' }])), 'inconsistent', '/steps/2'],
  ];
  it.each(invalid)('reports %s', (_name, value, code, path) => {
    const result = validateChallengePlan(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('accepts every well-formed plan and never throws on anything (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constantFrom(...CHALLENGE_STEP_KINDS.filter((kind) => kind !== 'readDigits')) }),
      fc.integer({ min: 3, max: 6 }).chain((count) =>
        fc.record({
          kind: fc.constant('readDigits' as const),
          digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: count, maxLength: count }),
          digitOnsetsMs: fc.uniqueArray(fc.integer({ min: 0, max: 59_999 }), { minLength: count, maxLength: count }).map((onsets) => onsets.sort((a, b) => a - b)),
        }),
      ),
    );
    fc.assert(
      fc.property(
        fc.record({
          version: fc.constant(1 as const),
          nonce: fc.base64String({ minLength: 16, maxLength: 64 }).map((text) => text.replace(/[+/=]/g, '_')).filter((text) => text.length >= 16),
          issuedAt: fc.constant('2026-03-01T08:00:00.000Z'),
          expiresAt: fc.constant('2026-03-01T08:05:00.000Z'),
          strictness: fc.constantFrom(...STRICTNESS_LEVELS),
          // At most one faceMatch step per plan (one frontal capture).
          steps: fc.array(step, { minLength: 1, maxLength: 8 }).filter((steps) => steps.filter((s) => s.kind === 'faceMatch').length <= 1),
        }),
        (plan) => {
          expect(validateChallengePlan(plan)).toEqual({ ok: true, value: plan });
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true }), (value) => {
        expect(validateChallengePlan(value).ok).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});
