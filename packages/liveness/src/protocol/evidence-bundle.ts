import type { ChallengePlan, ChallengeStepKind } from './challenge-plan.js';

/** Evidence bundle format version (`Evidence.formatVersion`). */
export const EVIDENCE_FORMAT_VERSION = 1;

/**
 * Positions of the numbers in one {@link MetricFrame}. The trace is a list of tuples rather than
 * objects so that a minute of video stays a few hundred kilobytes.
 */
export const METRIC_FRAME_FIELDS = Object.freeze([
  'timeMs',
  'faceCount',
  'boxX',
  'boxY',
  'boxWidth',
  'boxHeight',
  'earLeft',
  'earRight',
  'mar',
  'yawDeg',
  'pitchDeg',
  'rollDeg',
] as const);

/**
 * One analysed camera frame, as a tuple in the order of {@link METRIC_FRAME_FIELDS}:
 * - `timeMs`: ms since `Evidence.capturedAt`, strictly increasing along the trace;
 * - `faceCount`: faces detected (integer ≥ 0);
 * - `boxX`, `boxY`, `boxWidth`, `boxHeight`: the face box, as ratios of the frame size (0–1);
 * - `earLeft`, `earRight`: eye aspect ratios (open ≈ 0.25–0.35, closed < 0.2);
 * - `mar`: mouth aspect ratio (closed ≈ 0–0.2, open > 0.5);
 * - `yawDeg`, `pitchDeg`, `rollDeg`: head pose in degrees, in the unmirrored camera image, with the
 *   engine's convention (`HEAD_POSE_CONVENTION`): yaw is positive when the person turns to their
 *   own left, pitch is positive when the chin goes up (a nod is a negative pitch excursion).
 *
 * When `faceCount` is not 1 the remaining numbers are 0.
 */
export type MetricFrame = readonly [
  timeMs: number,
  faceCount: number,
  boxX: number,
  boxY: number,
  boxWidth: number,
  boxHeight: number,
  earLeft: number,
  earRight: number,
  mar: number,
  yawDeg: number,
  pitchDeg: number,
  rollDeg: number,
];

/** A stretch of voice found by the voice-activity detector: `[startMs, endMs]` since `capturedAt`. */
export type VoicedSegment = readonly [startMs: number, endMs: number];

/** What the client's detectors found during one step. Times are ms since `Evidence.capturedAt`. */
export interface StepTrace {
  readonly kind: ChallengeStepKind;
  /**
   * When each action peaked: a blink's closed-eye minimum, the widest mouth, the turn's or nod's
   * extreme angle (not the moment the detector confirmed it). Empty for `readDigits`.
   */
  readonly eventsMs: readonly number[];
  /** For `readDigits`: the voiced segments heard during the step, in time order. */
  readonly voicedSegments?: readonly VoicedSegment[];
}

/** The compact record of a session's measurements. */
export interface MetricTrace {
  /** Every analysed frame, in time order. */
  readonly frames: readonly MetricFrame[];
  /** One entry per plan step, in plan order. */
  readonly steps: readonly StepTrace[];
}

/** A still frame kept as evidence (only when the portal enables it). */
export interface BestFrame {
  /** When the frame was taken, ms since `Evidence.capturedAt`. */
  readonly timeMs: number;
  /** Pixel width stated by the client; must equal the JPEG's own. */
  readonly width: number;
  /** Pixel height stated by the client; must equal the JPEG's own. */
  readonly height: number;
  /** Base64 (standard alphabet, padded) of a baseline or progressive JPEG, at most 50 KB decoded. */
  readonly jpegBase64: string;
}

/** The microphone recording of the `readDigits` step (only when the portal enables it). */
export interface AudioClip {
  /** ms since `Evidence.capturedAt` of the first sample. */
  readonly startMs: number;
  /** Always 16,000. */
  readonly sampleRateHz: number;
  /** Always 1 (mono). */
  readonly channels: number;
  /** Base64 of a RIFF/WAVE file, 16-bit PCM. */
  readonly wavBase64: string;
}

/** How a run's planarity was judged: too little motion to tell, moved like one plane, or not. */
export type PlanarityVerdict = 'insufficient_motion' | 'planar' | 'non_planar';

/**
 * The passive rigidity signal over the run (`PlanarityTracker`): how well one homography explains
 * the motion of the face's stable landmarks between frames about 200 ms apart. A flat picture
 * moved in front of the camera moves as a plane; a live face turns in depth, blinks and speaks.
 * Ratios are of the face's scale (RMS distance of the landmarks from their centroid). A measured
 * signal, never a claim: the server records it and, by default, decides nothing on it.
 */
