import { describe, expect, it } from 'vitest';
import { GUARD_HINT_TEXTS, type GuardHintCode } from '../src/challenges/guard-hint.js';
import type { MetricSample } from '../src/challenges/metric-sample.js';
import { RunGuards, type GuardFailureReason } from '../src/challenges/run-guards.js';
import { STRICTNESS_PROFILES } from '../src/challenges/strictness-profiles.js';
import type { Strictness } from '../src/protocol/challenge-plan.js';
import { during, makeTrace, type TraceOverlay } from './traces/synthetic-trace.js';

interface GuardRun {
  readonly failure: GuardFailureReason | null;
  readonly failedAtMs: number | null;
  /** Every hint code seen, with the first time it showed. */
  readonly hintsFirstSeenMs: ReadonlyMap<GuardHintCode, number>;
}

function runGuards(samples: readonly MetricSample[], strictness: Strictness = 'standard'): GuardRun {
  const guards = new RunGuards(STRICTNESS_PROFILES[strictness].guards);
  const hintsFirstSeenMs = new Map<GuardHintCode, number>();
  for (const sample of samples) {
    const verdict = guards.push(sample);
    for (const hint of verdict.hints) if (!hintsFirstSeenMs.has(hint.code)) hintsFirstSeenMs.set(hint.code, sample.timestampMs);
    if (verdict.failure) return { failure: verdict.failure, failedAtMs: sample.timestampMs, hintsFirstSeenMs };
  }
  return { failure: null, failedAtMs: null, hintsFirstSeenMs };
}

const box = (x: number, width: number) => ({ faceBox: { x, y: 0.25, width, height: width * 1.25 } });

/** The person walks towards or away from the camera: width eases from 0.4 to `width` over 1 s from `fromMs`, until `toMs`. */
const resize =
  (fromMs: number, toMs: number, width: number): TraceOverlay =>
  (t) => {
    if (t < fromMs || t >= toMs + 1000) return null;
    const progress = t < toMs ? Math.min(1, (t - fromMs) / 1000) : 1 - (t - toMs) / 1000;
    const w = 0.4 + (width - 0.4) * progress;
    return box(0.5 - w / 2, w);
  };

