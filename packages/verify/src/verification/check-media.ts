import type { EvidenceBundle, MetricFrame } from '@huoti/liveness/protocol';
import { readJpegSize } from './jpeg-size.js';
import type { VerificationReason } from './verification-reason.js';
import type { VerifierConfig } from './verifier-config.js';
import { readWavFormat } from './wav-format.js';

const AUDIO_SAMPLE_RATE_HZ = 16_000;
const AUDIO_BITS_PER_SAMPLE = 16;

/**
 * Internal: best frames must be JPEGs of their stated size, taken during the trace; the audio clip
 * must be 16 kHz mono 16-bit PCM WAV covering every voiced segment. `audioSlackMs` is how far the
 * clip's edges may miss a segment's.
 */
export function checkMedia(
  bundle: EvidenceBundle,
  config: VerifierConfig,
  audioSlackMs: number,
  report: (reason: VerificationReason) => void,
): void {
  const { bestFrames, audio, trace, plan } = bundle.evidence;
  const lastFrameMs = (trace.frames.at(-1) as MetricFrame)[0];
  if (!bestFrames) {
    if (config.shouldRequireBestFrames) report('best_frames_missing');
  } else {
    const isValid = bestFrames.every((frame) => {
      const bytes = Buffer.from(frame.jpegBase64, 'base64');
      if (bytes.length > config.limits.maxBestFrameBytes || frame.timeMs > lastFrameMs) return false;
      const size = readJpegSize(bytes);
      return size !== undefined && size.width === frame.width && size.height === frame.height;
    });
    if (!isValid) report('best_frame_invalid');
  }

  const hasReadDigits = plan.steps.some((step) => step.kind === 'readDigits');
  if (!audio) {
    if (config.shouldRequireAudio && hasReadDigits) report('audio_missing');
    return;
  }
  const bytes = Buffer.from(audio.wavBase64, 'base64');
  const format = bytes.length <= config.limits.maxAudioBytes ? readWavFormat(bytes) : undefined;
  if (
    !format ||
    format.sampleRateHz !== AUDIO_SAMPLE_RATE_HZ ||
    format.channels !== 1 ||
    format.bitsPerSample !== AUDIO_BITS_PER_SAMPLE
  ) {
    report('audio_invalid');
    return;
  }
  const durationMs = (format.dataBytes / (AUDIO_BITS_PER_SAMPLE / 8) / AUDIO_SAMPLE_RATE_HZ) * 1_000;
  const segments = trace.steps.flatMap((step) => step.voicedSegments ?? []);
  const isCovering = segments.every(
    ([startMs, endMs]) => startMs >= audio.startMs - audioSlackMs && endMs <= audio.startMs + durationMs + audioSlackMs,
  );
  if (!isCovering) report('audio_invalid');
}
