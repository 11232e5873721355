import { DEFAULT_STRICTNESS_LIMITS, type ChallengePlan, type EvidenceBundle } from '@huoti/liveness/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlanSigningKey } from '../src/keys/generate-plan-signing-key.js';
import { MemoryNonceStore } from '../src/nonce/memory-nonce-store.js';
import type { NonceStore } from '../src/nonce/nonce-store.js';
import { issuePlan } from '../src/plans/issue-plan.js';
import type { PlanPolicy } from '../src/plans/plan-policy.js';
import { EvidenceVerifier, type EvidenceVerifierOptions } from '../src/verification/evidence-verifier.js';
import { VERIFICATION_REASONS, type VerificationReason } from '../src/verification/verification-reason.js';
import { verifyEvidence } from '../src/verification/verify-evidence.js';
import { cloneJson, submissionTimeMs, synthesizeEvidence, wavBase64, withDigest } from './support/synthesize-evidence.js';

const key = generatePlanSigningKey('portal-a');
const otherKey = generatePlanSigningKey('portal-b');
const ISSUED_AT_MS = Date.parse('2026-03-01T08:00:00.000Z');
const ALL_STEPS: Partial<PlanPolicy> = { stepCount: 6 };

const plan = (policy: Partial<PlanPolicy> = ALL_STEPS, signingKey = key): ChallengePlan =>
  issuePlan({ signingKey, policy, now: () => ISSUED_AT_MS });

/** A verifier with a fresh store, so that only the bundle decides. */
function verifierFor(bundle: EvidenceBundle, options: Partial<EvidenceVerifierOptions> = {}): EvidenceVerifier {
  return new EvidenceVerifier({
    publicKeys: { [key.keyId]: key.publicKey },
    nonceStore: new MemoryNonceStore(),
    now: () => submissionTimeMs(bundle),
    ...options,
  });
}

async function reasonsFor(bundle: unknown, reference: EvidenceBundle): Promise<readonly VerificationReason[]> {
  const result = await verifierFor(reference).verify(JSON.stringify(bundle));
  expect(result.accepted).toBe(result.reasons.length === 0);
  return result.reasons;
}

/** Index of the first step of `kind` in the plan. */
const stepIndex = (bundle: EvidenceBundle, kind: string): number =>
  bundle.evidence.plan.steps.findIndex((step) => step.kind === kind);

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
type Tamper = (bundle: Mutable<EvidenceBundle>) => void;

