import { describe, expect, it } from 'vitest';
import { createChallengeRun } from '../src/challenges/challenge-run.js';
import type { MetricSample } from '../src/challenges/metric-sample.js';
import { PLAIN_MESH_BLINK_OVERRIDES } from '../src/challenges/strictness-profiles.js';
import type { WorkerFrameMetrics } from '../src/engine/frame-metrics.js';
import type { ChallengePlan, ChallengeStep } from '../src/protocol/challenge-plan.js';
import { DEFAULT_CERTIFICATION_CONFIG } from '../src/session/certification-config.js';
import { ChallengeSession } from '../src/session/challenge-session.js';
import type { ChallengeSessionOptions, ChallengeSummary } from '../src/session/challenge-session-messages.js';
import { loadRecordedTracesByClip, looped } from './traces/recorded-traces.js';

// The worker half of a certification run, in Node on recorded engine traces (traces/README.md):
// the same decisions as the challenge run it wraps, plus what the wrapping adds — the trace,
// voiced segments that arrive with frames the trace leaves out, face-match checks through the
// worker's embedder, and the summary the main thread builds the evidence from.

const NOW = Date.parse('2026-11-29T10:00:00Z');
const IRIS = { eyeRefinement: 'iris' } as const;
const annotated = loadRecordedTracesByClip('blink-traces.iris.json.gz');

const planOf = (steps: readonly ChallengeStep[], overrides: Partial<ChallengePlan> = {}): ChallengePlan => ({
  version: 1,
  nonce: 'challenge-session',
  issuedAt: new Date(NOW).toISOString(),
  expiresAt: new Date(NOW + 120_000).toISOString(),
  strictness: 'standard',
  steps,
  ...overrides,
});

const optionsOf = (plan: ChallengePlan, overrides: Partial<ChallengeSessionOptions> = {}): ChallengeSessionOptions => ({
  plan,
  nowMs: NOW,
  faceReference: null,
  config: DEFAULT_CERTIFICATION_CONFIG,
  ...overrides,
});

/**
 * What the worker measures, rebuilt from a recorded sample. Brightness was not recorded (NaN, as
 * unmeasured: the light guard idles); neither was sharpness, which best-frame candidates need, so
 * every frame gets the same value and frontality alone ranks them.
 */
function metricsOf(sample: MetricSample): WorkerFrameMetrics {
  const box = sample.faceBox;
  return {
    faceCount: sample.faceCount,
    primaryFace: box
      ? {
          box,
          centerOffset: { x: box.x + box.width / 2 - 0.5, y: box.y + box.height / 2 - 0.5 },
          widthRatio: box.width,
          areaRatio: box.width * box.height,
          eyeAspectRatio: { left: sample.eyeAspectRatioLeft ?? Number.NaN, right: sample.eyeAspectRatioRight ?? Number.NaN },
          mouthAspectRatio: sample.mouthAspectRatio ?? Number.NaN,
          headPose: { yawDeg: sample.yawDeg ?? Number.NaN, pitchDeg: sample.pitchDeg ?? Number.NaN, rollDeg: sample.rollDeg ?? Number.NaN },
          brightness: Number.NaN,
          sharpness: RECORDED_SHARPNESS_STAND_IN,
        }
      : null,
    otherFaces: [],
    frameWidthPx: 640,
    frameHeightPx: 480,
    inferenceMs: 30,
  };
}

const RECORDED_SHARPNESS_STAND_IN = 100;

const noEmbedding = async (): Promise<Float32Array | null> => {
  throw new Error('a liveness-only session must not embed');
};

async function playAll(session: ChallengeSession, samples: readonly MetricSample[], embed = noEmbedding): Promise<ChallengeSummary> {
  for (const sample of samples) {
    const { progress } = await session.push(metricsOf(sample), sample.timestampMs, [], embed);
    if (progress.final) break;
  }
  return session.finish();
}

const unit = (values: readonly number[]): Float32Array => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values, (v) => v / norm);
};

