/** A face bounding box, normalised to the frame: 0–1 on both axes, origin top-left. */
export interface NormalizedFaceBox {
  /** Left edge, as a fraction of the frame width. */
  readonly x: number;
  /** Top edge, as a fraction of the frame height. */
  readonly y: number;
  /** Width, as a fraction of the frame width. */
  readonly width: number;
  /** Height, as a fraction of the frame height. */
  readonly height: number;
}

/**
 * What the challenge detectors and guards need from one camera frame: the structural minimum the
 * engine's per-frame metrics are adapted to. Measurements the engine could not make are `null`.
 * Angles follow {@link HEAD_POSE_CONVENTION}.
 */
export interface MetricSample {
  /** Capture time of the frame, in ms on a monotonic clock (for example `performance.now()`). */
  readonly timestampMs: number;
  /** Number of faces found in the frame. */
  readonly faceCount: number;
  /** Eye aspect ratio of the person's left eye (about 0.25–0.35 open, towards 0 closed). */
  readonly eyeAspectRatioLeft: number | null;
  /** Eye aspect ratio of the person's right eye. */
  readonly eyeAspectRatioRight: number | null;
  /** Mouth aspect ratio on the inner lips (near 0 closed, 0.5+ wide open). */
  readonly mouthAspectRatio: number | null;
  /** Head yaw, in degrees; positive = the person turns to their own left. */
  readonly yawDeg: number | null;
  /** Head pitch, in degrees; positive = chin up. */
  readonly pitchDeg: number | null;
  /** Head roll, in degrees; positive = clockwise in the unmirrored image. */
  readonly rollDeg: number | null;
  /** The tracked face's box, normalised 0–1. */
  readonly faceBox: NormalizedFaceBox | null;
  /** Mean luma inside the face box, 0–255. */
  readonly brightness: number | null;
  /** Mean luma of the whole frame, 0–255 (compared with `brightness` to spot backlight). */
  readonly frameBrightness?: number | null;
  /** Variance of the Laplacian of the face crop's luma (higher = sharper), in luma² units. */
  readonly sharpness: number | null;
}
