import type { VoicedSegment } from '../audio/voiced-segment.js';
import { HuotiError } from '../errors/huoti-error.js';
import {
  VOICE_CAPTURE_PROCESSOR_NAME,
  VOICE_SAMPLE_RATE_HZ,
  type VoiceCaptureMessage,
  type VoiceCaptureProcessorOptions,
} from './voice-capture-messages.js';

/** Options of {@link startVoiceCapture}. */
export interface VoiceCaptureOptions {
  /**
   * The worklet bundle. Default: `./audio-worklet.js` next to this module. No blob:, no eval; on
   * another origin it loads in CORS mode (its server must send `Access-Control-Allow-Origin`).
   */
  readonly workletUrl?: URL | string;
  /** Keep the 16 kHz PCM for an evidence recording. Default false. */
  readonly shouldRecord?: boolean;
  /** Samples (16 kHz) per recorded chunk sent from the audio thread. */
  readonly chunkSamples?: number;
  /** How long {@link VoiceCapture.stop} waits for the audio thread's last segments, in ms. */
  readonly flushTimeoutMs?: number;
  /** How long loading the worklet and starting the audio context may take, in ms. */
  readonly startTimeoutMs?: number;
  /** Aborts the start. */
  readonly signal?: AbortSignal;
  /**
   * A context the caller made (or resumed) inside a user gesture, such as the click that starts
   * the run: the autoplay policy lets it run, where one made here, seconds after the click, may
   * stay suspended. It stays the caller's: `stop()` disconnects from it and leaves it open.
   * Default: a new context, closed by `stop()`.
   */
  readonly audioContext?: AudioContext;
}

/** Named defaults of {@link VoiceCaptureOptions}. */
export const DEFAULT_VOICE_CAPTURE_OPTIONS = Object.freeze({
  shouldRecord: false,
  chunkSamples: 4_000,
  flushTimeoutMs: 500,
  startTimeoutMs: 5_000,
});

/** Settles as `promise` does, or rejects with `onTimeout()` after `timeoutMs`. */
async function withDeadline<T>(promise: Promise<T>, timeoutMs: number, onTimeout: () => HuotiError): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Why a worklet on another origin (a CDN) may fail: `addModule` fetches it in CORS mode, so that
 * server must send `Access-Control-Allow-Origin`, and the page's `script-src` must list its origin.
 * Empty for a same-origin worklet.
 */
function crossOriginWorkletHint(workletUrl: URL): string {
  if (typeof location === 'undefined' || workletUrl.origin === location.origin) return '';
  return ` (the worklet is on another origin, ${workletUrl.origin}: it must answer with Access-Control-Allow-Origin and a JavaScript Content-Type, and the page's Content-Security-Policy must allow it in script-src; docs/csp.md)`;
}

/** A recorded stretch of 16 kHz mono 16-bit PCM. */
export interface VoiceRecording {
  /** Time of the first sample, in ms on the `performance.now()` clock. */
  readonly startMs: number;
  readonly sampleRateHz: number;
  readonly samples: Int16Array;
}

/** A running voice capture. */
export interface VoiceCapture {
  /** Voiced segments closed since the last call, oldest first, on the `performance.now()` clock. */
  takeSegments(): VoicedSegment[];
  /** Every segment so far, on the `performance.now()` clock. */
  readonly segments: readonly VoicedSegment[];
  /** The recording between `fromMs` and `toMs` (`performance.now()` clock); `null` when not recording or nothing overlaps. */
  recording(fromMs: number, toMs: number): VoiceRecording | null;
  /** Flushes the detector (closing an open segment), then closes the audio context it made (a given `audioContext` stays open). Leaves `stream`'s tracks running. */
  stop(): Promise<void>;
}

interface PcmChunk {
  readonly startMs: number;
  readonly samples: Int16Array;
}

