/** A stretch of voiced audio, in ms on the detector's clock (stream start + elapsed samples). */
export interface VoicedSegment {
  /** Centre of the first voiced analysis frame, in ms. */
  readonly startMs: number;
  /** Centre of the last voiced analysis frame, in ms. */
  readonly endMs: number;
}
