import { createPrivateKey, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { planSigningInput, validateChallengePlan, type ChallengePlan } from '@huoti/liveness/protocol';
import { describe, expect, it } from 'vitest';
import { VerifyError } from '../src/errors/verify-error.js';
import { generatePlanSigningKey } from '../src/keys/generate-plan-signing-key.js';
import { DEFAULT_PLAN_POLICY, type PlanPolicy } from '../src/plans/plan-policy.js';
import { issuePlan } from '../src/plans/issue-plan.js';

const key = generatePlanSigningKey('portal-2026-01');
const NOW_MS = Date.parse('2026-03-01T08:00:00.000Z');
const issue = (policy: Partial<PlanPolicy> = {}): ChallengePlan => issuePlan({ signingKey: key, policy, now: () => NOW_MS });

describe('issuePlan', () => {
  it('issues a structurally valid plan, signed over its canonical form, valid for 5 minutes by default', () => {
    const plan = issue();
    expect(validateChallengePlan(plan)).toEqual({ ok: true, value: plan });
    expect(plan).toMatchObject({ version: 1, strictness: 'standard', keyId: 'portal-2026-01', issuedAt: '2026-03-01T08:00:00.000Z' });
    expect(Date.parse(plan.expiresAt) - Date.parse(plan.issuedAt)).toBe(5 * 60_000);
    const signature = Buffer.from(plan.signature as string, 'base64url');
    expect(verify(null, Buffer.from(planSigningInput(plan)), createPublicKey(key.publicKey), signature)).toBe(true);
  });

  it('draws distinct steps with readDigits, 3–6 increasing digit reveals, and a nonce never repeated', () => {
    const nonces = new Set<string>();
    const orders = new Set<string>();
    const digitCounts = new Set<number>();
    for (let run = 0; run < 300; run++) {
      const plan = issue();
      nonces.add(plan.nonce);
      orders.add(plan.steps.map((step) => step.kind).join());
      expect(plan.steps).toHaveLength(DEFAULT_PLAN_POLICY.stepCount);
      expect(new Set(plan.steps.map((step) => step.kind)).size).toBe(plan.steps.length);
      const readDigits = plan.steps.find((step) => step.kind === 'readDigits');
      const digits = readDigits?.digits ?? [];
      const onsets = readDigits?.digitOnsetsMs ?? [];
      digitCounts.add(digits.length);
      expect(onsets).toHaveLength(digits.length);
      expect(digits.every((digit) => Number.isInteger(digit) && digit >= 0 && digit <= 9)).toBe(true);
      expect(onsets[0]).toBeGreaterThanOrEqual(DEFAULT_PLAN_POLICY.firstDigitOnsetMinMs);
      expect(onsets[0]).toBeLessThanOrEqual(DEFAULT_PLAN_POLICY.firstDigitOnsetMaxMs);
      for (let index = 1; index < onsets.length; index++) {
        const intervalMs = (onsets[index] as number) - (onsets[index - 1] as number);
        expect(intervalMs).toBeGreaterThanOrEqual(DEFAULT_PLAN_POLICY.digitIntervalMinMs);
        expect(intervalMs).toBeLessThanOrEqual(DEFAULT_PLAN_POLICY.digitIntervalMaxMs);
      }
      expect(readDigits?.timeoutMs).toBe((onsets.at(-1) as number) + 2_000 + DEFAULT_PLAN_POLICY.readDigitsTailMs);
    }
    expect(nonces.size).toBe(300);
    expect(orders.size).toBeGreaterThan(20); // random order and mix: 60 possible sequences
    expect([...digitCounts].sort()).toEqual([3, 4, 5, 6]);
  });

  it('follows a portal policy: strictness, step mix, count, digits and lifetime', () => {
    const plan = issue({
      strictness: 'strict',
      stepKinds: ['blink', 'turnLeft', 'turnRight', 'readDigits'],
      requiredStepKinds: ['blink', 'readDigits'],
      stepCount: 4,
      minDigitCount: 6,
      maxDigitCount: 6,
      planTtlMs: 60_000,
    });
    expect(plan.strictness).toBe('strict');
    expect(plan.steps.map((step) => step.kind).sort()).toEqual(['blink', 'readDigits', 'turnLeft', 'turnRight']);
    expect(plan.steps.find((step) => step.kind === 'readDigits')?.digits).toHaveLength(6);
    expect(Date.parse(plan.expiresAt) - NOW_MS).toBe(60_000);
    expect(issue({ stepKinds: ['nod'], requiredStepKinds: [], stepCount: 1 }).steps).toEqual([{ kind: 'nod' }]);
  });

  it('signs with a JWK or a PEM key alike', () => {
    const privateJwk = createPrivateKey(key.privateKey).export({ format: 'jwk' });
    const plan = issuePlan({ signingKey: { keyId: 'jwk', privateKey: privateJwk }, now: () => NOW_MS });
    const signature = Buffer.from(plan.signature as string, 'base64url');
    expect(verify(null, Buffer.from(planSigningInput(plan)), createPublicKey({ key: key.publicJwk, format: 'jwk' }), signature)).toBe(true);
  });

  const badPolicies: [string, Partial<PlanPolicy>][] = [
    ['unknown strictness', { strictness: 'lenient' as never }],
    ['unknown kind', { stepKinds: ['blink', 'dance' as never] }],
    ['required kind outside the mix', { stepKinds: ['blink', 'nod'], requiredStepKinds: ['readDigits'], stepCount: 2 }],
    ['more steps than kinds', { stepKinds: ['blink', 'nod'], requiredStepKinds: [], stepCount: 3 }],
    ['zero steps', { requiredStepKinds: [], stepCount: 0 }],
    ['too few digits', { minDigitCount: 2 }],
    ['too many digits', { maxDigitCount: 7 }],
    ['min above max', { firstDigitOnsetMinMs: 2_000, firstDigitOnsetMaxMs: 1_000 }],
    ['negative lifetime', { planTtlMs: -1 }],
    ['a readDigits step longer than the protocol allows', { digitIntervalMinMs: 20_000, digitIntervalMaxMs: 30_000 }],
  ];
  for (const [name, policy] of badPolicies) {
    it(`refuses a policy with ${name} (INVALID_OPTIONS)`, () => {
      expect(() => issue(policy)).toThrow(expect.objectContaining({ name: 'VerifyError', code: 'INVALID_OPTIONS' }));
    });
  }

  it('refuses a key that is not an Ed25519 private key (INVALID_KEY)', () => {
    for (const privateKey of ['not a key', key.publicKey, generateRsaPem()]) {
      const attempt = (): unknown => issuePlan({ signingKey: { keyId: 'k', privateKey } });
      expect(attempt).toThrow(VerifyError);
      expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_KEY' }));
    }
  });
});

function generateRsaPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