export interface PlanarityEvidence {
  /** Frame pairs compared (moving or still; pairs without a usable fit are not counted). */
  readonly framePairs: number;
  /** Of those, pairs with enough motion to judge planarity. */
  readonly movingPairs: number;
  /** Median RMS landmark displacement over all compared pairs. */
  readonly medianMotion: number;
  /** Median RMS residual of the best homography over the moving pairs (0 when none). */
  readonly medianResidual: number;
  /** 90th percentile of that residual (0 when none). */
  readonly p90Residual: number;
  /**
   * Median over the moving pairs of residual ÷ motion: the share of the motion one plane leaves
   * unexplained (0 when none). The signal itself: ≈ 0.04–0.16 for a moved picture, ≥ 0.18 over
   * whole live fixture clips, but as low as 0.05 over 3 s of a live head sliding or leaning with a
   * still face (docs/benchmarks.md).
   */
  readonly medianResidualToMotion: number;
  /** The client's reading of the numbers with its configured thresholds. */
  readonly verdict: PlanarityVerdict;
}

/** Presentation-attack signals measured on the client. */
export interface PresentationEvidence {
  readonly planarity: PlanarityEvidence;
}

/** Where and how the capture ran, as reported by the client (informational except `fps`). */
export interface CaptureEnvironment {
  /** The tfjs backend (`webgl`, `wasm`, `cpu`). */
  readonly backend: string;
  /** Frames per second the client measured. */
  readonly fps: number;
  /** Frames dropped because analysis was busy. */
  readonly droppedFrames: number;
  readonly userAgent: string;
}

/** Whether a face-match run compared the live face with a reference (`reference`) or had none (`none`: liveness only). */
export type FaceMatchMode = 'reference' | 'none';

/** What the portal enrolled: a photo the SDK embedded (`client-image`) or a ready embedding (`client-embedding`). */
export type FaceMatchReferenceSource = 'client-image' | 'client-embedding';

/**
 * The client's face-match decision: every checked frame at or above the threshold (`match`), one
 * below it (`mismatch`), or no frame checked (`not_checked`: no reference, or the run ended first).
 */
export type FaceMatchDecisionCode = 'match' | 'mismatch' | 'not_checked';

/** One live frame compared with the reference. */
export interface FaceMatchScore {
  /** When the frame was taken, ms since `Evidence.capturedAt`. */
  readonly timeMs: number;
  /** The plan step whose best frame this is (0-based). */
  readonly stepIndex: number;
  /** Cosine similarity of the two L2-normalised embeddings, −1–1. */
  readonly similarity: number;
}

/**
 * The 1:1 face-match record of a plan with a `faceMatch` step: the best frame of every step was
 * compared with the enrolled reference. Scores go to the server only, never to the UI. A client's
 * scores are its own claim: a portal that needs assurance recomputes them from the best frames
 * (`@huoti/verify/face-match`).
 */
export interface FaceMatchRecord {
  readonly mode: FaceMatchMode;
  /** With `mode: 'reference'` only. */
  readonly referenceSource?: FaceMatchReferenceSource;
  /** The embedding model's id, with `mode: 'reference'` only (an embedding is only comparable with the same model's). */
  readonly model?: string;
  /** The similarity a frame needed (the plan strictness's threshold), with `mode: 'reference'` only. */
  readonly threshold?: number;
  /** One per checked frame, in time order; empty with `mode: 'none'`. */
  readonly scores: readonly FaceMatchScore[];
  readonly decision: FaceMatchDecisionCode;
}

/** The proof a client submits, covered by `digest`. */
export interface Evidence {
  readonly formatVersion: 1;
  /** The plan exactly as received from the server, with `keyId` and `signature`. */
  readonly plan: ChallengePlan;
  /** ISO-8601 instant of the capture's time zero; every `…Ms` time is relative to it. */
  readonly capturedAt: string;
  readonly trace: MetricTrace;
  /** 1–3 best frames, only when enabled. */
  readonly bestFrames?: readonly BestFrame[];
  /** The `readDigits` audio, only when enabled. */
  readonly audio?: AudioClip;
  /** The face-match record: present exactly when the plan has a `faceMatch` step. */
  readonly faceMatch?: FaceMatchRecord;
  /** Presentation-attack signals (measured, advisory); absent from older clients. */
  readonly presentation?: PresentationEvidence;
  readonly environment: CaptureEnvironment;
  /** `@huoti/liveness` version that produced the bundle. */
  readonly sdkVersion: string;
  /**
   * Base64url (no padding) SHA-256 of the canonical serialisation of the whole bundle without this
   * field. See `digestEvidence`.
   */
  readonly digest: string;
}

/** How one step went, as the client saw it. Times are ms since `Evidence.capturedAt`. */
export interface StepOutcome {
  readonly kind: ChallengeStepKind;
  readonly passed: boolean;
  /** When the step's prompt was shown. */
  readonly startedAt: number;
  /** How long the step lasted, up to the step timeout. */
  readonly durationMs: number;
}

/**
 * What the browser sends to the portal's server at the end of a session. The client's own verdict
 * (`passed`) is advisory: the server decides with `@huoti/verify`.
 */
export interface EvidenceBundle {
  readonly passed: boolean;
  /** Why the client thinks the session failed. */
  readonly reason?: string;
  readonly steps: readonly StepOutcome[];
  readonly evidence: Evidence;
}
