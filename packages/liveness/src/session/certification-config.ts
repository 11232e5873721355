/** Tunables of {@link runCertification}; every time in ms, every size in bytes or px. */
export interface CertificationConfig {
  /** Most best frames kept as evidence (the protocol allows 1–3). */
  readonly maxBestFrames: number;
  /** Largest JPEG of one best frame, in bytes (the protocol's limit is 50 KB). */
  readonly bestFrameMaxBytes: number;
  /** A best frame must face the camera within this yaw, in degrees. */
  readonly bestFrameMaxYawDeg: number;
  /** …and within this pitch, in degrees. */
  readonly bestFrameMaxPitchDeg: number;
  /** …and both eyes at least this open (eye aspect ratio), so no frame is taken mid-blink. */
  readonly bestFrameMinEyeAspectRatio: number;
  /** Best frames lie at least this far apart in time, in ms, so they show different moments. */
  readonly bestFrameMinSpacingMs: number;
  /** Pixels of at most this many candidate frames are held at once (each is one `ImageBitmap`). */
  readonly bestFrameCandidateCount: number;
  /** A candidate's pixels are grabbed at most this often, in ms: grabbing costs the main thread. */
  readonly bestFrameGrabIntervalMs: number;
  /** Widest best frame, in px (the grab is downscaled to it, never upscaled). */
  readonly bestFrameMaxWidthPx: number;
  /** JPEG qualities tried in order until the frame fits `bestFrameMaxBytes` (0–1). */
  readonly jpegQualities: readonly number[];
  /** When no quality fits, the frame is scaled by this ratio and the qualities tried again. */
  readonly jpegDownscaleRatio: number;
  /** Audio kept before and after the read-digits steps, in ms. */
  readonly audioPaddingMs: number;
  /** Longest audio clip kept, in ms (the protocol's limit is 30 s). */
  readonly maxAudioMs: number;
  /** How long `stop()` of the voice capture waits for the audio thread's last segments, in ms. */
  readonly voiceFlushTimeoutMs: number;
  /** Face match: most frames of one step embedded and compared with the reference (each costs a model run). */
  readonly faceMatchMaxChecksPerStep: number;
  /** Face match: a step's later check comes at least this long after its previous one, in ms. */
  readonly faceMatchMinCheckIntervalMs: number;
  /** Face match: a later frame of a step is checked only when its best-frame score is this many times the best checked one's. */
  readonly faceMatchMinQualityGainRatio: number;
}

/** Named defaults of {@link CertificationConfig}. */
export const DEFAULT_CERTIFICATION_CONFIG: CertificationConfig = Object.freeze({
  maxBestFrames: 3,
  bestFrameMaxBytes: 50 * 1024,
  bestFrameMaxYawDeg: 12,
  bestFrameMaxPitchDeg: 12,
  bestFrameMinEyeAspectRatio: 0.15,
  bestFrameMinSpacingMs: 500,
  bestFrameCandidateCount: 6,
  bestFrameGrabIntervalMs: 250,
  bestFrameMaxWidthPx: 480,
  jpegQualities: Object.freeze([0.85, 0.7, 0.55, 0.4, 0.3]),
  jpegDownscaleRatio: 0.75,
  audioPaddingMs: 500,
  maxAudioMs: 29_000,
  voiceFlushTimeoutMs: 500,
  faceMatchMaxChecksPerStep: 3,
  faceMatchMinCheckIntervalMs: 400,
  faceMatchMinQualityGainRatio: 1.25,
});

/** {@link DEFAULT_CERTIFICATION_CONFIG} with `overrides` applied, frozen. */
export const resolveCertificationConfig = (overrides: Partial<CertificationConfig> = {}): CertificationConfig =>
  Object.freeze({ ...DEFAULT_CERTIFICATION_CONFIG, ...overrides });
