import type { VoicedSegment } from '../audio/voiced-segment.js';
import type { ChallengeFailureReason } from '../challenges/challenge-failure-reason.js';
import { createChallengeRun, type ChallengeRun, type ChallengeRunState, type StepResult } from '../challenges/challenge-run.js';
import type { EngineCapabilities } from '../engine/engine-capabilities.js';
import type { WorkerFrameMetrics } from '../engine/frame-metrics.js';
import { resolveFaceMatchThresholds } from '../face-match/face-match-thresholds.js';
import { PlanarityTracker } from '../presentation/planarity-tracker.js';
import { requiresFaceMatch, type ChallengePlan } from '../protocol/challenge-plan.js';
import type { StepOutcome, StepTrace } from '../protocol/evidence-bundle.js';
import { DEFAULT_PROTOCOL_LIMITS } from '../protocol/protocol-limits.js';
import { findActionPeak } from './action-peak.js';
import type { ChallengeFrameResult, ChallengeProgress, ChallengeSessionOptions, ChallengeSummary } from './challenge-session-messages.js';
import { profileOverridesForEngine } from './eye-refinement-overrides.js';
import { FaceMatchTracker } from './face-match-tracker.js';
import { MetricTraceRecorder } from './metric-trace-recorder.js';
import { toMetricSample } from './to-metric-sample.js';

/** Embeds the face of the frame just analysed; `null` when it had not exactly one face. */
export type EmbedAnalysedFace = () => Promise<Float32Array | null>;

/**
 * One certification run's decisions, where the frames are measured (the worker): the challenge
 * run with its detectors and guards, the metric trace, the planarity signal and the face-match
 * checks. The main thread sends each frame's capture time and new voiced segments with the frame
 * and gets back the progress to show; at the end it asks for the {@link ChallengeSummary} the
 * evidence bundle is built from. Times are on the main thread's clock throughout (the camera's
 * capture times), so the worker's own clock never enters the evidence.
 */
export class ChallengeSession {
  readonly #plan: ChallengePlan;
  readonly #run: ChallengeRun;
  readonly #recorder = new MetricTraceRecorder();
  readonly #planarity: PlanarityTracker;
  readonly #faceMatch: FaceMatchTracker | null;
  readonly #segments: VoicedSegment[] = [];
  #state: ChallengeRunState;

  /** @param capabilities The engine's: a plain-mesh fallback gets the plain-mesh blink thresholds. */
  constructor(options: ChallengeSessionOptions, capabilities: Pick<EngineCapabilities, 'eyeRefinement'>) {
    this.#plan = options.plan;
    const profileOverrides = profileOverridesForEngine(capabilities, options.profileOverrides);
    this.#run = createChallengeRun(options.plan, { now: options.nowMs, ...(profileOverrides ? { profileOverrides } : {}) });
    this.#state = this.#run.state;
    this.refusal = this.#state.final?.reason ?? null;
    this.#planarity = new PlanarityTracker(options.planarity);
    this.#faceMatch = requiresFaceMatch(options.plan)
      ? new FaceMatchTracker(options.faceReference, resolveFaceMatchThresholds(options.faceMatchThresholds)[options.plan.strictness], options.config)
      : null;
  }

  /** Why the plan was refused before the first frame (`PLAN_EXPIRED`, `INVALID_PLAN`); `null` when it runs. */
  readonly refusal: ChallengeFailureReason | null;

  /** Whether frames of this session must be embedded: a `faceMatch` plan with a reference. */
  get needsEmbeddings(): boolean {
    return this.#faceMatch?.hasReference ?? false;
  }

