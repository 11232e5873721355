import { VoiceActivityDetector } from '../audio/voice-activity-detector.js';
import { Downsampler } from './downsampler.js';
import { VOICE_SAMPLE_RATE_HZ, type VoiceCaptureMessage } from './voice-capture-messages.js';
import { floatToInt16 } from './wav-encoding.js';

/** What {@link VoiceCaptureCore} needs; plain data so it can cross into the audio thread. */
export interface VoiceCaptureCoreOptions {
  /** The audio context's rate, in Hz. */
  readonly inputRateHz: number;
  readonly shouldRecord: boolean;
  /** Samples (at 16 kHz) per recorded chunk. */
  readonly chunkSamples: number;
}

/**
 * The audio thread's work, free of any worklet global so it runs in Node tests too: downsamples to
 * 16 kHz mono, runs the {@link VoiceActivityDetector} and, when recording, batches 16-bit PCM into
 * chunks. Times are context time in ms; the stream's clock starts at the first block.
 */
export class VoiceCaptureCore {
  readonly #options: VoiceCaptureCoreOptions;
  readonly #downsampler: Downsampler;
  #detector: VoiceActivityDetector | null = null;
  #chunk: Float32Array;
  #chunkLength = 0;
  #chunkStartMs = 0;
  #outputSamples = 0;
  #streamStartMs = 0;

  constructor(options: VoiceCaptureCoreOptions) {
    this.#options = options;
    this.#downsampler = new Downsampler(options.inputRateHz, VOICE_SAMPLE_RATE_HZ);
    this.#chunk = new Float32Array(options.chunkSamples);
  }

  /**
   * Consumes one block of mono samples whose first sample plays at `blockStartMs` (context time).
   * @returns the messages to post, if any.
   */
  process(block: Float32Array, blockStartMs: number): VoiceCaptureMessage[] {
    if (!this.#detector) {
      this.#streamStartMs = blockStartMs;
      this.#detector = new VoiceActivityDetector({ streamStartMs: blockStartMs, config: { sampleRateHz: VOICE_SAMPLE_RATE_HZ } });
    }
    const samples = this.#downsampler.process(block);
    const messages: VoiceCaptureMessage[] = [];
    const segments = this.#detector.process(samples);
    if (segments.length > 0) messages.push({ type: 'segments', segments });
    if (this.#options.shouldRecord) {
      for (let i = 0; i < samples.length; i++) {
        if (this.#chunkLength === 0) this.#chunkStartMs = this.#streamStartMs + (this.#outputSamples * 1000) / VOICE_SAMPLE_RATE_HZ;
        this.#chunk[this.#chunkLength++] = samples[i] ?? 0;
        this.#outputSamples++;
        if (this.#chunkLength === this.#chunk.length) messages.push(this.#takeChunk());
      }
    } else {
      this.#outputSamples += samples.length;
    }
    return messages;
  }

  /** Closes a segment still open and sends the partial recording chunk. */
  flush(): VoiceCaptureMessage[] {
    const messages: VoiceCaptureMessage[] = [];
    const segments = this.#detector?.flush() ?? [];
    if (segments.length > 0) messages.push({ type: 'segments', segments });
    if (this.#chunkLength > 0) messages.push(this.#takeChunk());
    messages.push({ type: 'flushed' });
    return messages;
  }

  #takeChunk(): VoiceCaptureMessage {
    const pcm = floatToInt16(this.#chunk.subarray(0, this.#chunkLength));
    this.#chunkLength = 0;
    return { type: 'pcm', startMs: this.#chunkStartMs, samples: pcm.buffer as ArrayBuffer };
  }
}
