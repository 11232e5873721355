import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  digestEvidence,
  evidenceDigestInput,
  planSigningInput,
  validateEvidenceBundle,
  type EvidenceBundle,
  type MetricFrame,
} from '../src/protocol.js';

// A small, structurally valid bundle (signature and digest are placeholders: these functions check
// structure and serialisation, not cryptography).
function sampleBundle(): EvidenceBundle {
  const frames: MetricFrame[] = Array.from({ length: 60 }, (_, index) => [
    Math.round(index * 33.3),
    1,
    0.3,
    0.25,
    0.4,
    0.5,
    index === 20 ? 0.1 : 0.3,
    index === 20 ? 0.1 : 0.3,
    0.1,
    0,
    0,
    0,
  ]);
  return {
    passed: true,
    steps: [
      { kind: 'blink', passed: true, startedAt: 100, durationMs: 900 },
      { kind: 'readDigits', passed: true, startedAt: 1_000, durationMs: 900 },
    ],
    evidence: {
      formatVersion: 1,
      plan: {
        version: 1,
        nonce: 'AAAAAAAAAAAAAAAAAAAAAAAA',
        issuedAt: '2026-03-01T08:00:00.000Z',
        expiresAt: '2026-03-01T08:05:00.000Z',
        strictness: 'standard',
        steps: [{ kind: 'blink' }, { kind: 'readDigits', digits: [4, 0, 7], digitOnsetsMs: [100, 300, 500], timeoutMs: 3_500 }],
        keyId: 'portal-1',
        signature: 'c2lnbmF0dXJl',
      },
      capturedAt: '2026-03-01T08:00:01.000Z',
      trace: {
        frames,
        steps: [
          { kind: 'blink', eventsMs: [666] },
          { kind: 'readDigits', eventsMs: [], voicedSegments: [[1_400, 1_500], [1_600, 1_700], [1_800, 1_900]] },
        ],
      },
      bestFrames: [{ timeMs: 500, width: 64, height: 48, jpegBase64: '/9j/2w==' }],
      audio: { startMs: 1_000, sampleRateHz: 16_000, channels: 1, wavBase64: 'UklGRg==' },
      environment: { backend: 'wasm', fps: 30, droppedFrames: 0, userAgent: 'Mozilla/5.0' },
      sdkVersion: '0.1.0',
      digest: 'A'.repeat(43),
    },
  };
}

