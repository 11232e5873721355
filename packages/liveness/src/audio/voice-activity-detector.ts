import { AudioFrameFeatureExtractor, type AudioFrameFeatures } from './audio-frame-features.js';
import { resolveVoiceActivityConfig, type VoiceActivityConfig } from './voice-activity-config.js';
import type { VoicedSegment } from './voiced-segment.js';

/** Options of one {@link VoiceActivityDetector} stream. */
export interface VoiceActivityDetectorOptions {
  /** Overrides of {@link DEFAULT_VOICE_ACTIVITY_CONFIG}. */
  readonly config?: Partial<VoiceActivityConfig>;
  /**
   * Time of the first sample, in ms on the caller's clock (for example the camera frames' clock),
   * so segments can be compared with reveal times. Default 0.
   */
  readonly streamStartMs?: number;
}

/**
 * Incremental voice-activity detector over 16 kHz mono PCM: feed it blocks of any length (an
 * AudioWorklet's 128-sample blocks) and it returns the voiced segments that closed in that block.
 *
 * A frame is voiced when its level is {@link VoiceActivityConfig.onsetMarginDb} above an adaptive
 * noise floor (falls at once to quieter frames, rises slowly) and it is neither hiss-like (zero
 * crossings) nor noise-like (spectral flatness). Voiced runs are joined across gaps shorter than
 * the hangover, a run is split at a deep level dip between two syllable nuclei, and runs shorter
 * than the minimum segment are dropped. Deterministic and pure apart from its own state; its
 * buffers are allocated once (per block only the returned array). In a worklet running at the
 * context's rate (often 48 kHz), pass `config: { sampleRateHz: sampleRate }`.
 */
export class VoiceActivityDetector {
  /** The resolved settings of this stream. */
  readonly config: VoiceActivityConfig;
  readonly #extractor: AudioFrameFeatureExtractor;
  readonly #frameLength: number;
  readonly #hopLength: number;
  readonly #ring: Float32Array;
  readonly #frame: Float32Array;
  readonly #streamStartMs: number;
  #ringWrite = 0;
  #samplesSeen = 0;
  #samplesSinceHop = 0;
  #noiseFloorDb: number | null = null;
  #peakDb: number | null = null;
  #segmentStartMs: number | null = null;
  #lastVoicedMs = 0;
  #voicedMsInSegment = 0;
  /** Loudest level since the segment (or its last split) started, and the quietest voiced frame after it. */
  #segmentPeakDb = 0;
  #dipDb = 0;
  #dipMs = 0;
  #voicedMsAtDip = 0;
  #lastFeatures: AudioFrameFeatures | null = null;

  constructor(options: VoiceActivityDetectorOptions = {}) {
    this.config = resolveVoiceActivityConfig(options.config);
    this.#streamStartMs = options.streamStartMs ?? 0;
    this.#frameLength = Math.round((this.config.frameMs * this.config.sampleRateHz) / 1000);
    this.#hopLength = Math.max(1, Math.round((this.config.hopMs * this.config.sampleRateHz) / 1000));
    this.#ring = new Float32Array(this.#frameLength);
    this.#frame = new Float32Array(this.#frameLength);
    this.#extractor = new AudioFrameFeatureExtractor(this.#frameLength, this.config.sampleRateHz);
  }

  /** The current noise floor, in dBFS; `null` before the first frame. */
  get noiseFloorDb(): number | null {
    return this.#noiseFloorDb;
  }

  /** Features of the most recent analysis frame (for metering in the UI); `null` before the first frame. */
  get lastFeatures(): AudioFrameFeatures | null {
    return this.#lastFeatures;
  }

  /** Whether a voiced segment is open (speech is going on now). */
  get isVoiced(): boolean {
    return this.#segmentStartMs !== null;
  }

  /**
   * Consumes one block of samples (−1…1).
   *
   * @returns the segments that ended inside this block, oldest first (usually none).
   */
  process(block: Float32Array): VoicedSegment[] {
    const closed: VoicedSegment[] = [];
    for (let i = 0; i < block.length; i++) {
      this.#ring[this.#ringWrite] = block[i] ?? 0;
      this.#ringWrite = (this.#ringWrite + 1) % this.#frameLength;
      this.#samplesSeen++;
      this.#samplesSinceHop++;
      if (this.#samplesSeen >= this.#frameLength && this.#samplesSinceHop >= this.#hopLength) {
        this.#samplesSinceHop = 0;
        const segment = this.#analyzeFrame();
        if (segment) closed.push(segment);
      }
    }
    return closed;
  }

