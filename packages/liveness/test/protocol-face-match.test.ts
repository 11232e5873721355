import { describe, expect, it } from 'vitest';
import { createChallengeRun, type ChallengeRunState } from '../src/challenges/challenge-run.js';
import { FrontalHoldDetector } from '../src/challenges/frontal-hold-detector.js';
import { createLocalPlan } from '../src/challenges/local-plan.js';
import type { MetricSample } from '../src/challenges/metric-sample.js';
import { findActionPeak } from '../src/session/action-peak.js';
import {
  requiresFaceMatch,
  validateChallengePlan,
  validateEvidenceBundle,
  type ChallengePlan,
  type EvidenceBundle,
  type FaceMatchRecord,
  type MetricFrame,
} from '../src/protocol.js';
import { loadRecordedTracesByClip, looped } from './traces/recorded-traces.js';

// The protocol side of 1:1 face match: the `faceMatch` step kind in plans, the face-match record in
// evidence, and the step's frontal-hold detector on real engine traces of the shared fixtures.

const plan: ChallengePlan = {
  version: 1,
  nonce: 'AAAAAAAAAAAAAAAAAAAAAAAA',
  issuedAt: '2026-03-01T08:00:00.000Z',
  expiresAt: '2026-03-01T08:05:00.000Z',
  strictness: 'standard',
  steps: [{ kind: 'faceMatch' }, { kind: 'blink' }],
  keyId: 'portal-1',
  signature: 'c2lnbmF0dXJl',
};

function bundleWith(faceMatch: unknown): unknown {
  const frames: MetricFrame[] = Array.from({ length: 60 }, (_, index) => [Math.round(index * 33.3), 1, 0.3, 0.25, 0.4, 0.5, 0.3, 0.3, 0.1, 0, 0, 0]);
  const bundle: EvidenceBundle = {
    passed: true,
    steps: [
      { kind: 'faceMatch', passed: true, startedAt: 100, durationMs: 700 },
      { kind: 'blink', passed: true, startedAt: 800, durationMs: 900 },
    ],
    evidence: {
      formatVersion: 1,
      plan,
      capturedAt: '2026-03-01T08:00:01.000Z',
      trace: { frames, steps: [{ kind: 'faceMatch', eventsMs: [300] }, { kind: 'blink', eventsMs: [1_200] }] },
      environment: { backend: 'wasm', fps: 30, droppedFrames: 0, userAgent: 'Mozilla/5.0' },
      sdkVersion: '0.1.0',
      digest: 'A'.repeat(43),
    },
  };
  return JSON.parse(JSON.stringify({ ...bundle, evidence: { ...bundle.evidence, faceMatch } })) as unknown;
}

const matched: FaceMatchRecord = {
  mode: 'reference',
  referenceSource: 'client-image',
  model: 'faceres',
  threshold: 0.7,
  scores: [
    { timeMs: 300, stepIndex: 0, similarity: 0.91 },
    { timeMs: 1_000, stepIndex: 1, similarity: 0.84 },
  ],
  decision: 'match',
};

describe('faceMatch in challenge plans', () => {
  it('is a step kind a plan may hold once; requiresFaceMatch finds it', () => {
    expect(validateChallengePlan(plan)).toEqual({ ok: true, value: plan });
    expect(requiresFaceMatch(plan)).toBe(true);
    expect(requiresFaceMatch({ steps: [{ kind: 'blink' }] })).toBe(false);
    const twice = validateChallengePlan({ ...plan, steps: [{ kind: 'faceMatch' }, { kind: 'faceMatch' }] });
    expect(twice.ok ? [] : twice.issues).toContainEqual(expect.objectContaining({ code: 'inconsistent', path: '/steps/1' }));
    const withDigits = validateChallengePlan({ ...plan, steps: [{ kind: 'faceMatch', digits: [1, 2, 3] }] });
    expect(withDigits.ok).toBe(false);
  });

  it('the local generator puts it first only when asked, and never twice', () => {
    const random = (bytes: Uint8Array): Uint8Array => bytes.fill(7);
    const asked = createLocalPlan({ now: 0, random, steps: ['blink', 'mouthOpen'], shouldRequireFaceMatch: true });
    expect(asked.steps.map((step) => step.kind)).toEqual(['faceMatch', ...createLocalPlan({ now: 0, random, steps: ['blink', 'mouthOpen'] }).steps.map((s) => s.kind)]);
    expect(validateChallengePlan(asked).ok).toBe(true);
    expect(createLocalPlan({ now: 0, random, steps: ['blink'] }).steps.map((step) => step.kind)).toEqual(['blink']);
    const already = createLocalPlan({ now: 0, random, steps: ['faceMatch', 'blink'], shouldRequireFaceMatch: true });
    expect(already.steps.filter((step) => step.kind === 'faceMatch')).toHaveLength(1);
  });
});