describe('EvidenceVerifier: honest bundles', () => {
  it('accepts the round trip for random policies, strictness levels, frame rates and media (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          strictness: fc.constantFrom('loose', 'standard', 'strict' as const),
          stepCount: fc.integer({ min: 1, max: 6 }),
          minDigitCount: fc.integer({ min: 3, max: 6 }),
          fps: fc.constantFrom(15, 24, 30, 60),
          withBestFrame: fc.boolean(),
          withAudio: fc.boolean(),
          asText: fc.boolean(),
        }),
        async ({ strictness, stepCount, minDigitCount, fps, withBestFrame, withAudio, asText }) => {
          const issued = plan({ strictness, stepCount, requiredStepKinds: [], minDigitCount, maxDigitCount: 6 });
          const bundle = await synthesizeEvidence(issued, { fps, withBestFrame, withAudio });
          const result = await verifierFor(bundle, { shouldRequireBestFrames: withBestFrame }).verify(
            asText ? JSON.stringify(bundle) : bundle,
          );
          expect(result).toEqual({ accepted: true, reasons: [], issues: [], nonce: issued.nonce });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('accepts bytes, a key given as JWK, the portal secret, and any of several rotated keys', async () => {
    const bundle = await synthesizeEvidence(plan());
    const bytes = new TextEncoder().encode(JSON.stringify(bundle));
    expect((await verifierFor(bundle).verify(bytes)).accepted).toBe(true);
    expect((await verifierFor(bundle, { publicKeys: { [key.keyId]: key.publicJwk } }).verify(bundle)).accepted).toBe(true);
    expect((await verifierFor(bundle, { publicKeys: {}, secret: key }).verify(bundle)).accepted).toBe(true);
    const rotated = { [otherKey.keyId]: otherKey.publicKey, [key.keyId]: key.publicKey };
    expect((await verifierFor(bundle, { publicKeys: rotated }).verify(bundle)).accepted).toBe(true);
    const fromOther = await synthesizeEvidence(plan(ALL_STEPS, otherKey));
    expect((await verifierFor(fromOther, { publicKeys: rotated }).verify(fromOther)).accepted).toBe(true);
  });

  it('treats the client-reported environment as information: changing it (digest recomputed) still passes', async () => {
    const bundle = cloneJson(await synthesizeEvidence(plan())) as Mutable<EvidenceBundle>;
    bundle.evidence.environment.userAgent = 'Something else';
    expect(await reasonsFor(await withDigest(bundle), bundle)).toEqual([]);
  });

  it('verifyEvidence() is the one-call form', async () => {
    const bundle = await synthesizeEvidence(plan());
    const options = { publicKeys: { [key.keyId]: key.publicKey }, nonceStore: new MemoryNonceStore(), now: () => submissionTimeMs(bundle) };
    expect((await verifyEvidence(JSON.stringify(bundle), options)).accepted).toBe(true);
    expect((await verifyEvidence(JSON.stringify(bundle), options)).reasons).toEqual(['nonce_replayed']);
  });
});

