import { decideReadDigits, type ReadDigitsDecision } from '../audio/decide-read-digits.js';
import type { MouthSample } from '../audio/mouth-sample.js';
import type { VoicedSegment } from '../audio/voiced-segment.js';
import type { ChallengePlan, ChallengeStep, ChallengeStepKind } from '../protocol/challenge-plan.js';
import type { ActionDetector } from './action-detector.js';
import type { ChallengeFailureReason } from './challenge-failure-reason.js';
import { planRefusal } from './plan-refusal.js';
import { createActionDetector, type MotionStepKind } from './create-action-detector.js';
import type { GuardHint } from './guard-hint.js';
import type { MetricSample } from './metric-sample.js';
import { RunGuards } from './run-guards.js';
import { resolveStrictnessProfile, type StrictnessProfile, type StrictnessProfileOverrides } from './strictness-profiles.js';

/** Options of {@link createChallengeRun}. */
export interface ChallengeRunOptions {
  /** Wall-clock time now, in ms since the Unix epoch: a plan past `expiresAt` is refused. */
  readonly now: number;
  /** Adjustments to the plan's strictness profile (for tests and field tuning). */
  readonly profileOverrides?: StrictnessProfileOverrides;
}

/** The outcome of one step. Times on the samples' clock. */
export interface StepResult {
  /** The step's action. */
  readonly kind: ChallengeStepKind;
  /** Whether the action was recognised (or, for read digits, the decision passed). */
  readonly passed: boolean;
  /** When the step started, in ms. */
  readonly startedAt: number;
  /** How long it ran until passed or failed, in ms. */
  readonly durationMs: number;
  /** Why it failed; absent when passed. */
  readonly reason?: ChallengeFailureReason;
}

/** The verdict of a finished run. */
export interface ChallengeRunFinal {
  /** Whether every step passed and no guard failed. */
  readonly passed: boolean;
  /** Why it failed; absent when passed. */
  readonly reason?: ChallengeFailureReason;
}

/** Where a run stands; a new object after every call. */
export interface ChallengeRunState {
  /** `waiting` until the first sample, then `running` until `passed` or `failed`. */
  readonly status: 'waiting' | 'running' | 'passed' | 'failed';
  /** Index of the current step (equals the step count once all passed). */
  readonly stepIndex: number;
  /** The step the person should do now; `null` when finished. */
  readonly currentStep: ChallengeStep | null;
  /** When the current step started, in ms on the samples' clock; `null` before the first sample. */
  readonly stepStartedAtMs: number | null;
  /** For a `readDigits` step: the digits whose reveal time has come, in order (the UI shows the last). */
  readonly revealedDigits: readonly number[];
  /** Guard hints to show now, most important first. */
  readonly hints: readonly GuardHint[];
  /** One result per finished step, in order. */
  readonly stepResults: readonly StepResult[];
  /** Set once the run is over. */
  readonly final: ChallengeRunFinal | null;
  /** The read-digits decision of the last `readDigits` step, for the evidence bundle. */
  readonly readDigitsDecision: ReadDigitsDecision | null;
}

/** A running challenge: feed it samples (and, for read-digits steps, voiced segments) in time order. */
export interface ChallengeRun {
  /** The plan being run. */
  readonly plan: ChallengePlan;
  /** The thresholds in force. */
  readonly profile: StrictnessProfile;
  /** The current state (the same object the last call returned). */
  readonly state: ChallengeRunState;
  /**
   * Consumes one metric sample. Samples older than the previous one are ignored. After the run is
   * over, returns the final state unchanged.
   */
  push(sample: MetricSample): ChallengeRunState;
  /**
   * Adds voiced segments from the {@link VoiceActivityDetector}, on the samples' clock. They are
   * judged when the read-digits step's last response window (plus the decision delay) has passed.
   */
  pushVoicedSegments(segments: readonly VoicedSegment[]): void;
  /** Stops the run: fails it with `ABORTED` unless already over. */
  abort(): ChallengeRunState;
  /**
   * Fails the run now with `reason`, for a check made outside the metric stream (the face match
   * of a `faceMatch` plan). Returns the final state unchanged when the run is already over.
   */
  failWith(reason: ChallengeFailureReason): ChallengeRunState;
}

/**
 * Starts a challenge run over `plan`: a pure state machine. It refuses an expired or malformed plan
 * before starting (`PLAN_EXPIRED`, `INVALID_PLAN`), runs the steps in order with the detectors of
 * the plan's strictness profile (kept warm across steps, so baselines are ready; an action counts
 * only if it began after its step started), enforces step and run timeouts, applies the continuous
 * guards to every sample, and decides read-digits steps from voiced segments, the reveal schedule
 * and the mouth trace. A read-digits step lasts until its last response window has closed plus
 * `decisionDelayMs` (its schedule sets its length, so the step timeout does not apply to it).
 * A wrong action (turning right when asked to turn left) does not fail a step; it just does not
 * pass it.
 */
