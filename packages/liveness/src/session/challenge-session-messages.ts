import type { ChallengeRunFinal, StepResult } from '../challenges/challenge-run.js';
import type { GuardHint } from '../challenges/guard-hint.js';
import type { MetricSample } from '../challenges/metric-sample.js';
import type { StrictnessProfileOverrides } from '../challenges/strictness-profiles.js';
import type { EnrolledFaceReference } from '../engine/face-reference.js';
import type { FaceMatchThresholds } from '../face-match/face-match-thresholds.js';
import type { PlanarityConfig } from '../presentation/planarity-config.js';
import type { ChallengePlan, ChallengeStepKind } from '../protocol/challenge-plan.js';
import type { FaceMatchRecord, MetricFrame, PlanarityEvidence, StepOutcome, StepTrace } from '../protocol/evidence-bundle.js';
import type { CertificationConfig } from './certification-config.js';

// The plain data a challenge session exchanges across the worker boundary: the challenge run, its
// detectors, guards, trace and planarity live in the worker, the camera, microphone and evidence
// assembly on the main thread.

/** What opens a session in the worker. */
export interface ChallengeSessionOptions {
  /** A validated plan (`validateChallengePlan`). */
  readonly plan: ChallengePlan;
  /** Wall-clock time on the main thread (ms since the Unix epoch), for the plan's expiry. */
  readonly nowMs: number;
  /** Threshold adjustments of the plan's strictness profile; the worker adds the plain-mesh blink ones itself. */
  readonly profileOverrides?: StrictnessProfileOverrides;
  /** Overrides of `DEFAULT_PLANARITY_CONFIG`. */
  readonly planarity?: Partial<PlanarityConfig>;
  /** The enrolled reference, for plans with a `faceMatch` step; `null` for liveness only. */
  readonly faceReference: EnrolledFaceReference | null;
  /** Overrides of `DEFAULT_FACE_MATCH_THRESHOLDS`. */
  readonly faceMatchThresholds?: Partial<FaceMatchThresholds>;
  /** The resolved certification config (face-match check spacing). */
  readonly config: CertificationConfig;
}

/** Where the run stands after one frame: what the UI shows. */
export interface ChallengeProgress {
  /** Index of the current step (the step count once all passed). */
  readonly stepIndex: number;
  /** The current step's action; `null` once the run is over. */
  readonly stepKind: ChallengeStepKind | null;
  /** For a `readDigits` step: the digits revealed so far. */
  readonly revealedDigits: readonly number[];
  /** Guard hints to show now, most important first. */
  readonly hints: readonly GuardHint[];
  /** Set once the run is over. */
  readonly final: ChallengeRunFinal | null;
}

/** What the worker returns for one frame of a session. */
export interface ChallengeFrameResult {
  /** The frame's metrics as the challenges read them; `null` when the frame was left out (its time did not move forward). */
  readonly sample: MetricSample | null;
  readonly progress: ChallengeProgress;
}

/** The session's record for the evidence bundle, once the run is over. Times in ms since the first frame unless noted. */
export interface ChallengeSummary {
  readonly final: ChallengeRunFinal;
  /** The run's step results, on the samples' (main thread's) clock. */
  readonly stepResults: readonly StepResult[];
  /** The first frame's time on the samples' clock; `null` when no frame was recorded. */
  readonly originMs: number | null;
  readonly frames: readonly MetricFrame[];
  readonly steps: readonly StepOutcome[];
  readonly traceSteps: readonly StepTrace[];
  readonly planarity: PlanarityEvidence;
  /** Present for plans with a `faceMatch` step. */
  readonly faceMatch?: FaceMatchRecord;
}