describe('EvidenceVerifier: replay, expiry, keys', () => {
  it('rejects a replayed bundle, and any second bundle for the same plan', async () => {
    const issued = plan();
    const bundle = await synthesizeEvidence(issued);
    const verifier = verifierFor(bundle);
    expect((await verifier.verify(JSON.stringify(bundle))).accepted).toBe(true);
    expect((await verifier.verify(JSON.stringify(bundle))).reasons).toEqual(['nonce_replayed']);
    const recaptured = await synthesizeEvidence(issued, { capturedAtMs: ISSUED_AT_MS + 20_000 });
    expect((await verifier.verify(recaptured)).reasons).toEqual(['nonce_replayed']);
  });

  it('spends the plan on a failed attempt too: one plan, one attempt', async () => {
    const bundle = await synthesizeEvidence(plan());
    const verifier = verifierFor(bundle);
    const tampered = cloneJson(bundle) as Mutable<EvidenceBundle>;
    tampered.passed = false;
    expect((await verifier.verify(await withDigest(tampered))).reasons).toEqual(['client_reported_failure']);
    expect((await verifier.verify(bundle)).reasons).toEqual(['nonce_replayed']);
  });

  it('does not spend the nonce of a forged plan', async () => {
    const bundle = await synthesizeEvidence(plan());
    const store = new MemoryNonceStore();
    const forged = cloneJson(bundle) as Mutable<EvidenceBundle>;
    forged.evidence.plan.strictness = 'loose';
    expect((await verifierFor(bundle, { nonceStore: store }).verify(await withDigest(forged))).reasons).toEqual(['bad_signature']);
    expect(store.size).toBe(0);
    expect((await verifierFor(bundle, { nonceStore: store }).verify(bundle)).accepted).toBe(true);
  });

  it('rejects an expired plan: submitted after expiry plus grace, or captured after expiry', async () => {
    const bundle = await synthesizeEvidence(plan());
    const expiresAtMs = Date.parse(bundle.evidence.plan.expiresAt);
    const late = verifierFor(bundle, { now: () => expiresAtMs + 120_001 });
    expect((await late.verify(bundle)).reasons).toEqual(['plan_expired']);
    const capturedLate = await synthesizeEvidence(bundle.evidence.plan, { capturedAtMs: expiresAtMs + 1 });
    expect((await verifierFor(capturedLate).verify(capturedLate)).reasons).toEqual(['plan_expired']);
    const inTime = verifierFor(bundle, { now: () => expiresAtMs + 119_000 });
    expect((await inTime.verify(bundle)).accepted).toBe(true);
  });

  it('rejects a plan used before it was issued, and a capture that ends in the future', async () => {
    const bundle = await synthesizeEvidence(plan());
    const early = await synthesizeEvidence(bundle.evidence.plan, { capturedAtMs: ISSUED_AT_MS - 60_000 });
    expect(await reasonsFor(early, early)).toContain('plan_not_yet_valid');
    expect((await verifierFor(bundle, { now: () => ISSUED_AT_MS - 60_000 }).verify(bundle)).reasons).toContain('plan_not_yet_valid');
    const future = verifierFor(bundle, { now: () => Date.parse(bundle.evidence.capturedAt), clockSkewMs: 0 });
    expect((await future.verify(bundle)).reasons).toEqual(['capture_time_implausible']);
  });

  it('rejects a plan signed with a wrong key, and a key id it does not know', async () => {
    const bundle = await synthesizeEvidence(plan());
    const wrongKey = verifierFor(bundle, { publicKeys: { [key.keyId]: otherKey.publicKey } });
    expect((await wrongKey.verify(bundle)).reasons).toEqual(['bad_signature']);
    const unknown = verifierFor(bundle, { publicKeys: { [otherKey.keyId]: otherKey.publicKey } });
    expect((await unknown.verify(bundle)).reasons).toEqual(['unknown_key']);
  });

  it('fails closed when the nonce store cannot answer', async () => {
    const bundle = await synthesizeEvidence(plan());
    const down: NonceStore = { consume: () => Promise.reject(new Error('connection refused')) };
    expect((await verifierFor(bundle, { nonceStore: down }).verify(bundle)).reasons).toEqual(['nonce_store_unavailable']);
  });

  it('refuses to be built with a key that is not Ed25519 (INVALID_KEY)', () => {
    expect(() => new EvidenceVerifier({ publicKeys: { k: 'nope' }, nonceStore: new MemoryNonceStore() })).toThrow(
      expect.objectContaining({ name: 'VerifyError', code: 'INVALID_KEY' }),
    );
  });
});

