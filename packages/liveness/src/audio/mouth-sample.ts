/** One mouth measurement from the video stream; a {@link MetricSample} fits this shape. */
export interface MouthSample {
  /** Capture time, in ms on the same clock as the voiced segments. */
  readonly timestampMs: number;
  /** Inner-lip mouth aspect ratio (near 0 closed, 0.5+ wide open); `null` when not measured. */
  readonly mouthAspectRatio: number | null;
}
