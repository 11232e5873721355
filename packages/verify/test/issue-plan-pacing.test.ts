import { DEFAULT_PROTOCOL_LIMITS, DEFAULT_STRICTNESS_LIMITS, validateChallengePlan, type ChallengePlan, type EvidenceBundle } from '@huoti/liveness/protocol';
import { describe, expect, it } from 'vitest';
import { VerifyError } from '../src/errors/verify-error.js';
import { generatePlanSigningKey } from '../src/keys/generate-plan-signing-key.js';
import { MemoryNonceStore } from '../src/nonce/memory-nonce-store.js';
import { issuePlan } from '../src/plans/issue-plan.js';
import { DEFAULT_PLAN_POLICY, type PlanPacing, type PlanPolicy } from '../src/plans/plan-policy.js';
import { EvidenceVerifier } from '../src/verification/evidence-verifier.js';
import { cloneJson, submissionTimeMs, synthesizeEvidence, withDigest } from './support/synthesize-evidence.js';

const key = generatePlanSigningKey('portal-pacing');
const NOW_MS = Date.parse('2026-03-01T08:00:00.000Z');
const ALL_STEPS: Partial<PlanPolicy> = { stepCount: 6 };
const issue = (pacing: PlanPacing | undefined, policy: Partial<PlanPolicy> = ALL_STEPS): ChallengePlan =>
  issuePlan({ signingKey: key, policy, now: () => NOW_MS, ...(pacing ? { pacing } : {}) });

describe('issuePlan pacing', () => {
  it('standard (the default) leaves motion steps on the strictness timeout', () => {
    for (const pacing of [undefined, 'standard'] as const) {
      const plan = issue(pacing);
      expect(plan.steps.filter((step) => step.kind !== 'readDigits').every((step) => step.timeoutMs === undefined)).toBe(true);
    }
  });

  it('elderly writes every step timeout × elderlyTimeoutScale into the signed plan, reveal times drawn as usual', () => {
    for (const strictness of ['loose', 'standard', 'strict'] as const) {
      const plan = issue('elderly', { ...ALL_STEPS, strictness });
      expect(validateChallengePlan(plan).ok).toBe(true);
      const usualMs = DEFAULT_STRICTNESS_LIMITS[strictness].stepTimeoutMs;
      for (const step of plan.steps.filter((s) => s.kind !== 'readDigits')) {
        expect(step.timeoutMs).toBe(Math.round(usualMs * DEFAULT_PLAN_POLICY.elderlyTimeoutScale));
      }
      const readDigits = plan.steps.find((step) => step.kind === 'readDigits');
      const onsets = readDigits?.digitOnsetsMs ?? [];
      const naturalMs = (onsets.at(-1) as number) + DEFAULT_STRICTNESS_LIMITS[strictness].responseWindowEndMs + DEFAULT_PLAN_POLICY.readDigitsTailMs;
      expect(readDigits?.timeoutMs).toBe(Math.min(DEFAULT_PROTOCOL_LIMITS.maxStepTimeoutMs, Math.round(naturalMs * DEFAULT_PLAN_POLICY.elderlyTimeoutScale)));
      expect(onsets[0]).toBeLessThanOrEqual(DEFAULT_PLAN_POLICY.firstDigitOnsetMaxMs);
    }
  });

  it("never exceeds the protocol's step limit", () => {
    const plan = issue('elderly', { ...ALL_STEPS, elderlyTimeoutScale: 10 });
    expect(plan.steps.every((step) => step.timeoutMs === DEFAULT_PROTOCOL_LIMITS.maxStepTimeoutMs)).toBe(true);
    expect(validateChallengePlan(plan).ok).toBe(true);
  });

  it('refuses an unknown pacing and a scale below 1', () => {
    expect(() => issuePlan({ signingKey: key, pacing: 'slow' as PlanPacing })).toThrow(VerifyError);
    expect(() => issue('elderly', { elderlyTimeoutScale: 0.5 })).toThrow(/elderlyTimeoutScale/);
    expect(() => issue('elderly', { elderlyTimeoutScale: Number.NaN })).toThrow(/elderlyTimeoutScale/);
  });

  it('the verifier holds each plan to its own timeouts: a 12 s nod is late for a standard plan, in time for an elderly one', async () => {
    const reasonsWithSlowNod = async (plan: ChallengePlan): Promise<readonly string[]> => {
      const honest = await synthesizeEvidence(plan);
      const slow = cloneJson(honest) as unknown as { steps: { kind: string; durationMs: number }[] };
      const nod = slow.steps.find((step) => step.kind === 'nod');
      if (!nod) throw new Error('the plan has no nod step');
      nod.durationMs = 12_000;
      const bundle = await withDigest(slow as unknown as EvidenceBundle);
      const verifier = new EvidenceVerifier({ publicKeys: { [key.keyId]: key.publicKey }, nonceStore: new MemoryNonceStore(), now: () => submissionTimeMs(bundle) });
      return (await verifier.verify(JSON.stringify(bundle))).reasons;
    };
    expect(DEFAULT_STRICTNESS_LIMITS.standard.stepTimeoutMs).toBeLessThan(12_000);
    expect(await reasonsWithSlowNod(issue('standard'))).toContain('step_timeout');
    expect(await reasonsWithSlowNod(issue('elderly'))).not.toContain('step_timeout');
  });
});