  /** Ends the stream: closes a segment still open (if long enough) and returns it. */
  flush(): VoicedSegment[] {
    if (this.#segmentStartMs === null) return [];
    const segment = this.#closeSegment();
    return segment ? [segment] : [];
  }

  #analyzeFrame(): VoicedSegment | null {
    // Unroll the ring buffer into frame order (oldest sample first).
    for (let i = 0; i < this.#frameLength; i++) this.#frame[i] = this.#ring[(this.#ringWrite + i) % this.#frameLength] ?? 0;
    const features = this.#extractor.analyze(this.#frame);
    this.#lastFeatures = features;
    const config = this.config;
    const frameCentreMs =
      this.#streamStartMs + ((this.#samplesSeen - this.#frameLength / 2) * 1000) / config.sampleRateHz;

    const level = Math.max(features.levelDb, config.noiseFloorMinDb);
    if (this.#noiseFloorDb === null || level < this.#noiseFloorDb) this.#noiseFloorDb = level;
    else this.#noiseFloorDb = Math.min(level, this.#noiseFloorDb + (config.noiseFloorRiseDbPerSecond * config.hopMs) / 1000);

    const decayedPeak = (this.#peakDb ?? level) - (config.peakDecayDbPerSecond * config.hopMs) / 1000;
    this.#peakDb = Math.max(level, decayedPeak);

    const isVoiced =
      features.levelDb >= this.#noiseFloorDb + config.onsetMarginDb &&
      features.levelDb >= this.#peakDb - config.maxBelowPeakDb &&
      features.levelDb >= config.absoluteMinLevelDb &&
      features.zeroCrossingRate <= config.maxZeroCrossingRate &&
      features.spectralFlatness <= config.maxSpectralFlatness;

    if (isVoiced) {
      let split: VoicedSegment | null = null;
      if (this.#segmentStartMs === null) {
        this.#startSegment(frameCentreMs, features.levelDb);
      } else if (
        this.#segmentPeakDb - this.#dipDb >= config.minSplitDipDb &&
        features.levelDb - this.#dipDb >= config.minSplitDipDb &&
        this.#voicedMsAtDip >= config.minSegmentMs
      ) {
        // A second syllable nucleus after a deep dip: end the first segment just before the dip.
        split = { startMs: this.#segmentStartMs, endMs: this.#dipMs - config.hopMs };
        const voicedAfterDip = this.#voicedMsInSegment - this.#voicedMsAtDip;
        this.#startSegment(this.#dipMs, features.levelDb);
        this.#voicedMsInSegment = voicedAfterDip;
      }
      this.#voicedMsInSegment += config.hopMs;
      this.#lastVoicedMs = frameCentreMs;
      if (features.levelDb > this.#segmentPeakDb) {
        this.#segmentPeakDb = features.levelDb;
        this.#dipDb = features.levelDb;
        this.#dipMs = frameCentreMs;
        this.#voicedMsAtDip = this.#voicedMsInSegment;
      } else if (features.levelDb < this.#dipDb) {
        this.#dipDb = features.levelDb;
        this.#dipMs = frameCentreMs;
        this.#voicedMsAtDip = this.#voicedMsInSegment;
      }
      return split;
    }
    if (this.#segmentStartMs !== null && frameCentreMs - this.#lastVoicedMs > config.hangoverMs) return this.#closeSegment();
    return null;
  }

  #startSegment(startMs: number, levelDb: number): void {
    this.#segmentStartMs = startMs;
    this.#voicedMsInSegment = 0;
    this.#segmentPeakDb = levelDb;
    this.#dipDb = levelDb;
    this.#dipMs = startMs;
    this.#voicedMsAtDip = 0;
  }

  #closeSegment(): VoicedSegment | null {
    const startMs = this.#segmentStartMs;
    this.#segmentStartMs = null;
    if (startMs === null || this.#voicedMsInSegment < this.config.minSegmentMs) return null;
    return { startMs, endMs: this.#lastVoicedMs };
  }
}