describe('RunGuards', () => {
  it('a steady, well-lit, single face at 25 fps for 20 s raises nothing', () => {
    const result = runGuards(makeTrace({ durationMs: 20_000, overlays: [] }));
    expect(result.failure).toBeNull();
    expect([...result.hintsFirstSeenMs.keys()]).toEqual([]);
  });

  const cases: readonly {
    name: string;
    overlays?: TraceOverlay[];
    fps?: number;
    strictness?: Strictness;
    drop?: (t: number) => boolean;
    hint?: GuardHintCode;
    failure: GuardFailureReason | null;
    /** Expected failure time window [from, to] in ms. */
    failAt?: readonly [number, number];
  }[] = [
    { name: 'a second face for 300 ms: nothing yet', overlays: [during(2000, 2300, { faceCount: 2 })], failure: null },
    { name: 'a second face for 1 s: hint only', overlays: [during(2000, 3000, { faceCount: 2 })], hint: 'ONE_FACE_ONLY', failure: null },
    { name: 'a second face for 2 s: MULTIPLE_FACES after 1.5 s', overlays: [during(2000, 4000, { faceCount: 2 })], hint: 'ONE_FACE_ONLY', failure: 'MULTIPLE_FACES', failAt: [3480, 3560] },
    { name: 'face lost for 1 s then back: hint only (grace)', overlays: [during(2000, 3000, { faceCount: 0, faceBox: null })], hint: 'FACE_NOT_FOUND', failure: null },
    { name: 'face lost for 4 s: FACE_LOST after 3 s', overlays: [during(2000, 6000, { faceCount: 0, faceBox: null })], hint: 'FACE_NOT_FOUND', failure: 'FACE_LOST', failAt: [4980, 5060] },
    { name: 'face box jumps half the frame in one frame: FACE_CHANGED', overlays: [during(3000, 20_000, box(0.05, 0.4))], failure: 'FACE_CHANGED', failAt: [3000, 3000] },
    { name: 'face box doubles in size in one frame: FACE_CHANGED', overlays: [during(3000, 20_000, { faceBox: { x: 0.2, y: 0.15, width: 0.62, height: 0.75 } })], failure: 'FACE_CHANGED' },
    {
      name: 'face moving smoothly across the frame is the same face',
      overlays: [(t) => box(0.1 + 0.3 * Math.min(1, t / 3000), 0.4)],
      failure: null,
    },
    { name: 'face too small for 1 s: hint "move closer"', overlays: [resize(2000, 3000, 0.12)], hint: 'MOVE_CLOSER', failure: null },
    { name: 'face too small for 10 s: FACE_TOO_FAR after 8 s', overlays: [resize(2000, 13_000, 0.12)], hint: 'MOVE_CLOSER', failure: 'FACE_TOO_FAR', failAt: [10_500, 11_200] },
    { name: 'face too large: hint "move back", then FACE_TOO_CLOSE', overlays: [resize(2000, 13_000, 0.9)], hint: 'MOVE_BACK', failure: 'FACE_TOO_CLOSE' },
    { name: 'face too dark: hint "more light", then TOO_DARK', overlays: [during(1000, 12_000, { brightness: 30, frameBrightness: 30 })], hint: 'MORE_LIGHT', failure: 'TOO_DARK' },
    { name: 'bright window behind a dark face: BACKLIT', overlays: [during(1000, 12_000, { brightness: 70, frameBrightness: 180 })], hint: 'AVOID_BACKLIGHT', failure: 'BACKLIT' },
    { name: 'blurry: hint "hold still", then TOO_BLURRY', overlays: [during(1000, 12_000, { sharpness: 5 })], hint: 'HOLD_STILL', failure: 'TOO_BLURRY' },
    { name: 'a brief blur (300 ms, moving) raises nothing', overlays: [during(1000, 1300, { sharpness: 5 })], failure: null },
    { name: '8 fps is enough under standard', fps: 8, failure: null },
    { name: '5 fps: hint "device too slow", then LOW_FRAMERATE', fps: 5, hint: 'DEVICE_TOO_SLOW', failure: 'LOW_FRAMERATE' },
    { name: '8 fps is too slow under strict', fps: 8, strictness: 'strict', hint: 'DEVICE_TOO_SLOW', failure: 'LOW_FRAMERATE' },
    { name: 'a 1 s freeze (no frames) does not fail on its own', drop: (t) => t > 5000 && t < 6000, failure: null },
  ];

  it.each(cases)('$name', ({ overlays, fps, strictness, drop, hint, failure, failAt }) => {
    const result = runGuards(makeTrace({ durationMs: 14_000, fps, overlays: overlays ?? [], drop }), strictness);
    expect(result.failure).toBe(failure);
    if (hint) expect(result.hintsFirstSeenMs.has(hint), `hint ${hint}`).toBe(true);
    if (failAt) {
      expect(result.failedAtMs).toBeGreaterThanOrEqual(failAt[0]);
      expect(result.failedAtMs).toBeLessThanOrEqual(failAt[1]);
    }
  });

  it('hints come after hintAfterMs, well before the failure', () => {
    const result = runGuards(makeTrace({ durationMs: 14_000, overlays: [during(2000, 14_000, { brightness: 30 })] }));
    const hintAt = result.hintsFirstSeenMs.get('MORE_LIGHT') ?? Number.NaN;
    expect(hintAt - 2000).toBeGreaterThanOrEqual(STRICTNESS_PROFILES.standard.guards.hintAfterMs);
    expect(hintAt - 2000).toBeLessThan(STRICTNESS_PROFILES.standard.guards.hintAfterMs + 80);
    expect(result.failedAtMs ?? 0).toBeGreaterThan(hintAt + 5000);
  });

  it('keeps failing once failed', () => {
    const guards = new RunGuards(STRICTNESS_PROFILES.standard.guards);
    const samples = makeTrace({ durationMs: 4000, overlays: [during(2000, 4000, box(0.02, 0.4))] });
    const verdicts = samples.map((s) => guards.push(s));
    expect(verdicts.at(-1)?.failure).toBe('FACE_CHANGED');
  });

  it('every hint has Chinese and English text', () => {
    for (const [code, text] of Object.entries(GUARD_HINT_TEXTS)) {
      expect(text['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
      expect(text.en, code).toMatch(/^[A-Z]/);
    }
    expect(GUARD_HINT_TEXTS.MOVE_CLOSER).toEqual({ 'zh-CN': '请靠近一点', en: 'Move closer' });
    expect(Object.isFrozen(GUARD_HINT_TEXTS)).toBe(true);
  });
});