describe('EvidenceVerifier: tampering (digest recomputed, as a hostile browser would)', () => {
  const shiftFrames = (bundle: Mutable<EvidenceBundle>, fromMs: number, toMs: number, edit: (frame: number[]) => void): void => {
    for (const frame of bundle.evidence.trace.frames as unknown as number[][]) {
      if ((frame[0] as number) >= fromMs && (frame[0] as number) <= toMs) edit(frame);
    }
  };
  const tampers: [string, VerificationReason, Tamper][] = [
    ['signature: one character changed', 'bad_signature', (b) => {
      const signature = b.evidence.plan.signature as string;
      b.evidence.plan.signature = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    }],
    ['signature: removed', 'bad_signature', (b) => void delete b.evidence.plan.signature],
    ['signature: key id removed', 'unknown_key', (b) => void delete b.evidence.plan.keyId],
    ['nonce: changed', 'bad_signature', (b) => void (b.evidence.plan.nonce = `${b.evidence.plan.nonce.slice(1)}x`)],
    ['plan: expiry extended', 'bad_signature', (b) => void (b.evidence.plan.expiresAt = '2030-01-01T00:00:00.000Z')],
    ['plan: strictness loosened', 'bad_signature', (b) => void (b.evidence.plan.strictness = 'loose')],
    ['plan: digits changed', 'bad_signature', (b) => {
      const step = b.evidence.plan.steps[stepIndex(b, 'readDigits')] as unknown as { digits: number[] };
      step.digits[0] = ((step.digits[0] as number) + 1) % 10;
    }],
    ['plan: steps reordered', 'bad_signature', (b) => void b.evidence.plan.steps.reverse()],
    ['steps: outcomes reordered', 'steps_mismatch', (b) => void b.steps.reverse()],
    ['steps: one outcome dropped', 'steps_mismatch', (b) => void b.steps.pop()],
    ['steps: trace kind changed', 'steps_mismatch', (b) => {
      const trace = b.evidence.trace.steps[stepIndex(b, 'blink')] as { kind: string };
      trace.kind = 'nod';
    }],
    ['steps: client verdict false', 'client_reported_failure', (b) => void (b.passed = false)],
    ['steps: one step not passed', 'client_reported_failure', (b) => void ((b.steps[0] as { passed: boolean }).passed = false)],
    ['timing: step longer than its timeout', 'step_timeout', (b) => {
      (b.steps[stepIndex(b, 'nod')] as { durationMs: number }).durationMs = 10_001;
    }],
    ['timing: step starts before the previous ends', 'step_out_of_order', (b) => {
      (b.steps[1] as { startedAt: number }).startedAt -= 1_000;
    }],
    ['timing: long pause before the last step', 'step_gap_too_long', (b) => {
      (b.steps.at(-1) as { startedAt: number }).startedAt += 9_000;
    }],
    ['timing: event outside its step', 'event_outside_window', (b) => {
      const index = stepIndex(b, 'blink');
      (b.evidence.trace.steps[index] as { eventsMs: number[] }).eventsMs = [(b.steps[index] as { startedAt: number }).startedAt - 50];
    }],
    ['timing: event missing', 'event_missing', (b) => {
      (b.evidence.trace.steps[stepIndex(b, 'turnLeft')] as { eventsMs: number[] }).eventsMs = [];
    }],
    ['timing: event moved where the frames show nothing', 'event_not_corroborated', (b) => {
      const index = stepIndex(b, 'mouthOpen');
      (b.evidence.trace.steps[index] as { eventsMs: number[] }).eventsMs = [(b.steps[index] as { startedAt: number }).startedAt + 100];
    }],
    ['frames: the blink erased from the metrics', 'event_not_corroborated', (b) => {
      const start = (b.steps[stepIndex(b, 'blink')] as { startedAt: number }).startedAt;
      shiftFrames(b, start, start + 1_500, (frame) => void ((frame[6] = 0.3), (frame[7] = 0.3)));
    }],
    ['frames: the turn goes the wrong way', 'event_not_corroborated', (b) => {
      const start = (b.steps[stepIndex(b, 'turnLeft')] as { startedAt: number }).startedAt;
      shiftFrames(b, start, start + 1_500, (frame) => void (frame[9] = -(frame[9] as number)));
    }],
    ['digits: a response before its reveal', 'digit_response_missing', (b) => {
      const index = stepIndex(b, 'readDigits');
      const segments = (b.evidence.trace.steps[index] as unknown as { voicedSegments: number[][] }).voicedSegments;
      const start = (b.steps[index] as { startedAt: number }).startedAt;
      const reveal = start + ((b.evidence.plan.steps[index] as unknown as { digitOnsetsMs: number[] }).digitOnsetsMs[1] as number);
      (segments[1] as number[])[0] = Math.max(reveal - 100, (segments[0] as number[])[0] as number);
    }],
    ['digits: no voice at all', 'digit_response_missing', (b) => {
      (b.evidence.trace.steps[stepIndex(b, 'readDigits')] as unknown as { voicedSegments: number[][] }).voicedSegments = [];
    }],
    ['frames: two timestamps swapped', 'frame_timing_implausible', (b) => {
      const frames = b.evidence.trace.frames as unknown as number[][];
      [(frames[10] as number[])[0], (frames[11] as number[])[0]] = [(frames[11] as number[])[0] as number, (frames[10] as number[])[0] as number];
    }],
    ['frames: impossible frame rate', 'frame_timing_implausible', (b) => {
      const frames = b.evidence.trace.frames as unknown as number[][];
      frames.forEach((frame, index) => void (frame[0] = index));
    }],
    ['frames: a second and a half of frames cut out', 'frame_gap_too_long', (b) => {
      const frames = b.evidence.trace.frames as unknown as number[][];
      frames.splice(40, 45);
    }],
    ['frames: the trace stops early', 'trace_incomplete', (b) => {
      const frames = b.evidence.trace.frames as unknown as number[][];
      frames.splice(Math.floor(frames.length / 2));
    }],
    ['face: a second face for two seconds', 'face_count_invalid', (b) => {
      const start = (b.steps[0] as { startedAt: number }).startedAt;
      shiftFrames(b, start + 100, start + 2_100, (frame) => void (frame[1] = 2));
    }],
    ['face: gone for four seconds', 'face_lost', (b) => {
      const start = (b.steps[0] as { startedAt: number }).startedAt;
      shiftFrames(b, start + 100, start + 4_100, (frame) => void frame.fill(0, 1));
    }],
    ['face: replaced by another, elsewhere in the frame', 'face_discontinuity', (b) => {
      shiftFrames(b, 2_000, 1e9, (frame) => void (frame[2] = 0.0));
      shiftFrames(b, 0, 1_999, (frame) => void (frame[2] = 0.55));
    }],
    ['best frame: stated width differs', 'best_frame_invalid', (b) => {
      (b.evidence.bestFrames?.[0] as { width: number }).width = 640;
    }],
    ['best frame: JPEG truncated', 'best_frame_invalid', (b) => {
      const frame = b.evidence.bestFrames?.[0] as { jpegBase64: string };
      frame.jpegBase64 = frame.jpegBase64.slice(0, 400);
    }],
    ['best frame: not a JPEG', 'best_frame_invalid', (b) => {
      (b.evidence.bestFrames?.[0] as { jpegBase64: string }).jpegBase64 = Buffer.from('\x89PNG\r\n\x1a\n0000000000').toString('base64');
    }],
    ['best frame: taken after the trace', 'best_frame_invalid', (b) => {
      (b.evidence.bestFrames?.[0] as { timeMs: number }).timeMs = 200_000;
    }],
    ['audio: 8 kHz inside the WAV', 'audio_invalid', (b) => {
      const audio = b.evidence.audio as { wavBase64: string };
      const bytes = Buffer.from(audio.wavBase64, 'base64');
      bytes.writeUInt32LE(8_000, 24);
      audio.wavBase64 = bytes.toString('base64');
    }],
    ['audio: shorter than the speech it should hold', 'audio_invalid', (b) => {
      (b.evidence.audio as { wavBase64: string }).wavBase64 = wavBase64(500);
    }],
    ['time: captured a minute before the plan existed', 'plan_not_yet_valid', (b) => {
      b.evidence.capturedAt = new Date(ISSUED_AT_MS - 60_000).toISOString();
    }],
  ];

  // One honest bundle with every step and all media; each case tampers with its own copy.
  const honest = synthesizeEvidence(plan(), { withBestFrame: true, withAudio: true });

  it('the honest bundle the tampering starts from is accepted', async () => {
    const bundle = await honest;
    expect(await reasonsFor(bundle, bundle)).toEqual([]);
  });

  it.each(tampers)('%s → %s', async (_name, reason, tamper) => {
    const bundle = await honest;
    const tampered = cloneJson(bundle) as Mutable<EvidenceBundle>;
    tamper(tampered);
    expect(await reasonsFor(await withDigest(tampered), bundle)).toContain(reason);
  });

  it('digest: changed, or left stale after an edit → digest_mismatch', async () => {
    const bundle = await synthesizeEvidence(plan());
    const changed = cloneJson(bundle) as Mutable<EvidenceBundle>;
    changed.evidence.digest = `${changed.evidence.digest.slice(0, -1)}${changed.evidence.digest.endsWith('A') ? 'B' : 'A'}`;
    expect(await reasonsFor(changed, bundle)).toEqual(['digest_mismatch']);
    const stale = cloneJson(bundle) as Mutable<EvidenceBundle>;
    stale.evidence.environment.fps = 29;
    expect(await reasonsFor(stale, bundle)).toEqual(['digest_mismatch']);
  });

  it('requires media when the portal says so', async () => {
    const bundle = await synthesizeEvidence(plan());
    const strictPortal = verifierFor(bundle, { shouldRequireBestFrames: true, shouldRequireAudio: true });
    expect((await strictPortal.verify(bundle)).reasons).toEqual(['best_frames_missing', 'audio_missing']);
  });

  /** A readDigits-only bundle whose responses start `latenciesMs[i]` after each reveal (null: silent). */
  async function readDigitsBundle(strictness: 'loose' | 'standard' | 'strict', latenciesMs: (index: number) => number | null): Promise<EvidenceBundle> {
    const policy = { strictness, stepKinds: ['readDigits'], requiredStepKinds: ['readDigits'], stepCount: 1, minDigitCount: 4, maxDigitCount: 4 } as const;
    const bundle = cloneJson(await synthesizeEvidence(plan(policy))) as Mutable<EvidenceBundle>;
    const start = (bundle.steps[0] as { startedAt: number }).startedAt;
    const onsets = (bundle.evidence.plan.steps[0] as unknown as { digitOnsetsMs: number[] }).digitOnsetsMs;
    const segments = onsets.flatMap((onsetMs, index) => {
      const latencyMs = latenciesMs(index);
      return latencyMs === null ? [] : [[start + onsetMs + latencyMs, start + onsetMs + latencyMs + 100]];
    });
    (bundle.evidence.trace.steps[0] as unknown as { voicedSegments: number[][] }).voicedSegments = segments;
    (bundle.steps[0] as { durationMs: number }).durationMs = Math.max(...segments.map((segment) => segment[1] as number)) + 100 - start;
    return withDigest(bundle);
  }

  it('tightens with the plan strictness: responses late for strict are fine for loose', async () => {
    const lateMs = DEFAULT_STRICTNESS_LIMITS.strict.responseWindowEndMs + 200;
    const loose = await readDigitsBundle('loose', () => lateMs);
    expect(await reasonsFor(loose, loose)).toEqual([]);
    const strict = await readDigitsBundle('strict', () => lateMs);
    expect(await reasonsFor(strict, strict)).toEqual(['digit_response_missing']);
  });

  it('lets loose miss one digit, standard none', async () => {
    // The last digit: an earlier silent digit would take the next digit's answer (the client's
    // matching does the same) and fail on the latency spread instead.
    const silentLast = (index: number): number | null => (index === 3 ? null : 600);
    const loose = await readDigitsBundle('loose', silentLast);
    expect(await reasonsFor(loose, loose)).toEqual([]);
    const standard = await readDigitsBundle('standard', silentLast);
    expect(await reasonsFor(standard, standard)).toEqual(['digit_response_missing']);
  });

  it('rejects unsteady response latencies (a recording played against a new schedule)', async () => {
    const unsteady = await readDigitsBundle('standard', (index) => (index % 2 === 0 ? 300 : 1_000));
    expect(await reasonsFor(unsteady, unsteady)).toEqual(['digit_latency_inconsistent']);
    const steady = await readDigitsBundle('standard', (index) => 700 + index * 100);
    expect(await reasonsFor(steady, steady)).toEqual([]);
  });

  it('merges voiced segments closer than the utterance gap into one response', async () => {
    const bundle = cloneJson(await readDigitsBundle('standard', () => 600)) as Mutable<EvidenceBundle>;
    const segments = (bundle.evidence.trace.steps[0] as unknown as { voicedSegments: number[][] }).voicedSegments;
    const [first] = segments as [number[]];
    segments.splice(1, 0, [(first[1] as number) + 100, (first[1] as number) + 200]); // a split syllable of the first digit
    const split = await withDigest(bundle);
    expect(await reasonsFor(split, split)).toEqual([]);
  });
});

