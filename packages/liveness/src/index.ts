export { VERSION } from './version.js';
export { HuotiError, type SerializedHuotiError } from './errors/huoti-error.js';
export type { HuotiErrorCode } from './errors/huoti-error-code.js';
export { HUOTI_ERROR_MESSAGES, type LocalizedMessage } from './errors/huoti-error-messages.js';
export { connectLivenessWorker, type WorkerConnection } from './bridge/worker-connection.js';
export {
  DEFAULT_WORKER_CONNECTION_CONFIG,
  resolveWorkerConnectionConfig,
  type WorkerConnectionConfig,
} from './bridge/worker-connection-config.js';
export type { WorkerHello, WorkerMemory, StartupTimings, FaceEmbeddingResult, ReferenceEmbeddingResult } from './worker/worker-api.js';
export { createLivenessEngine } from './engine/create-liveness-engine.js';
export type { LivenessEngine, WatchOptions } from './engine/liveness-engine.js';
export type { EnrolledFaceReference, FaceReferenceInput } from './engine/face-reference.js';
export { REFERENCE_MAX_SIDE_PX } from './engine/reference-bitmap.js';
export type { EngineCapabilities, CapabilityFallback } from './engine/engine-capabilities.js';
export type { FrameMetrics, FaceMetrics, WorkerFrameMetrics } from './engine/frame-metrics.js';
export { DEFAULT_LIVENESS_ENGINE_CONFIG, resolveLivenessEngineConfig, type LivenessEngineConfig } from './config/engine-config.js';
export type { BackendPreference, BackendName } from './config/backend-preference.js';
export type { EyeRefinementMode } from './landmarks/eye-refinement-mode.js';
export type { LandmarkPoint, FaceLandmarks } from './landmarks/landmark-point.js';
export type { LoadProgress } from './models/load-progress.js';
export type { LivenessVideoSource } from './capture/frame-source.js';
export { MODEL_ASSET_NAMES } from './models/model-asset-names.js';
export { FACE_MESH_INDICES } from './landmarks/face-mesh-indices.js';
export { eyeAspectRatio, eyeAspectRatios, type EyeAspectRatios, type EyeContourIndices } from './metrics/eye-aspect-ratio.js';
export { mouthAspectRatio } from './metrics/mouth-aspect-ratio.js';
export { headPose, type HeadPose } from './metrics/head-pose.js';
export { imageQuality, type ImageQuality, type RgbaPixels } from './metrics/image-quality.js';
export { landmarkBox, centerOffset, type NormalizedBox } from './metrics/face-box.js';
export { measureFace } from './metrics/measure-face.js';
export type { MetricSample, NormalizedFaceBox } from './challenges/metric-sample.js';
export { HEAD_POSE_CONVENTION } from './challenges/head-pose-convention.js';
export {
  STRICTNESS_PROFILES,
  PLAIN_MESH_BLINK_OVERRIDES,
  resolveStrictnessProfile,
  type StrictnessProfile,
  type StrictnessProfileOverrides,
  type BlinkProfile,
  type MouthOpenProfile,
  type HeadTurnProfile,
  type GuardProfile,
  type ReadDigitsProfile,
  type TimeoutProfile,
} from './challenges/strictness-profiles.js';
export type { ActionDetector } from './challenges/action-detector.js';
export type { DetectedAction } from './challenges/detected-action.js';
export { BlinkDetector } from './challenges/blink-detector.js';
export { MouthOpenDetector } from './challenges/mouth-open-detector.js';
export { HeadTurnDetector, type HeadTurnKind } from './challenges/head-turn-detector.js';
export { FrontalHoldDetector, DEFAULT_FRONTAL_HOLD_CONFIG, type FrontalHoldConfig } from './challenges/frontal-hold-detector.js';
export { createActionDetector, type MotionStepKind } from './challenges/create-action-detector.js';
export { GUARD_HINT_TEXTS, type GuardHint, type GuardHintCode, type GuardHintText } from './challenges/guard-hint.js';
export type { ChallengeFailureReason } from './challenges/challenge-failure-reason.js';
export { RunGuards, type GuardVerdict, type GuardFailureReason } from './challenges/run-guards.js';
export {
  createChallengeRun,
  type ChallengeRun,
  type ChallengeRunOptions,
  type ChallengeRunState,
  type ChallengeRunFinal,
  type StepResult,
} from './challenges/challenge-run.js';
export {
  AttemptLimiter,
  DEFAULT_ATTEMPT_LIMITER_CONFIG,
  type AttemptLimiterConfig,
  type AttemptCheck,
  type AttemptLimiterSnapshot,
} from './challenges/attempt-limiter.js';
export { planRefusal } from './challenges/plan-refusal.js';
export type { ChallengeHandle, ChallengeOpenOptions, ChallengeWatchOptions, ChallengeFrame } from './engine/challenge-handle.js';
export type {
  ChallengeSessionOptions,
  ChallengeProgress,
  ChallengeFrameResult,
  ChallengeSummary,
} from './session/challenge-session-messages.js';
export { createLocalPlan, DEFAULT_LOCAL_PLAN_CONFIG, type LocalPlanConfig, type LocalPlanOptions, type RandomBytesSource } from './challenges/local-plan.js';
export type { VoicedSegment } from './audio/voiced-segment.js';
export { VoiceActivityDetector, type VoiceActivityDetectorOptions } from './audio/voice-activity-detector.js';
export { DEFAULT_VOICE_ACTIVITY_CONFIG, resolveVoiceActivityConfig, type VoiceActivityConfig } from './audio/voice-activity-config.js';
export { detectVoicedSegments } from './audio/detect-voiced-segments.js';
export { decideReadDigits, type ReadDigitsInput, type ReadDigitsDecision, type ReadDigitsFailure, type DigitResponse } from './audio/decide-read-digits.js';
export { runCertification, type CertificationOptions, type EvidenceOptions } from './session/run-certification.js';
export type { CertificationEvent, CertificationOutcome } from './session/certification-event.js';
export { DEFAULT_CERTIFICATION_CONFIG, resolveCertificationConfig, type CertificationConfig } from './session/certification-config.js';
export { toMetricSample } from './session/to-metric-sample.js';
export { STABLE_LANDMARK_INDICES, STABLE_LANDMARK_REGIONS } from './presentation/stable-landmarks.js';
export type { PlanarPoint } from './presentation/planar-point.js';
export { selectLandmarkPoints } from './presentation/select-landmark-points.js';
export { applyHomography, type Homography } from './presentation/homography.js';
export {
  fitHomography,
  DEFAULT_HOMOGRAPHY_FIT_OPTIONS,
  type HomographyFit,
  type HomographyFitFailure,
  type HomographyFitOptions,
} from './presentation/fit-homography.js';
export { measurePlanarPair, type PlanarPairMeasurement } from './presentation/measure-planar-pair.js';
export { DEFAULT_PLANARITY_CONFIG, resolvePlanarityConfig, type PlanarityConfig } from './presentation/planarity-config.js';
export { PlanarityTracker } from './presentation/planarity-tracker.js';
export {
  startVoiceCapture,
  DEFAULT_VOICE_CAPTURE_OPTIONS,
  type VoiceCapture,
  type VoiceCaptureOptions,
  type VoiceRecording,
} from './audio-capture/start-voice-capture.js';
export { fiveFaceKeypoints, interOcularDistancePx, type FiveFaceKeypoints, type PixelPoint } from './face-match/face-keypoints.js';
export {
  fitSimilarityTransform,
  applySimilarityTransform,
  invertSimilarityTransform,
  similarityRotationRad,
  similarityScale,
  type SimilarityTransform,
} from './face-match/similarity-transform.js';
export { ARCFACE_ALIGNMENT_TEMPLATE, zoomAlignmentTemplate, type AlignmentTemplate } from './face-match/alignment-template.js';
export { faceAlignmentTransform } from './face-match/face-alignment-transform.js';
export {
  FACE_EMBEDDING_MODELS,
  DEFAULT_FACE_EMBEDDING_MODEL,
  type FaceEmbeddingModelSpec,
  type PixelNormalisation,
} from './face-match/face-embedding-model-spec.js';
export { cosineSimilarity } from './face-match/cosine-similarity.js';
export { DEFAULT_FACE_MATCH_THRESHOLDS, resolveFaceMatchThresholds, type FaceMatchThresholds } from './face-match/face-match-thresholds.js';
export { decideFaceMatch, type FaceMatchDecision } from './face-match/face-match-decision.js';
export {
  checkReferenceFaces,
  DEFAULT_REFERENCE_FACE_CONFIG,
  type ReferenceFaceConfig,
  type ReferenceFaceCheck,
  type ReferenceFaceErrorCode,
} from './face-match/reference-face-check.js';
