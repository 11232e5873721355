import type { VoicedSegment as DetectorSegment } from '../audio/voiced-segment.js';
import { startVoiceCapture, type VoiceCapture } from '../audio-capture/start-voice-capture.js';
import { encodeWav } from '../audio-capture/wav-encoding.js';
import { createChallengeRun, type ChallengeRunState, type StepResult } from '../challenges/challenge-run.js';
import type { StrictnessProfileOverrides } from '../challenges/strictness-profiles.js';
import type { LivenessVideoSource } from '../capture/frame-source.js';
import type { LivenessEngine } from '../engine/liveness-engine.js';
import { HuotiError } from '../errors/huoti-error.js';
import { resolveFaceMatchThresholds, type FaceMatchThresholds } from '../face-match/face-match-thresholds.js';
import { requiresFaceMatch, type ChallengePlan } from '../protocol/challenge-plan.js';
import { digestEvidence } from '../protocol/digest-evidence.js';
import {
  EVIDENCE_FORMAT_VERSION,
  type AudioClip,
  type BestFrame,
  type EvidenceBundle,
  type PlanarityEvidence,
  type FaceMatchRecord,
  type StepOutcome,
  type StepTrace,
  type VoicedSegment,
} from '../protocol/evidence-bundle.js';
import { DEFAULT_PROTOCOL_LIMITS } from '../protocol/protocol-limits.js';
import type { PlanarityConfig } from '../presentation/planarity-config.js';
import { PlanarityTracker } from '../presentation/planarity-tracker.js';
import { VERSION } from '../version.js';
import { findActionPeak } from './action-peak.js';
import { BestFrameCollector } from './best-frame-collector.js';
import { bytesToBase64 } from './bytes-to-base64.js';
import { resolveCertificationConfig, type CertificationConfig } from './certification-config.js';
import type { CertificationEvent, CertificationOutcome } from './certification-event.js';
import { profileOverridesForEngine } from './eye-refinement-overrides.js';
import { FaceMatchTracker } from './face-match-tracker.js';
import { MetricTraceRecorder } from './metric-trace-recorder.js';
import { toMetricSample } from './to-metric-sample.js';

/** What goes into the evidence beyond the trace. Face and voice leave the device only with separate consent. */
export interface EvidenceOptions {
  /** Attach 1–3 frontal, sharp JPEG frames. Default false. */
  readonly includeBestFrames?: boolean;
  /** Attach the `readDigits` recording (16 kHz mono WAV). Default false. */
  readonly includeAudio?: boolean;
}

/** Options of {@link runCertification}. */
export interface CertificationOptions {
  /** A started engine; the caller disposes it. */
  readonly engine: LivenessEngine;
  /** The camera: a playing `<video>` or a live video track. */
  readonly video: LivenessVideoSource;
  /** A validated plan (`validateChallengePlan`), as received from the server; it goes back unchanged. */
  readonly plan: ChallengePlan;
  /** Microphone for `readDigits` steps; its tracks are the caller's and are never stopped here. */
  readonly microphone?: MediaStream | null;
  /** Ends the run early, quietly: no `complete` event follows. */
  readonly signal?: AbortSignal;
  /** Evidence contents; both default off. */
  readonly evidence?: EvidenceOptions;
  /** The audio worklet bundle; default `./audio-worklet.js` next to this module. */
  readonly audioWorkletUrl?: URL | string;
  /** For `readDigits`: an AudioContext made in the user's click (see `VoiceCaptureOptions.audioContext`); stays the caller's. */
  readonly audioContext?: AudioContext;
  /** Threshold adjustments of the plan's strictness profile (field tuning, tests). */
  readonly profileOverrides?: StrictnessProfileOverrides;
  /** Overrides of {@link DEFAULT_CERTIFICATION_CONFIG}. */
  readonly config?: Partial<CertificationConfig>;
  /** Overrides of the planarity signal's `DEFAULT_PLANARITY_CONFIG` (recorded in the evidence, never decisive). */
  readonly planarity?: Partial<PlanarityConfig>;
  /**
   * Face-match thresholds per strictness, overriding `DEFAULT_FACE_MATCH_THRESHOLDS` (which were
   * measured for the default embedding model: set these when the engine uses another one).
   */
  readonly faceMatchThresholds?: Partial<FaceMatchThresholds>;
}

const toSegment = (s: DetectorSegment): VoicedSegment => [s.startMs, s.endMs];