/**
 * Starts voice-activity detection on the first audio track of `stream` in an AudioWorklet. The
 * audio thread posts closed voiced segments (plain data); their context-time stamps are mapped onto
 * the `performance.now()` clock of the video frames through `AudioContext.getOutputTimestamp()`
 * (or `currentTime` before the context reports one). The stream's tracks are the caller's: `stop()`
 * closes only the context this made.
 *
 * A context the autoplay policy keeps suspended (no recent user gesture, no capture permission)
 * fails the start with `AUDIO_SUSPENDED` after `startTimeoutMs` rather than hanging; pass an
 * `audioContext` made in a user gesture to avoid that.
 *
 * @throws {HuotiError} `INVALID_INPUT` for a stream without a live audio track, a browser without
 *   AudioWorklet, or a closed `audioContext`; `AUDIO_SUSPENDED` for a context the browser keeps
 *   suspended; `ASSET_LOAD_FAILED` when the worklet module cannot be loaded (or not within
 *   `startTimeoutMs`); `ABORTED`.
 */
export async function startVoiceCapture(stream: MediaStream, options: VoiceCaptureOptions = {}): Promise<VoiceCapture> {
  const resolved = { ...DEFAULT_VOICE_CAPTURE_OPTIONS, ...options };
  const track = stream.getAudioTracks().find((t) => t.readyState === 'live');
  if (!track) throw new HuotiError('INVALID_INPUT', 'startVoiceCapture needs a stream with a live audio track');
  if (typeof AudioContext === 'undefined' || typeof AudioWorkletNode === 'undefined') {
    throw new HuotiError('INVALID_INPUT', 'this browser has no AudioWorklet');
  }
  const workletUrl = new URL(String(options.workletUrl ?? new URL('./audio-worklet.js', import.meta.url)), typeof location === 'undefined' ? undefined : location.href);
  if (options.audioContext?.state === 'closed') throw new HuotiError('INVALID_INPUT', 'startVoiceCapture was given a closed AudioContext');
  const context = options.audioContext ?? new AudioContext();
  const ownsContext = options.audioContext === undefined;
  let source: MediaStreamAudioSourceNode | null = null;
  try {
    try {
      await withDeadline(
        context.audioWorklet.addModule(workletUrl.href),
        resolved.startTimeoutMs,
        () => new HuotiError('ASSET_LOAD_FAILED', `the audio worklet ${workletUrl.href} did not load within ${resolved.startTimeoutMs} ms`),
      );
    } catch (cause) {
      throw cause instanceof HuotiError ? cause : new HuotiError('ASSET_LOAD_FAILED', `cannot load the audio worklet ${workletUrl.href}: ${String(cause)}${crossOriginWorkletHint(workletUrl)}`, { cause });
    }
    if (options.signal?.aborted) throw new HuotiError('ABORTED', 'voice capture start aborted', { cause: options.signal.reason });
    const processorOptions: VoiceCaptureProcessorOptions = { shouldRecord: resolved.shouldRecord, chunkSamples: resolved.chunkSamples };
    const node = new AudioWorkletNode(context, VOICE_CAPTURE_PROCESSOR_NAME, {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      channelCount: 1,
      channelCountMode: 'explicit',
      processorOptions,
    });
    source = context.createMediaStreamSource(new MediaStream([track]));
    source.connect(node);
    // The autoplay policy may leave a context suspended; resume() then waits for a gesture.
    if (context.state === 'suspended') {
      await withDeadline(
        context.resume(),
        resolved.startTimeoutMs,
        () =>
          new HuotiError(
            'AUDIO_SUSPENDED',
            `the audio context stayed suspended for ${resolved.startTimeoutMs} ms (autoplay policy): make or resume it in a user gesture and pass it as audioContext`,
          ),
      );
    }
    return new RunningVoiceCapture(context, ownsContext, node, source, resolved.flushTimeoutMs);
  } catch (error) {
    source?.disconnect();
    // The start error is what the caller needs; a failed close has nothing to add to it.
    if (ownsContext) await context.close().catch(() => undefined);
    throw error;
  }
}

