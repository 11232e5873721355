import { requiresFaceMatch, validateChallengePlan, type EvidenceBundle, type FaceMatchRecord } from '@huoti/liveness/protocol';
import { describe, expect, it } from 'vitest';
import { VerifyError } from '../src/errors/verify-error.js';
import { generatePlanSigningKey } from '../src/keys/generate-plan-signing-key.js';
import { MemoryNonceStore } from '../src/nonce/memory-nonce-store.js';
import { issuePlan } from '../src/plans/issue-plan.js';
import type { PlanPolicy } from '../src/plans/plan-policy.js';
import { EvidenceVerifier } from '../src/verification/evidence-verifier.js';
import type { VerificationReason } from '../src/verification/verification-reason.js';
import { cloneJson, submissionTimeMs, synthesizeEvidence, withDigest } from './support/synthesize-evidence.js';

// The server side of the client's face-match protocol: plans that require a match, and the
// face-match record their evidence must carry.

const key = generatePlanSigningKey('portal-face-match');
const ISSUED_AT_MS = Date.parse('2026-03-01T08:00:00.000Z');
const issue = (policy: Partial<PlanPolicy>) => issuePlan({ signingKey: key, policy, now: () => ISSUED_AT_MS });

const MATCH: FaceMatchRecord = {
  mode: 'reference',
  referenceSource: 'client-image',
  model: 'faceres',
  threshold: 0.7,
  scores: [],
  decision: 'match',
};

/** An honest bundle for a face-match plan, with `record` (scores placed inside its steps) and a fresh digest. */
async function bundleWith(record: FaceMatchRecord | undefined, options: { withBestFrame?: boolean } = {}): Promise<EvidenceBundle> {
  const plan = issue({ shouldRequireFaceMatch: true, stepCount: 2, requiredStepKinds: [] });
  const bundle = cloneJson(await synthesizeEvidence(plan, options));
  if (!record) return bundle;
  const scores = record.mode === 'none' ? [] : bundle.steps.map((step, stepIndex) => ({ timeMs: step.startedAt + 100, stepIndex, similarity: 0.9 }));
  const faceMatch = { ...record, scores: record.scores.length > 0 ? record.scores : scores };
  return withDigest({ ...bundle, evidence: { ...bundle.evidence, faceMatch } });
}

async function reasonsFor(bundle: EvidenceBundle): Promise<readonly VerificationReason[]> {
  const verifier = new EvidenceVerifier({ publicKeys: { [key.keyId]: key.publicKey }, nonceStore: new MemoryNonceStore(), now: () => submissionTimeMs(bundle) });
  const result = await verifier.verify(JSON.stringify(bundle));
  expect(result.issues).toEqual([]);
  return result.reasons;
}

describe('issuePlan with shouldRequireFaceMatch', () => {
  it('puts one faceMatch step first, on top of the action steps; the plan validates and stays signed', () => {
    for (let round = 0; round < 20; round++) {
      const plan = issue({ shouldRequireFaceMatch: true });
      expect(plan.steps[0]).toEqual({ kind: 'faceMatch' });
      expect(plan.steps).toHaveLength(4);
      expect(plan.steps.slice(1).some((step) => step.kind === 'faceMatch')).toBe(false);
      expect(requiresFaceMatch(plan)).toBe(true);
      expect(validateChallengePlan(plan).ok).toBe(true);
    }
    expect(requiresFaceMatch(issue({}))).toBe(false);
  });

  it('refuses faceMatch among the drawn kinds and a step count that would pass the protocol limit', () => {
    expect(() => issue({ stepKinds: ['blink', 'faceMatch'], requiredStepKinds: [], stepCount: 1 })).toThrow(VerifyError);
    expect(() => issue({ stepKinds: ['blink', 'faceMatch'], requiredStepKinds: [], stepCount: 1 })).toThrow(/shouldRequireFaceMatch/);
    const eightKinds = { stepKinds: ['blink', 'mouthOpen', 'turnLeft', 'turnRight', 'nod', 'readDigits'] as const, requiredStepKinds: [], stepCount: 6 };
    expect(issue({ ...eightKinds, shouldRequireFaceMatch: true }).steps).toHaveLength(7);
  });
});

describe('EvidenceVerifier on face-match plans', () => {
  it('accepts a client match with a score for the faceMatch step', async () => {
    expect(await reasonsFor(await bundleWith(MATCH))).toEqual([]);
  });

  it('accepts liveness only (mode none) when best frames let the portal compare them itself', async () => {
    expect(await reasonsFor(await bundleWith({ mode: 'none', scores: [], decision: 'not_checked' }, { withBestFrame: true }))).toEqual([]);
  });

  it('reports face_match_missing without a record, for mode none without best frames, and without a faceMatch-step score', async () => {
    expect(await reasonsFor(await bundleWith(undefined))).toContain('face_match_missing');
    expect(await reasonsFor(await bundleWith({ mode: 'none', scores: [], decision: 'not_checked' }))).toEqual(['face_match_missing']);
    const laterStepOnly = await bundleWith({ ...MATCH, scores: [{ timeMs: 2_400, stepIndex: 1, similarity: 0.9 }] });
    expect(await reasonsFor(laterStepOnly)).toEqual(['face_match_missing']);
    const unchecked = await bundleWith({ ...MATCH, scores: [], decision: 'not_checked' });
    // An empty score list is filled by bundleWith; rebuild it empty.
    const empty = await withDigest({ ...unchecked, evidence: { ...unchecked.evidence, faceMatch: { ...MATCH, scores: [], decision: 'not_checked' } } });
    expect(await reasonsFor(empty)).toEqual(['face_match_missing', 'face_mismatch']);
  });

  it('reports face_mismatch (and the client failure) for a mismatch, and steps_mismatch for a score of a step the plan lacks', async () => {
    const honest = await bundleWith(MATCH);
    const mismatch = await withDigest({
      ...honest,
      passed: false,
      reason: 'FACE_MISMATCH',
      evidence: { ...honest.evidence, faceMatch: { ...MATCH, scores: [{ timeMs: 600, stepIndex: 0, similarity: 0.43 }], decision: 'mismatch' } },
    });
    expect(await reasonsFor(mismatch)).toEqual(['client_reported_failure', 'face_mismatch']);
    const stray = await withDigest({
      ...honest,
      evidence: {
        ...honest.evidence,
        faceMatch: { ...MATCH, scores: [{ timeMs: 600, stepIndex: 0, similarity: 0.9 }, { timeMs: 3_000, stepIndex: 5, similarity: 0.9 }] },
      },
    });
    expect(await reasonsFor(stray)).toEqual(['steps_mismatch']);
  });

  it('checks that the faceMatch step event shows a frontal face', async () => {
    const honest = await bundleWith(MATCH);
    const eventMs = honest.evidence.trace.steps[0]!.eventsMs[0]!;
    const frames = honest.evidence.trace.frames.map((frame) =>
      Math.abs(frame[0] - eventMs) <= 600 ? ([...frame.slice(0, 9), 35, frame[10], frame[11]] as unknown as typeof frame) : frame,
    );
    const turned = await withDigest({ ...honest, evidence: { ...honest.evidence, trace: { ...honest.evidence.trace, frames } } });
    expect(await reasonsFor(turned)).toContain('event_not_corroborated');
  });
});