/**
 * Runs one certification: analyses `video` with `engine`, feeds the challenge run of `plan`
 * (steps in order, digits revealed on schedule, voiced segments from the microphone for
 * `readDigits`), reports step changes and hints, and ends with the verdict and the
 * `EvidenceBundle` the server verifies, its digest computed with `digestEvidence`.
 *
 * Step timeouts are the plan's own: the server checks them (`step_timeout`), so a client-side
 * extension would only turn local passes into server rejections.
 *
 * A plan with a `faceMatch` step requires a 1:1 face match. With a reference enrolled on the engine
 * (`engine.enrollReference`), best-frame candidates of every step are embedded in the worker and
 * compared with it; the first one below the plan strictness's threshold fails the run with
 * `FACE_MISMATCH`, as does a `faceMatch` step that ends without a compared frame. The scores go
 * into the evidence (`evidence.faceMatch`) only. Without a reference the run is liveness only and
 * the evidence says `mode: 'none'`.
 *
 * @throws {HuotiError} `INVALID_INPUT` when the plan is refused (expired or malformed);
 *   `ASSET_LOAD_FAILED` when the audio worklet cannot load; the engine's errors (`DISPOSED`,
 *   `WORKER_CRASHED`, …).
 */
export async function* runCertification(options: CertificationOptions): AsyncGenerator<CertificationEvent, void, undefined> {
  const config = resolveCertificationConfig(options.config);
  const { engine, plan, signal } = options;
  const profileOverrides = profileOverridesForEngine(engine.capabilities, options.profileOverrides);
  const run = createChallengeRun(plan, { now: Date.now(), ...(profileOverrides ? { profileOverrides } : {}) });
  if (run.state.final) throw new HuotiError('INVALID_INPUT', `the challenge plan was refused: ${run.state.final.reason ?? 'unknown'}`);

  const hasReadDigits = plan.steps.some((step) => step.kind === 'readDigits');
  const shouldIncludeAudio = (options.evidence?.includeAudio ?? false) && hasReadDigits;
  const recorder = new MetricTraceRecorder();
  const planarity = new PlanarityTracker(options.planarity);
  const faceMatch = requiresFaceMatch(plan)
    ? new FaceMatchTracker(engine.faceReference, resolveFaceMatchThresholds(options.faceMatchThresholds)[plan.strictness], config)
    : null;
  let voice: VoiceCapture | null = null;
  let bestFrames: BestFrameCollector | null = null;
  let isDone = false;
  try {
    if (hasReadDigits && options.microphone) {
      voice = await startVoiceCapture(options.microphone, {
        shouldRecord: shouldIncludeAudio,
        flushTimeoutMs: config.voiceFlushTimeoutMs,
        ...(options.audioWorkletUrl ? { workletUrl: options.audioWorkletUrl } : {}),
        ...(options.audioContext ? { audioContext: options.audioContext } : {}),
        ...(signal ? { signal } : {}),
      });
    }
    if (options.evidence?.includeBestFrames) bestFrames = new BestFrameCollector(options.video, config);

    let state: ChallengeRunState = run.state;
    let reportedStep = -1;
    let reportedDigits = 0;
    let reportedHints = '';
    let droppedFrames = 0;
    for await (const frame of engine.watch(options.video, signal ? { signal } : {})) {
      droppedFrames = frame.droppedFrameCount;
      const sample = toMetricSample(frame);
      if (!recorder.add(sample)) continue;
      planarity.add(sample.timestampMs, frame.faceCount === 1 ? (frame.primaryFace?.stableLandmarks ?? null) : null);
      if (voice) run.pushVoicedSegments(voice.takeSegments());
      // Checked before the sample moves the run on: the frame belongs to the step it was shown in,
      // and a mismatch on a run's last frame must still fail it. No frame is in flight here.
      if (faceMatch?.shouldCheck(state.stepIndex, sample)) {
        const embedding = await engine.embedLastFrame();
        if (embedding && faceMatch.check(state.stepIndex, sample, embedding)) run.failWith('FACE_MISMATCH');
      }
      state = run.push(sample);
      bestFrames?.offer(sample);

      if (state.currentStep && (state.stepIndex !== reportedStep || state.revealedDigits.length !== reportedDigits)) {
        reportedStep = state.stepIndex;
        reportedDigits = state.revealedDigits.length;
        yield { type: 'step', index: state.stepIndex, total: plan.steps.length, kind: state.currentStep.kind, revealedDigits: state.revealedDigits };
      }
      const hintKey = state.hints.map((h) => h.code).join();
      if (!state.final && hintKey !== reportedHints) {
        reportedHints = hintKey;
        yield { type: 'hints', hints: state.hints };
      }
      if (state.final) break;
    }
    if (!state.final || signal?.aborted) return;

    if (faceMatch?.hasReference && state.final.passed) state = failUncheckedFaceMatchStep(state, plan, faceMatch);
    // Segments that arrived after the decision still belong in the trace.
    await voice?.stop();
    const evidence = await buildEvidence(state, {
      plan,
      recorder,
      voice,
      bestFrames,
      faceMatch,
      shouldIncludeAudio,
      config,
      backend: engine.capabilities.backend,
      droppedFrames,
      planarity: planarity.summary(),
    });
    isDone = true;
    yield { type: 'complete', outcome: evidence };
  } finally {
    if (!isDone) run.abort();
    bestFrames?.close();
    await voice?.stop();
  }
}