describe('digestEvidence', () => {
  it('is base64url SHA-256 of the canonical bundle without its digest (checked against node:crypto)', async () => {
    const bundle = sampleBundle();
    const { digest: _digest, ...rest } = bundle.evidence;
    const expected = createHash('sha256').update(canonicalJson({ ...bundle, evidence: rest }), 'utf8').digest('base64url');
    expect(evidenceDigestInput(bundle)).not.toContain('"digest"');
    expect(await digestEvidence(bundle)).toBe(expected);
    expect(expected).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('ignores the current digest and key order, and changes with any field', async () => {
    const bundle = sampleBundle();
    const digest = await digestEvidence(bundle);
    expect(await digestEvidence({ ...bundle, evidence: { ...bundle.evidence, digest: 'other' } })).toBe(digest);
    const reordered = JSON.parse(JSON.stringify(bundle), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    ) as EvidenceBundle;
    expect(await digestEvidence(reordered)).toBe(digest);
    expect(await digestEvidence({ ...bundle, passed: false })).not.toBe(digest);
    const frames = bundle.evidence.trace.frames.map((frame, index) => (index === 3 ? ([...frame.slice(0, 6), 0.29, ...frame.slice(7)] as unknown as typeof frame) : frame));
    expect(await digestEvidence({ ...bundle, evidence: { ...bundle.evidence, trace: { ...bundle.evidence.trace, frames } } })).not.toBe(digest);
  });

  it('planSigningInput covers every plan field but the signature, key id included', () => {
    const { plan } = sampleBundle().evidence;
    const input = planSigningInput(plan);
    expect(input).not.toContain('signature');
    expect(input).toContain(`"keyId":"${plan.keyId}"`);
    expect(input).toBe(canonicalJson({ ...plan, signature: undefined }));
  });
});

type Json = Record<string, unknown>;
/** A sample bundle as plain JSON, edited by `edit`. */
function edited(edit: (bundle: Json & { evidence: Json & { plan: Json; trace: Json & { frames: unknown[][] } } }) => void): unknown {
  const bundle = JSON.parse(JSON.stringify(sampleBundle())) as Parameters<typeof edit>[0];
  edit(bundle);
  return bundle;
}

describe('validateEvidenceBundle', () => {
  it('accepts a valid bundle and returns an equal copy, not the input', () => {
    const bundle = sampleBundle();
    const result = validateEvidenceBundle(bundle);
    expect(result).toEqual({ ok: true, value: bundle });
    expect(result.ok && result.value).not.toBe(bundle);
    expect(validateEvidenceBundle(edited((b) => void delete b.evidence.bestFrames)).ok).toBe(true);
  });

  const invalid: [string, unknown, string, string][] = [
    ['not an object', [], 'wrong_type', ''],
    ['missing evidence', edited((b) => void delete (b as Json).evidence), 'missing_field', '/evidence'],
    ['an unknown field', edited((b) => void (b.extra = 1)), 'unknown_field', '/extra'],
    ['a __proto__ key', JSON.parse(JSON.stringify(sampleBundle()).replace('{"passed"', '{"__proto__":{},"passed"')), 'forbidden_key', '/__proto__'],
    ['a constructor key deep inside', edited((b) => void Reflect.set(b.evidence.trace, 'constructor', {})), 'forbidden_key', '/evidence/trace/constructor'],
    ['passed as a string', edited((b) => void (b.passed = 'true')), 'wrong_type', '/passed'],
    ['an unknown step kind', edited((b) => void ((b.steps as Json[])[0] = { ...(b.steps as Json[])[0], kind: 'dance' })), 'out_of_range', '/steps/0/kind'],
    ['a frame of 11 numbers', edited((b) => void b.evidence.trace.frames[2]?.pop()), 'wrong_type', '/evidence/trace/frames/2'],
    ['a NaN-like frame value', edited((b) => void ((b.evidence.trace.frames[2] as unknown[])[6] = '0.3')), 'wrong_type', '/evidence/trace/frames/2/6'],
    ['a fractional face count', edited((b) => void ((b.evidence.trace.frames[2] as unknown[])[1] = 1.5)), 'wrong_type', '/evidence/trace/frames/2/1'],
    ['a yaw beyond 180°', edited((b) => void ((b.evidence.trace.frames[2] as unknown[])[9] = 181)), 'out_of_range', '/evidence/trace/frames/2/9'],
    ['no frames', edited((b) => void (b.evidence.trace.frames = [])), 'too_short', '/evidence/trace/frames'],
    ['four best frames', edited((b) => void (b.evidence.bestFrames = Array(4).fill((b.evidence.bestFrames as unknown[])[0]))), 'too_long', '/evidence/bestFrames'],
    ['a best frame over 50 KB', edited((b) => void (((b.evidence.bestFrames as Json[])[0] as Json).jpegBase64 = 'A'.repeat(70_000))), 'too_long', '/evidence/bestFrames/0/jpegBase64'],
    ['bad base64', edited((b) => void (((b.evidence.bestFrames as Json[])[0] as Json).jpegBase64 = 'abc$')), 'bad_format', '/evidence/bestFrames/0/jpegBase64'],
    ['8 kHz audio', edited((b) => void ((b.evidence.audio as Json).sampleRateHz = 8_000)), 'out_of_range', '/evidence/audio/sampleRateHz'],
    ['a segment ending before it starts', edited((b) => void ((b.evidence.trace.steps as Json[])[1] = { kind: 'readDigits', eventsMs: [], voicedSegments: [[5, 4]] })), 'inconsistent', '/evidence/trace/steps/1/voicedSegments/0'],
    ['a digest that is not SHA-256 base64url', edited((b) => void (b.evidence.digest = 'abc')), 'bad_format', '/evidence/digest'],
    ['a capture time that is not ISO-8601', edited((b) => void (b.evidence.capturedAt = 'yesterday')), 'bad_format', '/evidence/capturedAt'],
    ['an invalid embedded plan', edited((b) => void (b.evidence.plan.version = 2)), 'out_of_range', '/evidence/plan/version'],
    ['a control character in the user agent', edited((b) => void ((b.evidence.environment as Json).userAgent = 'a\u0000b')), 'bad_format', '/evidence/environment/userAgent'],
  ];
  it.each(invalid)('reports %s', (_name, value, code, path) => {
    const result = validateEvidenceBundle(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('stops collecting issues after a few dozen', () => {
    const result = validateEvidenceBundle(edited((b) => void (b.evidence.trace.frames = b.evidence.trace.frames.map(() => ['x']))));
    expect(!result.ok && result.issues.length).toBe(32);
  });

  it('never throws, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: true }), (value) => {
        expect(validateEvidenceBundle(value).ok).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});