describe('the face-match record in evidence', () => {
  it('accepts a client match, a liveness-only record and a mismatch, and keeps them in the rebuilt bundle', () => {
    const mismatch: FaceMatchRecord = { ...matched, scores: [{ timeMs: 300, stepIndex: 0, similarity: 0.41 }], decision: 'mismatch' };
    const none: FaceMatchRecord = { mode: 'none', scores: [], decision: 'not_checked' };
    const unchecked: FaceMatchRecord = { ...matched, referenceSource: 'client-embedding', scores: [], decision: 'not_checked' };
    for (const record of [matched, mismatch, none, unchecked]) {
      const result = validateEvidenceBundle(bundleWith(record));
      expect(result.ok ? [] : result.issues, record.decision).toEqual([]);
      expect(result.ok && result.value.evidence.faceMatch).toEqual(record);
    }
  });

  const invalid: [string, unknown, string, string][] = [
    ['an unknown mode', { ...matched, mode: 'server' }, 'out_of_range', '/evidence/faceMatch/mode'],
    ['a similarity above 1', { ...matched, scores: [{ timeMs: 300, stepIndex: 0, similarity: 1.2 }] }, 'out_of_range', '/evidence/faceMatch/scores/0/similarity'],
    ['a threshold below -1', { ...matched, threshold: -2 }, 'out_of_range', '/evidence/faceMatch/threshold'],
    ['a fractional step index', { ...matched, scores: [{ timeMs: 300, stepIndex: 0.5, similarity: 0.9 }] }, 'wrong_type', '/evidence/faceMatch/scores/0/stepIndex'],
    ['a step index past the protocol limit', { ...matched, scores: [{ timeMs: 300, stepIndex: 8, similarity: 0.9 }] }, 'out_of_range', '/evidence/faceMatch/scores/0/stepIndex'],
    ['more scores than steps allowed', { ...matched, scores: Array(9).fill({ timeMs: 300, stepIndex: 0, similarity: 0.9 }) }, 'too_long', '/evidence/faceMatch/scores'],
    ['scores out of time order', { ...matched, scores: [...matched.scores].reverse() }, 'inconsistent', '/evidence/faceMatch/scores/1/timeMs'],
    ['match claimed over a low score', { ...matched, scores: [{ timeMs: 300, stepIndex: 0, similarity: 0.69 }] }, 'inconsistent', '/evidence/faceMatch/decision'],
    ['mismatch claimed over high scores', { ...matched, decision: 'mismatch' }, 'inconsistent', '/evidence/faceMatch/decision'],
    ['a reference without its threshold', { ...matched, threshold: undefined }, 'missing_field', '/evidence/faceMatch'],
    ['a reference without its model', { ...matched, model: undefined }, 'missing_field', '/evidence/faceMatch'],
    ['a model id with spaces', { ...matched, model: 'face res' }, 'bad_format', '/evidence/faceMatch/model'],
    ['liveness only with scores', { mode: 'none', scores: matched.scores, decision: 'not_checked' }, 'inconsistent', '/evidence/faceMatch'],
    ['liveness only claiming a match', { mode: 'none', scores: [], decision: 'match' }, 'inconsistent', '/evidence/faceMatch'],
    ['an extra field', { ...matched, embedding: [0.1, 0.2] }, 'unknown_field', '/evidence/faceMatch/embedding'],
    ['a score with an extra field', { ...matched, scores: [{ timeMs: 300, stepIndex: 0, similarity: 0.9, jpeg: 'x' }] }, 'unknown_field', '/evidence/faceMatch/scores/0/jpeg'],
  ];
  it.each(invalid)('refuses %s', (_name, record, code, path) => {
    const result = validateEvidenceBundle(bundleWith(record));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toContainEqual(expect.objectContaining({ code, path }));
  });
});

// Real engine traces (see traces/README.md) of the shared fixtures.
const NOW = Date.parse('2026-11-29T10:00:00Z');
function runPlan(steps: ChallengePlan['steps'], samples: readonly MetricSample[]): ChallengeRunState {
  const challenge = createChallengeRun(
    { version: 1, nonce: 'real-trace', issuedAt: new Date(NOW).toISOString(), expiresAt: new Date(NOW + 120_000).toISOString(), strictness: 'standard', steps },
    { now: NOW },
  );
  let state = challenge.state;
  for (const sample of samples) state = challenge.push(sample);
  return state;
}

