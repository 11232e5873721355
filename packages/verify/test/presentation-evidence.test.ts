import type { EvidenceBundle, PlanarityEvidence } from '@huoti/liveness/protocol';
import { describe, expect, it } from 'vitest';
import { generatePlanSigningKey } from '../src/keys/generate-plan-signing-key.js';
import { MemoryNonceStore } from '../src/nonce/memory-nonce-store.js';
import { issuePlan } from '../src/plans/issue-plan.js';
import { EvidenceVerifier } from '../src/verification/evidence-verifier.js';
import { cloneJson, submissionTimeMs, synthesizeEvidence, withDigest } from './support/synthesize-evidence.js';

// `evidence.presentation` is a measured signal: the verifier records it and never decides on it.
const key = generatePlanSigningKey('portal-a');
const ISSUED_AT_MS = Date.parse('2026-03-01T08:00:00.000Z');

const verifierFor = (bundle: EvidenceBundle): EvidenceVerifier =>
  new EvidenceVerifier({ publicKeys: { [key.keyId]: key.publicKey }, nonceStore: new MemoryNonceStore(), now: () => submissionTimeMs(bundle) });

async function bundleWith(planarity: PlanarityEvidence | undefined): Promise<EvidenceBundle> {
  const bundle = await synthesizeEvidence(issuePlan({ signingKey: key, policy: { stepCount: 3 }, now: () => ISSUED_AT_MS }));
  if (!planarity) return bundle;
  return withDigest({ ...bundle, evidence: { ...bundle.evidence, presentation: { planarity } } });
}

const PLANAR: PlanarityEvidence = {
  framePairs: 120,
  movingPairs: 90,
  medianMotion: 0.15,
  medianResidual: 0.01,
  p90Residual: 0.018,
  medianResidualToMotion: 0.07,
  verdict: 'planar',
};

describe('EvidenceVerifier and evidence.presentation', () => {
  it('accepts a bundle without it (older clients) and records nothing', async () => {
    const bundle = await bundleWith(undefined);
    const result = await verifierFor(bundle).verify(JSON.stringify(bundle));
    expect(result).toEqual({ accepted: true, reasons: [], issues: [], nonce: bundle.evidence.plan.nonce });
  });

  it.each<[string, PlanarityEvidence]>([
    ['planar (what a moved picture measures)', PLANAR],
    ['non-planar', { ...PLANAR, medianResidual: 0.02, p90Residual: 0.04, medianResidualToMotion: 0.4, verdict: 'non_planar' }],
    ['insufficient motion', { ...PLANAR, movingPairs: 0, medianMotion: 0.001, medianResidual: 0, p90Residual: 0, medianResidualToMotion: 0, verdict: 'insufficient_motion' }],
  ])('accepts a bundle that measured %s and passes the measurement on', async (_, planarity) => {
    const bundle = await bundleWith(planarity);
    const result = await verifierFor(bundle).verify(JSON.stringify(bundle));
    expect(result.accepted).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.presentation).toEqual({ planarity });
  });

  it('refuses out-of-bounds numbers as a structural error, and a changed number by the digest', async () => {
    const bundle = await bundleWith(PLANAR);
    const outOfBounds = cloneJson(bundle) as unknown as { evidence: { presentation: { planarity: Record<string, unknown> } } };
    outOfBounds.evidence.presentation.planarity.medianResidualToMotion = 50;
    expect((await verifierFor(bundle).verify(JSON.stringify(outOfBounds))).reasons).toEqual(['invalid_bundle']);
    const tampered = cloneJson(bundle) as unknown as { evidence: { presentation: { planarity: Record<string, unknown> } } };
    tampered.evidence.presentation.planarity.verdict = 'non_planar';
    expect((await verifierFor(bundle).verify(JSON.stringify(tampered))).reasons).toEqual(['digest_mismatch']);
  });
});
