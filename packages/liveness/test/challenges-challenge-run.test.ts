import { describe, expect, it } from 'vitest';
import type { VoicedSegment } from '../src/audio/voiced-segment.js';
import { createChallengeRun, type ChallengeRunState } from '../src/challenges/challenge-run.js';
import { HEAD_POSE_CONVENTION } from '../src/challenges/head-pose-convention.js';
import type { MetricSample } from '../src/challenges/metric-sample.js';
import { STRICTNESS_PROFILES } from '../src/challenges/strictness-profiles.js';
import type { ChallengePlan, ChallengeStep } from '../src/protocol/challenge-plan.js';
import { blinkAt, during, headExcursion, makeTrace, mouthOpenAt, type TraceOverlay } from './traces/synthetic-trace.js';

const NOW = Date.parse('2026-11-29T10:00:00Z');
const LEFT = HEAD_POSE_CONVENTION.personLeftYawSign;

const plan = (steps: ChallengeStep[], overrides: Partial<ChallengePlan> = {}): ChallengePlan => ({
  version: 1,
  nonce: 'test-nonce',
  issuedAt: new Date(NOW - 10_000).toISOString(),
  expiresAt: new Date(NOW + 110_000).toISOString(),
  strictness: 'standard',
  steps,
  ...overrides,
});

function play(run: ReturnType<typeof createChallengeRun>, samples: readonly MetricSample[]): ChallengeRunState[] {
  return samples.map((s) => run.push(s));
}

