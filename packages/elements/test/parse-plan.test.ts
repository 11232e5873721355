import { describe, expect, it } from 'vitest';
import { HuotiElementError } from '../src/errors/huoti-element-error.js';
import { parsePlan } from '../src/flow/parse-plan.js';

const NOW_MS = Date.parse('2026-06-01T00:00:00Z');
const plan = {
  version: 1,
  nonce: 'bm9uY2U',
  issuedAt: '2026-06-01T00:00:00Z',
  expiresAt: '2026-06-01T00:05:00Z',
  strictness: 'standard',
  steps: [{ kind: 'blink' }],
} as const;

const codeOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof HuotiElementError ? error.code : `not a HuotiElementError: ${String(error)}`;
  }
};

describe('parsePlan', () => {
  it('no plan is null', () => {
    expect(parsePlan(null, NOW_MS)).toBeNull();
    expect(parsePlan(undefined, NOW_MS)).toBeNull();
    expect(parsePlan('', NOW_MS)).toBeNull();
  });

  it('accepts JSON text and objects', () => {
    expect(parsePlan(JSON.stringify(plan), NOW_MS)).toEqual(plan);
    expect(parsePlan(plan, NOW_MS)).toBe(plan);
  });

  it.each([
    ['not JSON', '{', 'PLAN_INVALID'],
    ['not an object', '42', 'PLAN_INVALID'],
    ['wrong version', JSON.stringify({ ...plan, version: 2 }), 'PLAN_INVALID'],
    ['no steps', JSON.stringify({ ...plan, steps: [] }), 'PLAN_INVALID'],
    ['bad expiresAt', JSON.stringify({ ...plan, expiresAt: 'soon' }), 'PLAN_INVALID'],
    ['expired', JSON.stringify({ ...plan, expiresAt: '2026-05-31T23:59:59Z' }), 'PLAN_EXPIRED'],
  ])('%s → %s', (_name, text, code) => {
    expect(codeOf(() => parsePlan(text, NOW_MS))).toBe(code);
  });
});