export function createChallengeRun(plan: ChallengePlan, options: ChallengeRunOptions): ChallengeRun {
  const profile = resolveStrictnessProfile(plan.strictness, options.profileOverrides);
  const guards = new RunGuards(profile.guards);
  const detectors = new Map<MotionStepKind, ActionDetector>();
  for (const step of plan.steps) {
    if (step.kind !== 'readDigits' && !detectors.has(step.kind)) detectors.set(step.kind, createActionDetector(step.kind, profile));
  }
  const segments: VoicedSegment[] = [];
  let mouthSamples: MouthSample[] = [];
  let runStartMs: number | null = null;
  let lastSampleMs = Number.NEGATIVE_INFINITY;

  let state: ChallengeRunState = {
    status: 'waiting',
    stepIndex: 0,
    currentStep: plan.steps[0] ?? null,
    stepStartedAtMs: null,
    revealedDigits: [],
    hints: [],
    stepResults: [],
    final: null,
    readDigitsDecision: null,
  };

  const refusal = planRefusal(plan, options.now);
  if (refusal) state = { ...state, status: 'failed', currentStep: null, final: { passed: false, reason: refusal } };

  const fail = (t: number, reason: ChallengeFailureReason, extra: Partial<ChallengeRunState> = {}): ChallengeRunState => {
    const step = state.currentStep;
    const stepResults = step
      ? [...state.stepResults, { kind: step.kind, passed: false, startedAt: state.stepStartedAtMs ?? t, durationMs: t - (state.stepStartedAtMs ?? t), reason }]
      : state.stepResults;
    state = { ...state, ...extra, status: 'failed', currentStep: null, hints: [], stepResults, revealedDigits: [], final: { passed: false, reason } };
    return state;
  };

  const passStep = (t: number, extra: Partial<ChallengeRunState> = {}): void => {
    const step = state.currentStep as ChallengeStep;
    const stepResults = [...state.stepResults, { kind: step.kind, passed: true, startedAt: state.stepStartedAtMs ?? t, durationMs: t - (state.stepStartedAtMs ?? t) }];
    const stepIndex = state.stepIndex + 1;
    const next = plan.steps[stepIndex] ?? null;
    mouthSamples = [];
    state = next
      ? { ...state, ...extra, stepIndex, currentStep: next, stepStartedAtMs: t, revealedDigits: [], stepResults }
      : { ...state, ...extra, stepIndex, currentStep: null, status: 'passed', revealedDigits: [], hints: [], stepResults, final: { passed: true } };
  };

  const push = (sample: MetricSample): ChallengeRunState => {
    if (state.final) return state;
    const t = sample.timestampMs;
    if (!(t >= lastSampleMs)) return state; // Out of order or NaN: a stale frame, not evidence.
    lastSampleMs = t;
    if (runStartMs === null) {
      runStartMs = t;
      state = { ...state, status: 'running', stepStartedAtMs: t };
    }

    const verdict = guards.push(sample);
    if (verdict.failure) return fail(t, verdict.failure);
    if (t - runStartMs > profile.timeouts.runTimeoutMs) return fail(t, 'TIMEOUT');

    const detections = new Map<ChallengeStepKind, number>();
    for (const [kind, detector] of detectors) {
      const detected = detector.push(sample);
      if (detected) detections.set(kind, detected.startMs);
    }

    const step = state.currentStep as ChallengeStep;
    const stepStart = state.stepStartedAtMs ?? t;
    state = { ...state, hints: verdict.hints };

    if (step.kind === 'readDigits') {
      mouthSamples.push({ timestampMs: t, mouthAspectRatio: sample.mouthAspectRatio });
      const onsets = step.digitOnsetsMs ?? [];
      const digits = step.digits ?? [];
      const revealed = digits.filter((_, i) => stepStart + (onsets[i] ?? Number.POSITIVE_INFINITY) <= t);
      if (revealed.length !== state.revealedDigits.length) state = { ...state, revealedDigits: revealed };
      const decideAt = stepStart + Math.max(...onsets) + profile.readDigits.responseWindowEndMs + profile.readDigits.decisionDelayMs;
      if (t < decideAt) return state;
      const decision = decideReadDigits({
        revealTimesMs: onsets.map((onset) => stepStart + onset),
        segments: segments.filter((s) => s.startMs >= stepStart),
        mouthSamples,
        profile: profile.readDigits,
      });
      if (!decision.passed) return fail(t, 'DIGITS_NOT_READ', { readDigitsDecision: decision });
      passStep(t, { readDigitsDecision: decision });
      return state;
    }

    const detectedStartMs = detections.get(step.kind);
    if (detectedStartMs !== undefined && detectedStartMs >= stepStart) {
      passStep(t);
      return state;
    }
    if (t - stepStart > (step.timeoutMs ?? profile.timeouts.stepTimeoutMs)) return fail(t, 'TIMEOUT');
    return state;
  };

  return {
    plan,
    profile,
    get state() {
      return state;
    },
    push,
    pushVoicedSegments(newSegments) {
      segments.push(...newSegments);
    },
    abort() {
      return state.final ? state : fail(lastSampleMs === Number.NEGATIVE_INFINITY ? 0 : lastSampleMs, 'ABORTED');
    },
    failWith(reason) {
      return state.final ? state : fail(lastSampleMs === Number.NEGATIVE_INFINITY ? 0 : lastSampleMs, reason);
    },
  };
}
