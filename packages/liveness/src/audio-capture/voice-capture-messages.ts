/** The rate the voice-activity detector and the evidence recording run at, in Hz. */
export const VOICE_SAMPLE_RATE_HZ = 16_000;

/** The name the audio worklet registers its processor under. */
export const VOICE_CAPTURE_PROCESSOR_NAME = 'huoti-voice-capture';

/** Options handed to the processor (`processorOptions`); plain data. */
export interface VoiceCaptureProcessorOptions {
  /** Whether to send the 16 kHz PCM back for a recording. */
  readonly shouldRecord: boolean;
  /** Samples (at 16 kHz) per recorded chunk sent to the main thread. */
  readonly chunkSamples: number;
}

/** What the processor posts to the main thread. Times are context time, in ms. */
export type VoiceCaptureMessage =
  /** Voiced segments that just closed. */
  | { readonly type: 'segments'; readonly segments: readonly { readonly startMs: number; readonly endMs: number }[] }
  /** 16 kHz 16-bit PCM whose first sample is at `startMs`; the buffer is transferred. */
  | { readonly type: 'pcm'; readonly startMs: number; readonly samples: ArrayBuffer }
  /** Answer to `flush`: everything before it has been posted. */
  | { readonly type: 'flushed' };

/** What the main thread posts to the processor. */
export type VoiceCaptureCommand = { readonly type: 'flush' };
