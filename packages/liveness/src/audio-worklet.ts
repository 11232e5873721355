// Audio worklet entry (`@huoti/liveness` `dist/audio-worklet.js`, a self-contained module): runs
// the voice-activity detector on the audio thread. Loaded by URL with `audioWorklet.addModule`,
// never from a blob or eval, so it runs under `script-src 'self'`.
import { VoiceCaptureCore } from './audio-capture/voice-capture-core.js';
import {
  VOICE_CAPTURE_PROCESSOR_NAME,
  type VoiceCaptureCommand,
  type VoiceCaptureMessage,
  type VoiceCaptureProcessorOptions,
} from './audio-capture/voice-capture-messages.js';

// AudioWorkletGlobalScope is not in TypeScript's DOM lib; these are its globals we use.
declare const sampleRate: number;
declare const currentTime: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: { processorOptions?: unknown });
}
declare function registerProcessor(name: string, processor: new (options: { processorOptions?: unknown }) => AudioWorkletProcessor): void;

class VoiceCaptureProcessor extends AudioWorkletProcessor {
  readonly #core: VoiceCaptureCore;

  constructor(options: { processorOptions?: unknown }) {
    super(options);
    const processorOptions = options.processorOptions as VoiceCaptureProcessorOptions;
    this.#core = new VoiceCaptureCore({
      inputRateHz: sampleRate,
      shouldRecord: processorOptions.shouldRecord,
      chunkSamples: processorOptions.chunkSamples,
    });
    this.port.onmessage = (event: MessageEvent<VoiceCaptureCommand>) => {
      if (event.data.type === 'flush') this.#post(this.#core.flush());
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (channel) this.#post(this.#core.process(channel, currentTime * 1000));
    return true;
  }

  #post(messages: readonly VoiceCaptureMessage[]): void {
    for (const message of messages) {
      this.port.postMessage(message, message.type === 'pcm' ? [message.samples] : []);
    }
  }
}

registerProcessor(VOICE_CAPTURE_PROCESSOR_NAME, VoiceCaptureProcessor);