describe('EvidenceVerifier: every single-field change is caught (properties)', () => {
  /** Paths to every primitive in a JSON value. */
  function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
    if (Array.isArray(value)) return value.flatMap((item, index) => leafPaths(item, [...path, index]));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([name, item]) => leafPaths(item, [...path, name]));
    return [path];
  }
  function setAt(root: unknown, path: readonly (string | number)[], value: unknown): void {
    let node = root as Record<string | number, unknown>;
    for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
    node[path.at(-1) as string | number] = value;
  }
  function getAt(root: unknown, path: readonly (string | number)[]): unknown {
    return path.reduce<unknown>((node, part) => (node as Record<string | number, unknown>)[part], root);
  }
  /** A replacement differing from `original`: same type mostly, sometimes another type. */
  const replacementFor = (original: unknown): fc.Arbitrary<unknown> =>
    fc
      .oneof(
        typeof original === 'number'
          ? fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constant((original as number) + 1))
          : typeof original === 'string'
            ? fc.oneof(fc.string(), fc.constant(`${original}x`), fc.constant((original as string).slice(1)))
            : fc.constant(!original),
        fc.constantFrom(null, 0, '', true, [], {}),
      )
      .filter((value) => JSON.stringify(value) !== JSON.stringify(original));

  /** A random leaf of `root` among `paths`, and a different value to put there. */
  const leafAndReplacement = (root: unknown, paths: readonly (string | number)[][]): fc.Arbitrary<[(string | number)[], unknown]> =>
    fc.nat({ max: paths.length - 1 }).chain((index) => {
      const path = paths[index] as (string | number)[];
      return fc.tuple(fc.constant(path), replacementFor(getAt(root, path)));
    });

  it('without a recomputed digest: rejected, by the digest or the structure', async () => {
    const bundle = await synthesizeEvidence(plan(), { withBestFrame: true });
    const paths = leafPaths(bundle);
    const verifier = (): EvidenceVerifier => verifierFor(bundle);
    await fc.assert(
      fc.asyncProperty(
        leafAndReplacement(bundle, paths),
        async ([path, replacement]) => {
          const tampered = cloneJson(bundle);
          setAt(tampered, path, replacement);
          const { accepted, reasons } = await verifier().verify(JSON.stringify(tampered));
          expect(accepted).toBe(false);
          expect(reasons.some((reason) => reason === 'digest_mismatch' || reason === 'invalid_bundle'), `${path.join('/')}: ${reasons.join()}`).toBe(true);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('with a recomputed digest, any change to the plan: rejected by its signature', async () => {
    const bundle = await synthesizeEvidence(plan());
    const paths = leafPaths(bundle.evidence.plan).map((path) => ['evidence', 'plan', ...path]);
    await fc.assert(
      fc.asyncProperty(
        leafAndReplacement(bundle, paths),
        async ([path, replacement]) => {
          const tampered = cloneJson(bundle);
          setAt(tampered, path, replacement);
          const redigested = await withDigest(tampered).catch(() => tampered);
          const { accepted, reasons } = await verifierFor(bundle).verify(JSON.stringify(redigested));
          expect(accepted).toBe(false);
          const expected: VerificationReason[] = ['bad_signature', 'unknown_key', 'invalid_bundle'];
          expect(reasons.some((reason) => expected.includes(reason)), `${path.join('/')}: ${reasons.join()}`).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every reason the verifier gives is a documented code', () => {
    expect(new Set(VERIFICATION_REASONS).size).toBe(VERIFICATION_REASONS.length);
  });
});