interface EvidenceInputs {
  readonly plan: ChallengePlan;
  readonly recorder: MetricTraceRecorder;
  readonly voice: VoiceCapture | null;
  readonly bestFrames: BestFrameCollector | null;
  readonly faceMatch: FaceMatchTracker | null;
  readonly shouldIncludeAudio: boolean;
  readonly config: CertificationConfig;
  readonly backend: string;
  readonly droppedFrames: number;
  readonly planarity: PlanarityEvidence;
}

async function buildEvidence(state: ChallengeRunState, inputs: EvidenceInputs): Promise<CertificationOutcome> {
  const { recorder, voice, config } = inputs;
  const originMs = recorder.originMs ?? 0;
  const relative = (ms: number): number => recorder.relativeMs(ms);
  const frames = recorder.frames;
  const lastFrameMs = frames.at(-1)?.[0] ?? 0;

  const steps: StepOutcome[] = state.stepResults.map((r) => ({
    kind: r.kind,
    passed: r.passed,
    startedAt: relative(r.startedAt),
    durationMs: Math.min(DEFAULT_PROTOCOL_LIMITS.maxStepTimeoutMs, Math.max(0, Math.round(r.durationMs * 10) / 10)),
  }));
  const traceSteps: StepTrace[] = state.stepResults.map((r) => stepTrace(r, recorder, voice));

  let bestFrames: BestFrame[] | undefined;
  if (inputs.bestFrames) {
    const collected = await inputs.bestFrames.finish(originMs, originMs + lastFrameMs);
    if (collected.length > 0) {
      bestFrames = collected.map((f) => ({ timeMs: relative(f.timestampMs), width: f.width, height: f.height, jpegBase64: bytesToBase64(f.bytes) }));
    }
  }

  let audio: AudioClip | undefined;
  if (inputs.shouldIncludeAudio && voice) {
    const spans = state.stepResults.filter((r) => r.kind === 'readDigits');
    const first = spans[0];
    const last = spans.at(-1);
    if (first && last) {
      const fromMs = Math.max(originMs, first.startedAt - config.audioPaddingMs);
      const toMs = Math.min(last.startedAt + last.durationMs + config.audioPaddingMs, fromMs + config.maxAudioMs);
      const clip = voice.recording(fromMs, toMs);
      if (clip && clip.samples.length > 0) {
        audio = { startMs: relative(clip.startMs), sampleRateHz: clip.sampleRateHz, channels: 1, wavBase64: bytesToBase64(encodeWav(clip.samples, clip.sampleRateHz)) };
      }
    }
  }

  const faceMatch: FaceMatchRecord | undefined = inputs.faceMatch?.record(relative);
  const durationS = lastFrameMs / 1000;
  const userAgent = typeof navigator === 'undefined' ? '' : navigator.userAgent.slice(0, DEFAULT_PROTOCOL_LIMITS.maxUserAgentLength);
  const reason = state.final?.reason;
  const unsigned: EvidenceBundle = {
    passed: state.final?.passed ?? false,
    ...(reason ? { reason } : {}),
    steps,
    evidence: {
      formatVersion: EVIDENCE_FORMAT_VERSION,
      plan: inputs.plan,
      capturedAt: new Date(performance.timeOrigin + originMs).toISOString(),
      trace: { frames, steps: traceSteps },
      ...(bestFrames ? { bestFrames } : {}),
      ...(audio ? { audio } : {}),
      ...(faceMatch ? { faceMatch } : {}),
      presentation: { planarity: inputs.planarity },
      environment: {
        backend: inputs.backend,
        fps: durationS > 0 ? Math.round(((frames.length - 1) / durationS) * 100) / 100 : 0,
        droppedFrames: inputs.droppedFrames,
        userAgent,
      },
      sdkVersion: VERSION,
      digest: '',
    },
  };
  const digest = await digestEvidence(unsigned);
  const bundle: EvidenceBundle = { ...unsigned, evidence: { ...unsigned.evidence, digest } };
  return { passed: bundle.passed, ...(reason ? { reason } : {}), steps, evidence: bundle };
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

function stepTrace(result: StepResult, recorder: MetricTraceRecorder, voice: VoiceCapture | null): StepTrace {
  const endMs = result.startedAt + result.durationMs;
  if (result.kind === 'readDigits') {
    const segments = (voice?.segments ?? [])
      .filter((s) => s.startMs >= result.startedAt && s.endMs <= endMs)
      .slice(0, DEFAULT_PROTOCOL_LIMITS.maxVoicedSegmentsPerStep)
      .map((s) => toSegment({ startMs: recorder.relativeMs(s.startMs), endMs: recorder.relativeMs(s.endMs) }));
    return { kind: result.kind, eventsMs: [], voicedSegments: segments };
  }
  const peakMs = result.passed ? findActionPeak(result.kind, recorder.samples, result.startedAt, endMs) : null;
  return { kind: result.kind, eventsMs: peakMs === null ? [] : [recorder.relativeMs(peakMs)] };
}
