/**
 * Settings of the {@link VoiceActivityDetector}. Levels are in dBFS (0 dB = a full-scale square
 * wave), times in ms, rates per sample.
 */
export interface VoiceActivityConfig {
  /** Sample rate of the PCM input, in Hz. */
  readonly sampleRateHz: number;
  /** Analysis frame length, in ms. */
  readonly frameMs: number;
  /** Step between analysis frames, in ms. */
  readonly hopMs: number;
  /** The noise floor never goes below this level (digital silence would make any noise "speech"), in dBFS. */
  readonly noiseFloorMinDb: number;
  /** How fast the noise floor may rise while the level stays above it, in dB per second. */
  readonly noiseFloorRiseDbPerSecond: number;
  /** A frame can start or continue speech only if its level is at least this far above the noise floor, in dB. */
  readonly onsetMarginDb: number;
  /**
   * A frame is voiced only within this distance below the recent speech peak, in dB: splits words
   * at weak consonants and closures even when the level stays above the noise floor.
   */
  readonly maxBelowPeakDb: number;
  /** How fast the recent speech peak decays towards quieter frames, in dB per second. */
  readonly peakDecayDbPerSecond: number;
  /** Frames quieter than this are never voiced, whatever the noise floor, in dBFS. */
  readonly absoluteMinLevelDb: number;
  /**
   * Frames whose zero-crossing rate is above this are unvoiced (fricatives, hiss, white noise),
   * as a fraction of sample pairs that change sign (0–1).
   */
  readonly maxZeroCrossingRate: number;
  /**
   * Frames whose spectral flatness (geometric / arithmetic mean of the power spectrum, 0–1) is above
   * this are noise-like, not voiced.
   */
  readonly maxSpectralFlatness: number;
  /**
   * Splits a voiced run at a level dip at least this deep on both sides (a syllable boundary
   * through a nasal or glide: "p nine", "a one"), in dB; `Infinity` never splits.
   */
  readonly minSplitDipDb: number;
  /** Voiced frames must last at least this long in all for a segment to be reported, in ms. */
  readonly minSegmentMs: number;
  /** Unvoiced frames shorter than this inside speech do not end a segment, in ms. */
  readonly hangoverMs: number;
}

/**
 * Defaults for 16 kHz mono speech: 32 ms frames every 10 ms, 12 dB above the noise floor and within
 * 20 dB of the recent peak. The short hangover keeps words apart at unvoiced consonants (checked on
 * the GRID clips); the read-digits decision joins segments of one utterance itself.
 */
export const DEFAULT_VOICE_ACTIVITY_CONFIG: VoiceActivityConfig = Object.freeze({
  sampleRateHz: 16_000,
  frameMs: 32,
  hopMs: 10,
  noiseFloorMinDb: -80,
  noiseFloorRiseDbPerSecond: 3,
  onsetMarginDb: 12,
  maxBelowPeakDb: 20,
  peakDecayDbPerSecond: 10,
  absoluteMinLevelDb: -55,
  maxZeroCrossingRate: 0.2,
  maxSpectralFlatness: 0.3,
  minSplitDipDb: 9,
  minSegmentMs: 60,
  hangoverMs: 30,
});

/** {@link DEFAULT_VOICE_ACTIVITY_CONFIG} with `overrides` applied, frozen. */
export const resolveVoiceActivityConfig = (overrides: Partial<VoiceActivityConfig> = {}): VoiceActivityConfig =>
  Object.freeze({ ...DEFAULT_VOICE_ACTIVITY_CONFIG, ...overrides });