const talkers = loadRecordedTracesByClip('blink-traces.iris.json.gz');
const stills = loadRecordedTracesByClip('no-action-traces.iris.json.gz');

describe('the faceMatch step on real traces', () => {
  const grid = [...talkers.keys()].filter((clip) => clip.startsWith('grid/'));

  it.each(grid)('%s: a frontal talker passes the step within its first second or so', (clip) => {
    const samples = talkers.get(clip) ?? [];
    const state = runPlan([{ kind: 'faceMatch' }], samples);
    expect(state.final).toEqual({ passed: true });
    const [result] = state.stepResults;
    expect(result!.durationMs, clip).toBeGreaterThanOrEqual(600);
    expect(result!.durationMs, clip).toBeLessThan(1_500);
    // The event the evidence reports is the most frontal sample of the step.
    const peakMs = findActionPeak('faceMatch', samples, result!.startedAt, result!.startedAt + result!.durationMs);
    expect(peakMs).not.toBeNull();
    const peak = samples.find((s) => s.timestampMs === peakMs)!;
    expect(Math.abs(peak.yawDeg!) + Math.abs(peak.pitchDeg!)).toBeLessThan(24);
  });

  it('a frontal photo on a phone passes the frontal step (it is frontal and still) but never the blink after it', () => {
    const state = runPlan([{ kind: 'faceMatch' }, { kind: 'blink' }], looped(stills.get('spoof/silentface_image_F2_still3s.mp4') ?? [], 14_000));
    expect(state.stepResults.map((r) => [r.kind, r.passed])).toEqual([
      ['faceMatch', true],
      ['blink', false],
    ]);
    expect(state.final).toEqual({ passed: false, reason: 'TIMEOUT' });
  });

  it('photos held at an angle (yaw about -34° and 20°) never count as frontal: the step times out', () => {
    for (const clip of ['spoof/silentface_image_F1_still3s.mp4', 'spoof/silentface_image_T1_still3s.mp4']) {
      const state = runPlan([{ kind: 'faceMatch' }], looped(stills.get(clip) ?? [], 14_000));
      expect(state.final, clip).toEqual({ passed: false, reason: 'TIMEOUT' });
    }
  });

  it('fails as before with no face or two faces in view', () => {
    expect(runPlan([{ kind: 'faceMatch' }], looped(stills.get('noface/synthetic_testsrc_noface_640x480_30fps_3s.mp4') ?? [], 8_000)).final).toEqual({
      passed: false,
      reason: 'FACE_LOST',
    });
    expect(runPlan([{ kind: 'faceMatch' }], looped(stills.get('faces/openh264_CiscoVT2people_twofaces.mp4') ?? [], 8_000)).final).toEqual({
      passed: false,
      reason: 'MULTIPLE_FACES',
    });
  });

  it('the detector needs the hold unbroken: a turned head or a blink restarts it', () => {
    const detector = new FrontalHoldDetector({ maxYawDeg: 12, maxPitchDeg: 12, minEyeAspectRatio: 0.15, holdMs: 600, maxSampleGapMs: 500 });
    const sample = (timestampMs: number, yawDeg: number, ear = 0.3): MetricSample => ({
      timestampMs,
      faceCount: 1,
      eyeAspectRatioLeft: ear,
      eyeAspectRatioRight: ear,
      mouthAspectRatio: 0.1,
      yawDeg,
      pitchDeg: 2,
      rollDeg: 0,
      faceBox: { x: 0.3, y: 0.2, width: 0.4, height: 0.5 },
      brightness: 120,
      sharpness: 50,
    });
    const fired = (samples: MetricSample[]): number[] =>
      samples.flatMap((s) => {
        const action = detector.push(s);
        return action ? [action.endMs] : [];
      });
    expect(fired([0, 200, 400, 500].map((t) => sample(t, 3)))).toEqual([]);
    expect(fired([sample(600, 25), sample(700, 3), sample(1_000, 3), sample(1_300, 3)])).toEqual([1_300]);
    expect(fired([sample(1_400, 3), sample(1_600, 3, 0.05), sample(1_700, 3), sample(2_000, 3), sample(2_300, 3)])).toEqual([2_300]);
    // A 700 ms gap: nothing was seen, so the hold starts again at the next sample (3,200).
    expect(fired([sample(2_400, 3), sample(3_100, 3), sample(3_200, 3), sample(3_500, 3), sample(3_800, 3)])).toEqual([3_800]);
  });
});