class RunningVoiceCapture implements VoiceCapture {
  readonly #context: AudioContext;
  readonly #ownsContext: boolean;
  readonly #node: AudioWorkletNode;
  readonly #source: MediaStreamAudioSourceNode;
  readonly #flushTimeoutMs: number;
  readonly #all: VoicedSegment[] = [];
  #pending: VoicedSegment[] = [];
  readonly #chunks: PcmChunk[] = [];
  #onFlushed: (() => void) | null = null;
  #isStopped = false;

  constructor(context: AudioContext, ownsContext: boolean, node: AudioWorkletNode, source: MediaStreamAudioSourceNode, flushTimeoutMs: number) {
    this.#context = context;
    this.#ownsContext = ownsContext;
    this.#node = node;
    this.#source = source;
    this.#flushTimeoutMs = flushTimeoutMs;
    node.port.onmessage = (event: MessageEvent<VoiceCaptureMessage>) => this.#onMessage(event.data);
  }

  /** ms to add to a context time (ms) to get the `performance.now()` time of the same instant. */
  #clockOffsetMs(): number {
    const stamp = this.#context.getOutputTimestamp?.();
    if (stamp && stamp.performanceTime !== undefined && stamp.contextTime !== undefined && stamp.performanceTime > 0) {
      return stamp.performanceTime - stamp.contextTime * 1000;
    }
    return performance.now() - this.#context.currentTime * 1000;
  }

  #onMessage(message: VoiceCaptureMessage): void {
    switch (message.type) {
      case 'segments': {
        const offsetMs = this.#clockOffsetMs();
        const mapped = message.segments.map((s) => ({ startMs: s.startMs + offsetMs, endMs: s.endMs + offsetMs }));
        this.#all.push(...mapped);
        this.#pending.push(...mapped);
        return;
      }
      case 'pcm':
        this.#chunks.push({ startMs: message.startMs + this.#clockOffsetMs(), samples: new Int16Array(message.samples) });
        return;
      case 'flushed':
        this.#onFlushed?.();
        return;
    }
  }

  get segments(): readonly VoicedSegment[] {
    return this.#all;
  }

  takeSegments(): VoicedSegment[] {
    const taken = this.#pending;
    this.#pending = [];
    return taken;
  }

  recording(fromMs: number, toMs: number): VoiceRecording | null {
    const msPerSample = 1000 / VOICE_SAMPLE_RATE_HZ;
    const parts: Int16Array[] = [];
    let startMs: number | null = null;
    for (const chunk of this.#chunks) {
      const chunkEndMs = chunk.startMs + chunk.samples.length * msPerSample;
      if (chunkEndMs <= fromMs || chunk.startMs >= toMs) continue;
      const first = Math.max(0, Math.ceil((fromMs - chunk.startMs) / msPerSample));
      const last = Math.min(chunk.samples.length, Math.floor((toMs - chunk.startMs) / msPerSample));
      if (last <= first) continue;
      startMs ??= chunk.startMs + first * msPerSample;
      parts.push(chunk.samples.subarray(first, last));
    }
    if (startMs === null) return null;
    const samples = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const part of parts) {
      samples.set(part, offset);
      offset += part.length;
    }
    return { startMs, sampleRateHz: VOICE_SAMPLE_RATE_HZ, samples };
  }

  async stop(): Promise<void> {
    if (this.#isStopped) return;
    this.#isStopped = true;
    if (this.#context.state === 'running') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#flushTimeoutMs);
        this.#onFlushed = () => {
          clearTimeout(timer);
          resolve();
        };
        this.#node.port.postMessage({ type: 'flush' });
      });
    }
    this.#onFlushed = null;
    this.#source.disconnect();
    this.#node.port.onmessage = null;
    if (this.#ownsContext) await this.#context.close();
  }
}