describe('createChallengeRun', () => {
  it('refuses an expired plan before starting: PLAN_EXPIRED, and ignores samples', () => {
    const run = createChallengeRun(plan([{ kind: 'blink' }], { expiresAt: new Date(NOW - 1).toISOString() }), { now: NOW });
    expect(run.state.status).toBe('failed');
    expect(run.state.final).toEqual({ passed: false, reason: 'PLAN_EXPIRED' });
    expect(run.state.stepResults).toEqual([]);
    const after = run.push(makeTrace({ durationMs: 100, overlays: [] })[0] as MetricSample);
    expect(after.final?.reason).toBe('PLAN_EXPIRED');
  });

  it.each([
    ['no steps', plan([])],
    ['read digits without onsets', plan([{ kind: 'readDigits', digits: [1, 2, 3] }])],
    ['a digit out of range', plan([{ kind: 'readDigits', digits: [1, 12, 3], digitOnsetsMs: [1000, 2000, 3000] }])],
    ['onsets going backwards', plan([{ kind: 'readDigits', digits: [1, 2, 3], digitOnsetsMs: [1000, 3000, 2000] }])],
  ])('refuses a malformed plan (%s): INVALID_PLAN', (_name, badPlan) => {
    expect(createChallengeRun(badPlan, { now: NOW }).state.final).toEqual({ passed: false, reason: 'INVALID_PLAN' });
  });

  it('passes blink → mouth open → turn left done in order, with a result per step', () => {
    const run = createChallengeRun(plan([{ kind: 'blink' }, { kind: 'mouthOpen' }, { kind: 'turnLeft' }]), { now: NOW });
    expect(run.state.status).toBe('waiting');
    const samples = makeTrace({
      durationMs: 9000,
      startMs: 50_000,
      overlays: [blinkAt(2000, 0.5), mouthOpenAt(3500, 1000, 0.5), headExcursion('yawDeg', 5500, LEFT * 30)],
    });
    const states = play(run, samples);
    const final = states.at(-1) as ChallengeRunState;
    expect(final.final).toEqual({ passed: true });
    expect(final.status).toBe('passed');
    expect(final.stepResults.map((r) => [r.kind, r.passed])).toEqual([
      ['blink', true],
      ['mouthOpen', true],
      ['turnLeft', true],
    ]);
    const [blink, mouth, turn] = final.stepResults;
    expect(blink?.startedAt).toBe(50_000);
    expect(blink?.durationMs).toBeGreaterThan(2000);
    expect(blink?.durationMs).toBeLessThan(2500);
    expect(mouth?.startedAt).toBe((blink?.startedAt ?? 0) + (blink?.durationMs ?? 0));
    expect(turn?.durationMs).toBeGreaterThan(0);
    // The run advanced through each step in between.
    expect(states.some((s) => s.currentStep?.kind === 'mouthOpen')).toBe(true);
    expect(states.some((s) => s.currentStep?.kind === 'turnLeft')).toBe(true);
  });

  it('an action done before its step does not count; the step then times out (TIMEOUT)', () => {
    const run = createChallengeRun(plan([{ kind: 'mouthOpen' }, { kind: 'blink', timeoutMs: 4000 }]), { now: NOW });
    // Blink first (during the mouth step), then mouth open; no blink afterwards.
    const states = play(run, makeTrace({ durationMs: 12_000, overlays: [blinkAt(1500, 0.5), mouthOpenAt(3000, 1000, 0.5)] }));
    const final = states.at(-1) as ChallengeRunState;
    expect(final.final).toEqual({ passed: false, reason: 'TIMEOUT' });
    expect(final.stepResults.map((r) => [r.kind, r.passed, r.reason])).toEqual([
      ['mouthOpen', true, undefined],
      ['blink', false, 'TIMEOUT'],
    ]);
    expect(final.stepResults[1]?.durationMs).toBeGreaterThan(4000);
    expect(final.stepResults[1]?.durationMs).toBeLessThan(4100);
  });

  it('a turn to the wrong side does not pass a turn-left step', () => {
    const run = createChallengeRun(plan([{ kind: 'turnLeft' }]), { now: NOW });
    const final = play(run, makeTrace({ durationMs: 12_000, overlays: [headExcursion('yawDeg', 2000, -LEFT * 30)] })).at(-1);
    expect(final?.final?.reason).toBe('TIMEOUT');
  });

  it('applies the guards: a second face fails the run with MULTIPLE_FACES', () => {
    const run = createChallengeRun(plan([{ kind: 'blink' }]), { now: NOW });
    const states = play(run, makeTrace({ durationMs: 6000, overlays: [during(1000, 6000, { faceCount: 2 })] }));
    const final = states.at(-1) as ChallengeRunState;
    expect(final.final).toEqual({ passed: false, reason: 'MULTIPLE_FACES' });
    expect(final.stepResults).toEqual([expect.objectContaining({ kind: 'blink', passed: false, reason: 'MULTIPLE_FACES' })]);
    expect(states.some((s) => s.hints.some((h) => h.code === 'ONE_FACE_ONLY'))).toBe(true);
  });

  it('shows guard hints while running and clears them when the condition ends', () => {
    const run = createChallengeRun(plan([{ kind: 'blink' }]), { now: NOW });
    const states = play(run, makeTrace({ durationMs: 4000, overlays: [during(500, 2000, { brightness: 20 })] }));
    expect(states.find((s) => s.hints.length > 0)?.hints[0]?.text['zh-CN']).toBe('光线太暗，请到亮一点的地方');
    expect(states.at(-1)?.hints).toEqual([]);
  });

  it('enforces the overall run timeout', () => {
    const steps: ChallengeStep[] = Array.from({ length: 12 }, () => ({ kind: 'blink', timeoutMs: 60_000 }));
    const run = createChallengeRun(plan(steps), { now: NOW, profileOverrides: { timeouts: { runTimeoutMs: 20_000 } } });
    const blinks: TraceOverlay[] = Array.from({ length: 12 }, (_, i) => blinkAt(2000 + i * 2500, 0.5));
    const final = play(run, makeTrace({ durationMs: 32_000, overlays: blinks })).at(-1);
    expect(final?.final?.reason).toBe('TIMEOUT');
    expect(final?.stepResults.filter((r) => r.passed).length).toBeGreaterThan(3);
  });

  it('ignores samples older than the previous one', () => {
    const run = createChallengeRun(plan([{ kind: 'blink' }]), { now: NOW });
    const [a, b] = makeTrace({ durationMs: 100, overlays: [] });
    run.push(b as MetricSample);
    const before = run.state;
    expect(run.push(a as MetricSample)).toBe(before);
  });

  it('abort() fails the run with ABORTED', () => {
    const run = createChallengeRun(plan([{ kind: 'blink' }]), { now: NOW });
    play(run, makeTrace({ durationMs: 500, overlays: [] }));
    expect(run.abort().final).toEqual({ passed: false, reason: 'ABORTED' });
  });

  describe('read digits step', () => {
    const digits = [3, 8, 1, 6];
    const onsets = [1000, 3200, 5000, 7600];
    const profile = STRICTNESS_PROFILES.standard.readDigits;

    /** Runs the step with speech `latencyMs` after each reveal (on the sample clock) and the mouth moving with it. */
    function readDigitsRun(speech: readonly VoicedSegment[], mouthMoves: boolean) {
      const run = createChallengeRun(plan([{ kind: 'readDigits', digits, digitOnsetsMs: onsets }]), { now: NOW });
      const start = 20_000;
      const mouth = speech.map((s) => mouthOpenAt(s.startMs - start, s.endMs - s.startMs, 0.2));
      const samples = makeTrace({ durationMs: 13_000, startMs: start, overlays: mouthMoves ? mouth : [] });
      const revealedCounts = new Set<number>();
      let state = run.state;
      for (const sample of samples) {
        // Segments arrive from the audio side once they have ended.
        run.pushVoicedSegments(speech.filter((s) => s.endMs + 50 > sample.timestampMs - 40 && s.endMs + 50 <= sample.timestampMs));
        state = run.push(sample);
        revealedCounts.add(state.revealedDigits.length);
      }
      return { state, revealedCounts, start };
    }

    it('passes with one utterance per digit in its window, mouth moving', () => {
      const speech = onsets.map((o) => ({ startMs: 20_000 + o + 700, endMs: 20_000 + o + 1000 }));
      const { state, revealedCounts } = readDigitsRun(speech, true);
      expect(state.final).toEqual({ passed: true });
      expect(state.readDigitsDecision?.passed).toBe(true);
      expect(state.readDigitsDecision?.digits.map((d) => d.latencyMs)).toEqual([700, 700, 700, 700]);
      expect([...revealedCounts].sort()).toEqual([0, 1, 2, 3, 4]);
      // Decided only after the last window and the decision delay.
      expect(state.stepResults[0]?.durationMs).toBeGreaterThanOrEqual(7600 + profile.responseWindowEndMs + profile.decisionDelayMs);
    });

    it('fails with DIGITS_NOT_READ when the speech follows another schedule', () => {
      const speech = [900, 2400, 5600, 6900].map((o) => ({ startMs: 20_000 + o + 700, endMs: 20_000 + o + 1000 }));
      const { state } = readDigitsRun(speech, true);
      expect(state.final).toEqual({ passed: false, reason: 'DIGITS_NOT_READ' });
      expect(state.readDigitsDecision?.passed).toBe(false);
    });

    it('fails with DIGITS_NOT_READ when the mouth does not move', () => {
      const speech = onsets.map((o) => ({ startMs: 20_000 + o + 700, endMs: 20_000 + o + 1000 }));
      const { state } = readDigitsRun(speech, false);
      expect(state.final?.reason).toBe('DIGITS_NOT_READ');
      expect(state.readDigitsDecision?.failure).toBe('MOUTH_NOT_MOVING');
    });

    it('fails in silence', () => {
      const { state } = readDigitsRun([], true);
      expect(state.readDigitsDecision?.failure).toBe('DIGIT_NOT_SPOKEN');
    });
  });
});