  /**
   * Consumes one analysed frame captured at `cameraTimestampMs` (main-thread clock), with the
   * voiced segments heard since the previous one. `embed` is called for face-match candidates only.
   */
  async push(metrics: WorkerFrameMetrics, cameraTimestampMs: number, segments: readonly VoicedSegment[], embed: EmbedAnalysedFace): Promise<ChallengeFrameResult> {
    this.#segments.push(...segments);
    this.#run.pushVoicedSegments(segments);
    if (this.#state.final) return { sample: null, progress: this.#progress() };
    const sample = toMetricSample({ ...metrics, cameraTimestampMs });
    if (!this.#recorder.add(sample)) return { sample: null, progress: this.#progress() };
    this.#planarity.add(sample.timestampMs, metrics.faceCount === 1 ? (metrics.primaryFace?.stableLandmarks ?? null) : null);
    // Checked before the sample moves the run on: the frame belongs to the step it was shown in,
    // and a mismatch on a run's last frame must still fail it.
    const faceMatch = this.#faceMatch;
    if (faceMatch?.shouldCheck(this.#state.stepIndex, sample)) {
      const embedding = await embed();
      if (embedding && faceMatch.check(this.#state.stepIndex, sample, embedding)) this.#run.failWith('FACE_MISMATCH');
    }
    this.#state = this.#run.push(sample);
    return { sample, progress: this.#progress() };
  }

  /**
   * The run's record for the evidence, once it is over. `lateSegments` arrived after the last frame
   * and still belong in the read-digits trace. A passed run whose `faceMatch` step compared no frame
   * fails here with `FACE_MISMATCH`. A run that is not over is aborted (`ABORTED`).
   */
  finish(lateSegments: readonly VoicedSegment[] = []): ChallengeSummary {
    this.#segments.push(...lateSegments);
    let state = this.#state.final ? this.#state : this.#run.abort();
    if (this.#faceMatch?.hasReference && state.final?.passed) state = failUncheckedFaceMatchStep(state, this.#plan, this.#faceMatch);
    this.#state = state;
    const recorder = this.#recorder;
    const relative = (ms: number): number => recorder.relativeMs(ms);
    const steps: StepOutcome[] = state.stepResults.map((r) => ({
      kind: r.kind,
      passed: r.passed,
      startedAt: relative(r.startedAt),
      durationMs: Math.min(DEFAULT_PROTOCOL_LIMITS.maxStepTimeoutMs, Math.max(0, Math.round(r.durationMs * 10) / 10)),
    }));
    const faceMatch = this.#faceMatch?.record(relative);
    return {
      final: state.final ?? { passed: false, reason: 'ABORTED' },
      stepResults: state.stepResults,
      originMs: recorder.originMs,
      frames: recorder.frames,
      steps,
      traceSteps: state.stepResults.map((r) => this.#stepTrace(r)),
      planarity: this.#planarity.summary(),
      ...(faceMatch ? { faceMatch } : {}),
    };
  }

  #progress(): ChallengeProgress {
    const state = this.#state;
    return { stepIndex: state.stepIndex, stepKind: state.currentStep?.kind ?? null, revealedDigits: state.revealedDigits, hints: state.hints, final: state.final };
  }

  #stepTrace(result: StepResult): StepTrace {
    const recorder = this.#recorder;
    const endMs = result.startedAt + result.durationMs;
    if (result.kind === 'readDigits') {
      const segments = this.#segments
        .filter((s) => s.startMs >= result.startedAt && s.endMs <= endMs)
        .slice(0, DEFAULT_PROTOCOL_LIMITS.maxVoicedSegmentsPerStep)
        .map((s): [number, number] => [recorder.relativeMs(s.startMs), recorder.relativeMs(s.endMs)]);
      return { kind: result.kind, eventsMs: [], voicedSegments: segments };
    }
    const peakMs = result.passed ? findActionPeak(result.kind, recorder.samples, result.startedAt, endMs) : null;
    return { kind: result.kind, eventsMs: peakMs === null ? [] : [recorder.relativeMs(peakMs)] };
  }
}

/**
 * A passed run whose `faceMatch` step compared no frame (every embedding came back empty) has not
 * shown the enrolled person: it fails with `FACE_MISMATCH` on that step.
 */
function failUncheckedFaceMatchStep(state: ChallengeRunState, plan: ChallengePlan, faceMatch: FaceMatchTracker): ChallengeRunState {
  const stepIndex = plan.steps.findIndex((step) => step.kind === 'faceMatch');
  if (stepIndex < 0 || faceMatch.hasChecked(stepIndex)) return state;
  const stepResults = state.stepResults.map((result, index) =>
    index === stepIndex ? { ...result, passed: false, reason: 'FACE_MISMATCH' as const } : result,
  );
  return { ...state, status: 'failed', stepResults, final: { passed: false, reason: 'FACE_MISMATCH' } };
}
