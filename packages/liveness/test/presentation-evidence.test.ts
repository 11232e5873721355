import { describe, expect, it } from 'vitest';
import { digestEvidence, validateEvidenceBundle, type EvidenceBundle, type PlanarityEvidence } from '../src/protocol.js';

// A minimal, structurally valid bundle; signature and digest are placeholders (structure only).
function bundleWith(planarity?: unknown): EvidenceBundle {
  const base = {
    passed: false,
    steps: [{ kind: 'blink', passed: false, startedAt: 0, durationMs: 3_000 }],
    evidence: {
      formatVersion: 1,
      plan: {
        version: 1,
        nonce: 'AAAAAAAAAAAAAAAAAAAAAAAA',
        issuedAt: '2026-03-01T08:00:00.000Z',
        expiresAt: '2026-03-01T08:05:00.000Z',
        strictness: 'standard',
        steps: [{ kind: 'blink' }],
      },
      capturedAt: '2026-03-01T08:00:01.000Z',
      trace: { frames: [[0, 1, 0.3, 0.25, 0.4, 0.5, 0.3, 0.3, 0.1, 0, 0, 0]], steps: [{ kind: 'blink', eventsMs: [] }] },
      ...(planarity === undefined ? {} : { presentation: { planarity } }),
      environment: { backend: 'wasm', fps: 30, droppedFrames: 0, userAgent: 'Mozilla/5.0' },
      sdkVersion: '0.1.0',
      digest: 'A'.repeat(43),
    },
  };
  return base as unknown as EvidenceBundle;
}

const PLANAR: PlanarityEvidence = {
  framePairs: 80,
  movingPairs: 60,
  medianMotion: 0.05,
  medianResidual: 0.004,
  p90Residual: 0.007,
  medianResidualToMotion: 0.08,
  verdict: 'planar',
};

describe('evidence.presentation.planarity', () => {
  it('is optional: bundles of older clients stay valid', () => {
    expect(validateEvidenceBundle(bundleWith()).ok).toBe(true);
  });

  it.each<[string, PlanarityEvidence]>([
    ['a planar run', PLANAR],
    ['a still run', { framePairs: 80, movingPairs: 0, medianMotion: 0.001, medianResidual: 0, p90Residual: 0, medianResidualToMotion: 0, verdict: 'insufficient_motion' }],
    ['a live run', { framePairs: 70, movingPairs: 40, medianMotion: 0.08, medianResidual: 0.03, p90Residual: 0.06, medianResidualToMotion: 0.3, verdict: 'non_planar' }],
  ])('accepts %s and keeps it', (_, planarity) => {
    const result = validateEvidenceBundle(bundleWith(planarity));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.evidence.presentation).toEqual({ planarity });
  });

  it.each<[string, unknown, string]>([
    ['a negative pair count', { ...PLANAR, framePairs: -1 }, '/evidence/presentation/planarity/framePairs'],
    ['a fractional pair count', { ...PLANAR, movingPairs: 1.5 }, '/evidence/presentation/planarity/movingPairs'],
    ['more pairs than frames allowed', { ...PLANAR, framePairs: 1e9 }, '/evidence/presentation/planarity/framePairs'],
    ['a huge residual', { ...PLANAR, p90Residual: 11 }, '/evidence/presentation/planarity/p90Residual'],
    ['a NaN-like string', { ...PLANAR, medianMotion: 'NaN' }, '/evidence/presentation/planarity/medianMotion'],
    ['an unknown verdict', { ...PLANAR, verdict: 'live' }, '/evidence/presentation/planarity/verdict'],
    ['more moving pairs than pairs', { ...PLANAR, movingPairs: 81 }, '/evidence/presentation/planarity/movingPairs'],
    ['a p90 below the median', { ...PLANAR, p90Residual: 0.001 }, '/evidence/presentation/planarity/p90Residual'],
    ['residuals without moving pairs', { ...PLANAR, movingPairs: 0 }, '/evidence/presentation/planarity'],
    ['a negative residual-to-motion ratio', { ...PLANAR, medianResidualToMotion: -0.1 }, '/evidence/presentation/planarity/medianResidualToMotion'],
    ['an unknown field', { ...PLANAR, score: 1 }, '/evidence/presentation/planarity/score'],
    ['a missing field', { ...PLANAR, verdict: undefined }, '/evidence/presentation/planarity/verdict'],
  ])('rejects %s', (_, planarity, path) => {
    const result = validateEvidenceBundle(JSON.parse(JSON.stringify(bundleWith(planarity))));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toContain(path);
  });

  it('rejects a presentation object without planarity or with other keys', () => {
    for (const presentation of [{}, { planarity: PLANAR, depth: 1 }, 'planar']) {
      const bundle = bundleWith();
      const value = { ...bundle, evidence: { ...bundle.evidence, presentation } };
      expect(validateEvidenceBundle(value).ok).toBe(false);
    }
  });

  it('is covered by the digest', async () => {
    const digest = await digestEvidence(bundleWith(PLANAR));
    expect(await digestEvidence(bundleWith({ ...PLANAR, medianResidual: 0.0041 }))).not.toBe(digest);
    expect(await digestEvidence(bundleWith())).not.toBe(digest);
  });
});
