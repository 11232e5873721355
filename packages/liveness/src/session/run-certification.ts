import { startVoiceCapture, type VoiceCapture } from '../audio-capture/start-voice-capture.js';
import { encodeWav } from '../audio-capture/wav-encoding.js';
import type { StrictnessProfileOverrides } from '../challenges/strictness-profiles.js';
import type { LivenessVideoSource } from '../capture/frame-source.js';
import type { LivenessEngine } from '../engine/liveness-engine.js';
import type { FaceMatchThresholds } from '../face-match/face-match-thresholds.js';
import type { ChallengePlan } from '../protocol/challenge-plan.js';
import { digestEvidence } from '../protocol/digest-evidence.js';
import { EVIDENCE_FORMAT_VERSION, type AudioClip, type BestFrame, type EvidenceBundle } from '../protocol/evidence-bundle.js';
import { DEFAULT_PROTOCOL_LIMITS } from '../protocol/protocol-limits.js';
import type { PlanarityConfig } from '../presentation/planarity-config.js';
import { VERSION } from '../version.js';
import { BestFrameCollector } from './best-frame-collector.js';
import { bytesToBase64 } from './bytes-to-base64.js';
import { resolveCertificationConfig, type CertificationConfig } from './certification-config.js';
import { traceRelativeMs } from './metric-trace-recorder.js';
import type { CertificationEvent, CertificationOutcome } from './certification-event.js';
import type { ChallengeProgress, ChallengeSummary } from './challenge-session-messages.js';

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

/**
 * Runs one certification: analyses `video` with `engine` and runs the challenge of `plan` in the
 * engine's worker (`engine.openChallenge`: steps in order, digits revealed on schedule, voiced
 * segments from the microphone for `readDigits`), reports step changes and hints, and ends with the
 * verdict and the `EvidenceBundle` the server verifies, its digest computed with `digestEvidence`.
 * The main thread captures frames and voice, keeps best frames and assembles the evidence.
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
 *   `ASSET_LOAD_FAILED` when the audio worklet (or the embedding model) cannot load; `WORKER_CRASHED`
 *   when the worker crashes mid-run (the run's state is lost with it); the engine's other errors
 *   (`DISPOSED`, …).
 */
export async function* runCertification(options: CertificationOptions): AsyncGenerator<CertificationEvent, void, undefined> {
  const config = resolveCertificationConfig(options.config);
  const { engine, plan, signal } = options;
  // The run itself (detectors, guards, trace, planarity, face-match checks) lives in the worker.
  const challenge = await engine.openChallenge({
    plan,
    config,
    ...(options.profileOverrides ? { profileOverrides: options.profileOverrides } : {}),
    ...(options.planarity ? { planarity: options.planarity } : {}),
    ...(options.faceMatchThresholds ? { faceMatchThresholds: options.faceMatchThresholds } : {}),
  });

  const hasReadDigits = plan.steps.some((step) => step.kind === 'readDigits');
  const shouldIncludeAudio = (options.evidence?.includeAudio ?? false) && hasReadDigits;
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

    const capture = voice;
    let final: ChallengeProgress['final'] = null;
    let reportedStep = -1;
    let reportedDigits = 0;
    let reportedHints = '';
    let droppedFrames = 0;
    const frames = challenge.watch(options.video, {
      ...(signal ? { signal } : {}),
      ...(capture ? { takeVoicedSegments: () => capture.takeSegments() } : {}),
    });
    for await (const frame of frames) {
      droppedFrames = frame.droppedFrameCount;
      if (frame.sample) bestFrames?.offer(frame.sample);
      const { progress } = frame;
      final = progress.final;
      if (progress.stepKind && (progress.stepIndex !== reportedStep || progress.revealedDigits.length !== reportedDigits)) {
        reportedStep = progress.stepIndex;
        reportedDigits = progress.revealedDigits.length;
        yield { type: 'step', index: progress.stepIndex, total: plan.steps.length, kind: progress.stepKind, revealedDigits: progress.revealedDigits };
      }
      const hintKey = progress.hints.map((h) => h.code).join();
      if (!final && hintKey !== reportedHints) {
        reportedHints = hintKey;
        yield { type: 'hints', hints: progress.hints };
      }
      if (final) break;
    }
    if (!final || signal?.aborted) return;

    // Segments that arrived after the decision still belong in the trace.
    await voice?.stop();
    const summary = await challenge.finish(voice?.takeSegments() ?? []);
    const evidence = await buildEvidence(summary, { plan, voice, bestFrames, shouldIncludeAudio, config, backend: engine.capabilities.backend, droppedFrames });
    isDone = true;
    yield { type: 'complete', outcome: evidence };
  } finally {
    if (!isDone) await challenge.close();
    bestFrames?.close();
    await voice?.stop();
  }
}

interface EvidenceInputs {
  readonly plan: ChallengePlan;
  readonly voice: VoiceCapture | null;
  readonly bestFrames: BestFrameCollector | null;
  readonly shouldIncludeAudio: boolean;
  readonly config: CertificationConfig;
  readonly backend: string;
  readonly droppedFrames: number;
}

async function buildEvidence(summary: ChallengeSummary, inputs: EvidenceInputs): Promise<CertificationOutcome> {
  const { voice, config } = inputs;
  const { frames } = summary;
  const originMs = summary.originMs ?? 0;
  const relative = (timestampMs: number): number => traceRelativeMs(timestampMs, originMs);
  const lastFrameMs = frames.at(-1)?.[0] ?? 0;

  let bestFrames: BestFrame[] | undefined;
  if (inputs.bestFrames) {
    const collected = await inputs.bestFrames.finish(originMs, originMs + lastFrameMs);
    if (collected.length > 0) {
      bestFrames = collected.map((f) => ({ timeMs: relative(f.timestampMs), width: f.width, height: f.height, jpegBase64: bytesToBase64(f.bytes) }));
    }
  }

  let audio: AudioClip | undefined;
  if (inputs.shouldIncludeAudio && voice) {
    const spans = summary.stepResults.filter((r) => r.kind === 'readDigits');
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

  const durationS = lastFrameMs / 1000;
  const userAgent = typeof navigator === 'undefined' ? '' : navigator.userAgent.slice(0, DEFAULT_PROTOCOL_LIMITS.maxUserAgentLength);
  const { passed, reason } = summary.final;
  const unsigned: EvidenceBundle = {
    passed,
    ...(reason ? { reason } : {}),
    steps: summary.steps,
    evidence: {
      formatVersion: EVIDENCE_FORMAT_VERSION,
      plan: inputs.plan,
      capturedAt: new Date(performance.timeOrigin + originMs).toISOString(),
      trace: { frames, steps: summary.traceSteps },
      ...(bestFrames ? { bestFrames } : {}),
      ...(audio ? { audio } : {}),
      ...(summary.faceMatch ? { faceMatch: summary.faceMatch } : {}),
      presentation: { planarity: summary.planarity },
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
  return { passed: bundle.passed, ...(reason ? { reason } : {}), steps: summary.steps, evidence: bundle };
}