describe('ChallengeSession (the worker half of runCertification)', () => {
  it.each(['grid/grid_lbax4n.mp4', 'grid/grid_pwij3p.mp4', 'grid/grid_swwp2s.mp4'])('%s: the same verdict and step times as the challenge run it wraps, and a trace of every frame', async (clip) => {
    const samples = annotated.get(clip) ?? [];
    expect(samples.length).toBeGreaterThan(50);
    const plan = planOf([{ kind: 'blink' }]);
    const direct = createChallengeRun(plan, { now: NOW });
    let directState = direct.state;
    for (const sample of samples) if (!directState.final) directState = direct.push(sample);

    const session = new ChallengeSession(optionsOf(plan), IRIS);
    const seenKinds: (string | null)[] = [];
    let summary: ChallengeSummary | undefined;
    for (const sample of samples) {
      const { progress, sample: judged } = await session.push(metricsOf(sample), sample.timestampMs, [], noEmbedding);
      expect(judged?.timestampMs).toBe(sample.timestampMs);
      if (seenKinds.at(-1) !== progress.stepKind) seenKinds.push(progress.stepKind);
      if (progress.final) {
        summary = session.finish();
        break;
      }
    }
    expect(directState.final).toEqual({ passed: true });
    expect(summary?.final).toEqual({ passed: true });
    expect(summary?.stepResults).toEqual(directState.stepResults);
    expect(seenKinds).toEqual(['blink', null]);
    const [step] = summary?.steps ?? [];
    const [result] = directState.stepResults;
    expect(step?.startedAt).toBe(0);
    expect(step?.durationMs).toBeCloseTo(result?.durationMs ?? Number.NaN, 1);
    // One trace frame per frame played, up to the one that passed; the blink's peak lies inside the step.
    expect(summary?.frames.length).toBe(samples.findIndex((s) => s.timestampMs === (result?.startedAt ?? 0) + (result?.durationMs ?? 0)) + 1);
    expect(summary?.originMs).toBe(samples[0]?.timestampMs);
    const peak = summary?.traceSteps[0]?.eventsMs[0] ?? Number.NaN;
    expect(peak).toBeGreaterThanOrEqual(0);
    expect(peak).toBeLessThanOrEqual(step?.durationMs ?? 0);
    expect(summary?.planarity.verdict).toMatch(/^(insufficient_motion|planar|non_planar)$/);
    expect(summary?.faceMatch).toBeUndefined();
  });

  it('refuses an expired or malformed plan before any frame, as the challenge run does', () => {
    expect(new ChallengeSession(optionsOf(planOf([{ kind: 'blink' }], { expiresAt: new Date(NOW).toISOString() })), IRIS).refusal).toBe('PLAN_EXPIRED');
    expect(new ChallengeSession(optionsOf(planOf([])), IRIS).refusal).toBe('INVALID_PLAN');
    expect(new ChallengeSession(optionsOf(planOf([{ kind: 'readDigits', digits: [1, 2], digitOnsetsMs: [0] }])), IRIS).refusal).toBe('INVALID_PLAN');
    expect(new ChallengeSession(optionsOf(planOf([{ kind: 'blink' }])), IRIS).refusal).toBeNull();
  });

  it('a run stopped before its end is recorded as ABORTED, with the unfinished step', async () => {
    const samples = (annotated.get('grid/grid_lbbc2a.mp4') ?? []).slice(0, 20);
    const session = new ChallengeSession(optionsOf(planOf([{ kind: 'blink' }])), IRIS);
    const summary = await playAll(session, samples);
    expect(summary.final).toEqual({ passed: false, reason: 'ABORTED' });
    expect(summary.steps).toHaveLength(1);
    expect(summary.steps[0]?.passed).toBe(false);
    expect(summary.frames).toHaveLength(20);
  });

  it('keeps voiced segments that came with a frame the trace leaves out, and those that arrive after the last frame', async () => {
    // Looped as the fake camera loops it: the step is decided 4 s after the digit shows.
    const samples = looped(annotated.get('grid/grid_lbbc2a.mp4') ?? [], 6_000);
    const plan = planOf([{ kind: 'readDigits', digits: [4], digitOnsetsMs: [0] }]);
    const t0 = samples[0]?.timestampMs ?? 0;
    /** Plays the clip; frame 10 comes twice, and the repeat (left out of the trace) carries `segments`. */
    const play = async (segments: readonly { startMs: number; endMs: number }[]) => {
      const session = new ChallengeSession(optionsOf(plan), IRIS);
      let recorded = 0;
      for (const [index, sample] of samples.entries()) {
        const first = await session.push(metricsOf(sample), sample.timestampMs, [], noEmbedding);
        if (first.sample) recorded += 1;
        let { progress } = first;
        if (index === 10) {
          const repeat = await session.push(metricsOf(sample), sample.timestampMs, segments, noEmbedding);
          expect(repeat.sample).toBeNull();
          progress = repeat.progress;
        }
        if (progress.final) return { session, final: progress.final, recorded };
      }
      throw new Error('the read-digits step was never decided');
    };

    // The speaker talks through the response window: the segment, with the mouth moving, reads as the digit.
    const heard = await play([{ startMs: t0 + 500, endMs: t0 + 900 }]);
    expect(heard.final).toEqual({ passed: true });
    const summary = heard.session.finish([{ startMs: t0 + 1_000, endMs: t0 + 1_300 }]);
    expect(summary.frames).toHaveLength(heard.recorded);
    expect(summary.traceSteps[0]?.kind).toBe('readDigits');
    expect(summary.traceSteps[0]?.voicedSegments).toEqual([
      [500, 900],
      [1_000, 1_300],
    ]);

    // Control: the same frames without the segment fail the step.
    const silent = await play([]);
    expect(silent.final).toEqual({ passed: false, reason: 'DIGITS_NOT_READ' });
  });

  it('the plain-mesh fallback runs with the plain-mesh blink thresholds', async () => {
    const samples = annotated.get('grid/grid_lbax4n.mp4') ?? [];
    const plan = planOf([{ kind: 'blink' }]);
    const direct = createChallengeRun(plan, { now: NOW, profileOverrides: { blink: PLAIN_MESH_BLINK_OVERRIDES } });
    let directState = direct.state;
    for (const sample of samples) if (!directState.final) directState = direct.push(sample);
    const summary = await playAll(new ChallengeSession(optionsOf(plan), { eyeRefinement: 'none' }), samples);
    expect(summary.stepResults).toEqual(directState.stepResults);
    expect(summary.final).toEqual(directState.final ?? { passed: false, reason: 'ABORTED' });
  });

  describe('face match', () => {
    const samples = annotated.get('grid/grid_lbax4n.mp4') ?? [];
    const plan = planOf([{ kind: 'faceMatch' }, { kind: 'blink' }]);
    const reference = { source: 'client-image' as const, model: 'faceres', embedding: unit([1, 0, 0, 0]) };

    it('embeds only best-frame candidates, at most the configured number per step, and records the lowest score of each step', async () => {
      let embedCount = 0;
      const session = new ChallengeSession(optionsOf(plan, { faceReference: reference }), IRIS);
      expect(session.needsEmbeddings).toBe(true);
      const summary = await playAll(session, samples, async () => {
        embedCount += 1;
        return unit([0.9, 0.1 * embedCount, 0, 0]);
      });
      expect(summary.final).toEqual({ passed: true });
      expect(embedCount).toBeGreaterThanOrEqual(2);
      expect(embedCount).toBeLessThanOrEqual(2 * DEFAULT_CERTIFICATION_CONFIG.faceMatchMaxChecksPerStep);
      expect(summary.faceMatch?.mode).toBe('reference');
      expect(summary.faceMatch?.decision).toBe('match');
      expect(summary.faceMatch?.threshold).toBe(0.7);
      expect(summary.faceMatch?.scores.map((s) => s.stepIndex)).toEqual([0, 1]);
    });

    it('another face fails the run with FACE_MISMATCH on the first checked frame', async () => {
      const session = new ChallengeSession(optionsOf(plan, { faceReference: reference }), IRIS);
      const summary = await playAll(session, samples, async () => unit([0.3, 0.95, 0, 0]));
      expect(summary.final).toEqual({ passed: false, reason: 'FACE_MISMATCH' });
      expect(summary.frames).toHaveLength(1);
      expect(summary.faceMatch?.decision).toBe('mismatch');
    });

    it('a faceMatch step whose frames could never be embedded fails at the end', async () => {
      const summary = await playAll(new ChallengeSession(optionsOf(plan, { faceReference: reference }), IRIS), samples, async () => null);
      expect(summary.final).toEqual({ passed: false, reason: 'FACE_MISMATCH' });
      expect(summary.steps[0]).toMatchObject({ kind: 'faceMatch', passed: false });
    });

    it('without a reference it is liveness only: nothing is embedded and the record says so', async () => {
      const session = new ChallengeSession(optionsOf(plan), IRIS);
      expect(session.needsEmbeddings).toBe(false);
      const summary = await playAll(session, samples);
      expect(summary.final).toEqual({ passed: true });
      expect(summary.faceMatch).toEqual({ mode: 'none', scores: [], decision: 'not_checked' });
    });

    it('face-match thresholds come from the options', async () => {
      const session = new ChallengeSession(optionsOf(plan, { faceReference: reference, faceMatchThresholds: { standard: 0.95 } }), IRIS);
      const summary = await playAll(session, samples, async () => unit([0.9, 0.3, 0, 0]));
      expect(summary.final).toEqual({ passed: false, reason: 'FACE_MISMATCH' });
      expect(summary.faceMatch?.threshold).toBe(0.95);
    });
  });
});
